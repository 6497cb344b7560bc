"""A deliberately small stand-in for `agendac lsp`, for `run.sh --self-test` only.

It exists to prove the e2e harness itself (pytest-lsp client, Neovim, Emacs,
waits and assertions) while the real server is being written. Diagnostics and
formatting come from the real CLI (`agendac check` / `agendac fmt` run on a
temporary copy beside the document, so agendac.json is found); completion,
symbols, hover and references are naive. Folding, selection ranges, semantic
tokens and code actions are left out on purpose so the suite's "not
advertised: skip" path is exercised too. Never used against the real server.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lsprotocol import types as T  # noqa: E402
from pygls.lsp.server import LanguageServer  # noqa: E402

import e2e_support as S  # noqa: E402

REAL = os.environ["AGENDAC_REFERENCE_BIN"]

MEETING_KEYWORDS = ["møde", "kommune", "dokument", "dato", "tid", "sted", "deltagere", "fraværende", "stedfortrædere"]
ITEM_KEYWORDS = [
    "sagsnr", "lukket", "uden beslutning", "kommunikation", "sagsbehandler", "øvrige sagsbehandlere",
    "varighed", "afsluttes i", "afgøres i", "afgøres af", "resume", "sagsfremstilling", "økonomi",
    "procedure", "indstilling", "beslutning", "sagens gang", "bilag", "afsnit",
]

server = LanguageServer("fake-agendac", "0.0-selftest", text_document_sync_kind=T.TextDocumentSyncKind.Incremental)


def encoding() -> str:
    enc = server.workspace.position_encoding
    return getattr(enc, "value", enc) or "utf-16"


def path_of(uri: str) -> Path:
    return Path(unquote(urlparse(uri).path))


def run_on_copy(uri: str, text: str, args: list[str]) -> tuple[subprocess.CompletedProcess, str]:
    folder = path_of(uri).parent
    if not folder.is_dir():
        folder = Path(tempfile.gettempdir())
    fd, name = tempfile.mkstemp(suffix=".agenda", prefix=".selftest-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        proc = subprocess.run([REAL, *args, name], capture_output=True, timeout=30)
        return proc, Path(name).read_text(encoding="utf-8")
    finally:
        os.unlink(name)


def publish(uri: str) -> None:
    doc = server.workspace.get_text_document(uri)
    proc, _ = run_on_copy(uri, doc.source, ["check", "--format", "json"])
    diags = []
    for d in json.loads(proc.stdout or b"[]"):
        code, sev, sl, sc, el, ec = S.cli_to_lsp(d, doc.source, encoding())
        diags.append(
            T.Diagnostic(
                range=T.Range(T.Position(sl, sc), T.Position(el, ec)),
                message=d["message"],
                severity=T.DiagnosticSeverity(sev),
                code=code,
                source="agendac",
            )
        )
    server.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=doc.version))


@server.feature(T.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls, params: T.DidOpenTextDocumentParams):
    publish(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls, params: T.DidChangeTextDocumentParams):
    publish(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls, params: T.DidCloseTextDocumentParams):
    server.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(T.TEXT_DOCUMENT_COMPLETION, T.CompletionOptions(trigger_characters=[]))
def completion(ls, params: T.CompletionParams):
    doc = server.workspace.get_text_document(params.text_document.uri)
    lines = S.split_lines(doc.source)
    in_item = any(S.ITEM_RE.match(line) for line in lines[: params.position.line])
    words = (ITEM_KEYWORDS if in_item else MEETING_KEYWORDS) + ["punkt"]
    if in_item:
        words.append("underskrifter")
    return T.CompletionList(
        is_incomplete=False,
        items=[T.CompletionItem(label=w, kind=T.CompletionItemKind.Keyword, insert_text=w + ": ") for w in words],
    )


def items(text: str) -> list[tuple[int, str, int]]:
    """(line, name, end line) of each item."""
    lines = S.split_lines(text)
    starts = [(i, m) for i, line in enumerate(lines) if (m := S.ITEM_RE.match(line))]
    out = []
    for k, (i, m) in enumerate(starts):
        end = (starts[k + 1][0] - 1) if k + 1 < len(starts) else len(lines) - 1
        out.append((i, f"{m.group(1) or ''}. {m.group(2)}".strip(". "), end))
    return out


@server.feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbol(ls, params: T.DocumentSymbolParams):
    doc = server.workspace.get_text_document(params.text_document.uri)
    lines = S.split_lines(doc.source)
    enc = encoding()
    result = []
    for line, name, end in items(doc.source):
        full = T.Range(T.Position(line, 0), T.Position(end, S.units(lines[end], enc)))
        head = T.Range(T.Position(line, 0), T.Position(line, S.units(lines[line], enc)))
        result.append(T.DocumentSymbol(name=name, kind=T.SymbolKind.Namespace, range=full, selection_range=head))
    return result


def case_at(doc, position: T.Position):
    lines = S.split_lines(doc.source)
    line = lines[position.line] if position.line < len(lines) else ""
    col = S.units_to_scalar(line, position.character, encoding())
    for m in S.CASE_RE.finditer(line):
        if m.start(1) <= col <= m.end(1):
            return m.group(1)
    return None


def location(uri, text, line, a, b):
    lines = S.split_lines(text)
    enc = encoding()
    return T.Location(
        uri=uri,
        range=T.Range(T.Position(line, S.scalar_to_units(lines[line], a, enc)), T.Position(line, S.scalar_to_units(lines[line], b, enc))),
    )


@server.feature(T.TEXT_DOCUMENT_HOVER)
def hover(ls, params: T.HoverParams):
    doc = server.workspace.get_text_document(params.text_document.uri)
    number = case_at(doc, params.position)
    if not number:
        return None
    hover_caps = server.client_capabilities.text_document and server.client_capabilities.text_document.hover
    formats = (hover_caps and hover_caps.content_format) or [T.MarkupKind.PlainText]
    if T.MarkupKind.Markdown in formats:
        return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value=f"**Sagsnummer** `{number}`"))
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.PlainText, value=f"Sagsnummer {number}"))


@server.feature(T.TEXT_DOCUMENT_REFERENCES)
def references(ls, params: T.ReferenceParams):
    doc = server.workspace.get_text_document(params.text_document.uri)
    number = case_at(doc, params.position)
    if not number:
        return []
    occ = S.case_number_occurrences(doc.source).get(number, [])
    return [location(doc.uri, doc.source, line, a, b) for line, a, b in occ]


@server.feature(T.TEXT_DOCUMENT_DEFINITION)
def definition(ls, params: T.DefinitionParams):
    refs = references(ls, T.ReferenceParams(text_document=params.text_document, position=params.position, context=T.ReferenceContext(include_declaration=True)))
    return refs[:1] or None


@server.feature(T.WORKSPACE_SYMBOL)
def workspace_symbol(ls, params: T.WorkspaceSymbolParams):
    out = []
    for uri, doc in server.workspace.text_documents.items():
        for line, name, _ in items(doc.source):
            if params.query.lower() in name.lower():
                out.append(T.SymbolInformation(name=name, kind=T.SymbolKind.Namespace, location=location(uri, doc.source, line, 0, 0)))
    return out


@server.feature(T.TEXT_DOCUMENT_FORMATTING)
def formatting(ls, params: T.DocumentFormattingParams):
    doc = server.workspace.get_text_document(params.text_document.uri)
    proc, formatted = run_on_copy(doc.uri, doc.source, ["fmt"])
    if proc.returncode != 0 or formatted == doc.source:
        return []
    lines = S.split_lines(doc.source)
    end = T.Position(len(lines) - 1, S.units(lines[-1], encoding()))
    return [T.TextEdit(range=T.Range(T.Position(0, 0), end), new_text=formatted)]


if __name__ == "__main__":
    server.start_io()

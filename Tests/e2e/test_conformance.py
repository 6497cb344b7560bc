"""Protocol conformance of `agendac lsp`, driven by pytest-lsp.

pytest-lsp's client (pygls + lsprotocol) structures every message the server
sends into the LSP 3.17 types, so a response or notification of the wrong
shape fails the request (and the run), and its capability checks turn a result
that the declared client capabilities do not allow into an
LspSpecificationWarning, which pytest.ini makes an error.

The lifecycle, diagnostics and completion are always asserted. Every other
feature is asserted when the server advertises it in its initialize result and
skipped (with the reason) when it does not, so the suite follows the server as
it grows.

The expected diagnostics and formatting come from the CLI (`agendac check`,
`agendac fmt`) run on the same text: one analysis, two front ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient

import e2e_support as S

# --------------------------------------------------------------------------
# Client capabilities

ALL_SYMBOL_KINDS = list(T.SymbolKind)
ALL_COMPLETION_KINDS = list(T.CompletionItemKind)


def vscode_like_capabilities() -> T.ClientCapabilities:
    """Roughly what VS Code 1.9x declares (the parts that matter here)."""
    return T.ClientCapabilities(
        general=T.GeneralClientCapabilities(
            position_encodings=[T.PositionEncodingKind.Utf16],
            markdown=T.MarkdownClientCapabilities(parser="marked", version="1.1.0"),
            stale_request_support=T.StaleRequestSupportOptions(
                cancel=True, retry_on_content_modified=["textDocument/semanticTokens/full"]
            ),
        ),
        window=T.WindowClientCapabilities(
            work_done_progress=True,
            show_message=T.ShowMessageRequestClientCapabilities(),
            show_document=T.ShowDocumentClientCapabilities(support=True),
        ),
        workspace=T.WorkspaceClientCapabilities(
            apply_edit=True,
            workspace_edit=T.WorkspaceEditClientCapabilities(
                document_changes=True,
                resource_operations=[T.ResourceOperationKind.Create, T.ResourceOperationKind.Rename, T.ResourceOperationKind.Delete],
                failure_handling=T.FailureHandlingKind.TextOnlyTransactional,
                normalizes_line_endings=True,
            ),
            did_change_configuration=T.DidChangeConfigurationClientCapabilities(dynamic_registration=True),
            did_change_watched_files=T.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
            symbol=T.WorkspaceSymbolClientCapabilities(symbol_kind=T.ClientSymbolKindOptions(value_set=ALL_SYMBOL_KINDS)),
            configuration=True,
            workspace_folders=True,
            semantic_tokens=T.SemanticTokensWorkspaceClientCapabilities(refresh_support=True),
            diagnostics=T.DiagnosticWorkspaceClientCapabilities(refresh_support=True),
        ),
        text_document=T.TextDocumentClientCapabilities(
            synchronization=T.TextDocumentSyncClientCapabilities(did_save=True, will_save=True, will_save_wait_until=True),
            completion=T.CompletionClientCapabilities(
                completion_item=T.ClientCompletionItemOptions(
                    snippet_support=True,
                    commit_characters_support=True,
                    documentation_format=[T.MarkupKind.Markdown, T.MarkupKind.PlainText],
                    deprecated_support=True,
                    preselect_support=True,
                    insert_replace_support=True,
                    label_details_support=True,
                    resolve_support=T.ClientCompletionItemResolveOptions(properties=["documentation", "detail"]),
                    insert_text_mode_support=T.ClientCompletionItemInsertTextModeOptions(
                        value_set=[T.InsertTextMode.AsIs, T.InsertTextMode.AdjustIndentation]
                    ),
                ),
                completion_item_kind=T.ClientCompletionItemOptionsKind(value_set=ALL_COMPLETION_KINDS),
                context_support=True,
                completion_list=T.CompletionListCapabilities(item_defaults=["commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"]),
            ),
            hover=T.HoverClientCapabilities(content_format=[T.MarkupKind.Markdown, T.MarkupKind.PlainText]),
            definition=T.DefinitionClientCapabilities(link_support=True),
            references=T.ReferenceClientCapabilities(),
            document_symbol=T.DocumentSymbolClientCapabilities(
                symbol_kind=T.ClientSymbolKindOptions(value_set=ALL_SYMBOL_KINDS),
                hierarchical_document_symbol_support=True,
                label_support=True,
            ),
            code_action=T.CodeActionClientCapabilities(
                code_action_literal_support=T.ClientCodeActionLiteralOptions(
                    code_action_kind=T.ClientCodeActionKindOptions(
                        value_set=["", "quickfix", "refactor", "refactor.extract", "refactor.inline", "refactor.rewrite", "source", "source.organizeImports", "source.fixAll"]
                    )
                ),
                is_preferred_support=True,
                disabled_support=True,
                data_support=True,
                resolve_support=T.ClientCodeActionResolveOptions(properties=["edit"]),
            ),
            formatting=T.DocumentFormattingClientCapabilities(),
            folding_range=T.FoldingRangeClientCapabilities(range_limit=5000, line_folding_only=True),
            selection_range=T.SelectionRangeClientCapabilities(),
            publish_diagnostics=T.PublishDiagnosticsClientCapabilities(
                related_information=True,
                tag_support=T.ClientDiagnosticsTagOptions(value_set=[T.DiagnosticTag.Unnecessary, T.DiagnosticTag.Deprecated]),
                version_support=False,
                code_description_support=True,
                data_support=True,
            ),
            semantic_tokens=T.SemanticTokensClientCapabilities(
                requests=T.ClientSemanticTokensRequestOptions(range=True, full=T.ClientSemanticTokensRequestFullDelta(delta=True)),
                token_types=[t.value for t in T.SemanticTokenTypes],
                token_modifiers=[m.value for m in T.SemanticTokenModifiers],
                formats=[T.TokenFormat.Relative],
                overlapping_token_support=False,
                multiline_token_support=False,
                augments_syntax_tokens=True,
            ),
            diagnostic=T.DiagnosticClientCapabilities(related_document_support=False),
        ),
    )


def minimal_capabilities(position_encodings: list[str] | None = None) -> T.ClientCapabilities:
    """A small client (Neovim 0.7-like): push diagnostics only, no pull, plain text."""
    return T.ClientCapabilities(
        general=T.GeneralClientCapabilities(position_encodings=position_encodings) if position_encodings else None,
        text_document=T.TextDocumentClientCapabilities(
            synchronization=T.TextDocumentSyncClientCapabilities(did_save=True),
            completion=T.CompletionClientCapabilities(
                completion_item=T.ClientCompletionItemOptions(snippet_support=False, documentation_format=[T.MarkupKind.PlainText])
            ),
            hover=T.HoverClientCapabilities(content_format=[T.MarkupKind.PlainText]),
            publish_diagnostics=T.PublishDiagnosticsClientCapabilities(related_information=True),
        ),
        window=T.WindowClientCapabilities(work_done_progress=False),
        workspace=T.WorkspaceClientCapabilities(apply_edit=True, configuration=False, workspace_folders=False),
    )


# --------------------------------------------------------------------------
# Sessions and bounded calls


class Session:
    def __init__(self, client: LanguageClient, result: T.InitializeResult, root: Path, pull: bool):
        self.client = client
        self.result = result
        self.caps = result.capabilities
        self.root = root
        self.pull = pull  # the client declared pull diagnostics and the server offers them
        self.texts: dict[str, str] = {}
        self.paths: dict[str, Path] = {}
        self.versions: dict[str, int] = {}

    def why(self) -> str:
        """pytest-lsp's reason when it stopped the server (a message it could not
        structure into the LSP types, for instance)."""
        return f"\n  client error: {self.client.error}" if self.client.error is not None else ""

    @property
    def encoding(self) -> str:
        enc = self.caps.position_encoding
        return getattr(enc, "value", enc) or "utf-16"

    async def call(self, awaitable, what: str, timeout: float = S.REQUEST_TIMEOUT):
        """Await a request, failing fast if the server exits or does not answer in time."""
        task = asyncio.ensure_future(awaitable)
        proc = self.client._server
        waiter = asyncio.ensure_future(proc.wait()) if proc is not None else None
        done, _ = await asyncio.wait({t for t in (task, waiter) if t}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if waiter is not None and waiter not in done:
            waiter.cancel()
        if task in done:
            return task.result()
        task.cancel()
        if waiter is not None and waiter in done:
            pytest.fail(f"{what}: the server exited (code {proc.returncode}) without answering{self.why()}", pytrace=False)
        pytest.fail(f"{what}: no answer within {timeout}s", pytrace=False)

    # -- documents

    def open(self, path: Path, text: str | None = None) -> str:
        text = path.read_text(encoding="utf-8") if text is None else text
        uri = path.as_uri()
        self.texts[uri], self.paths[uri], self.versions[uri] = text, path, 1
        self.client.diagnostics.pop(uri, None)
        self.client.text_document_did_open(
            T.DidOpenTextDocumentParams(T.TextDocumentItem(uri=uri, language_id="agenda", version=1, text=text))
        )
        return uri

    def ensure_open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        return uri if uri in self.texts else self.open(path, text)

    def _did_change(self, uri: str, text: str, change) -> None:
        """Send one content change; `text` is the document after it."""
        self.versions[uri] += 1
        self.texts[uri] = text
        self.client.diagnostics.pop(uri, None)
        self.client.text_document_did_change(
            T.DidChangeTextDocumentParams(
                text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                content_changes=[change],
            )
        )

    def change_full(self, uri: str, text: str) -> None:
        self._did_change(uri, text, T.TextDocumentContentChangeWholeDocument(text=text))

    def change_range(self, uri: str, rng: T.Range, new_text: str) -> None:
        """An incremental change if the server asked for them, else the whole text."""
        old = self.texts[uri]
        text = S.apply_edits(old, [(rng.start.line, rng.start.character, rng.end.line, rng.end.character, new_text)], self.encoding)
        if sync_kind(self.caps) == T.TextDocumentSyncKind.Incremental:
            self._did_change(uri, text, T.TextDocumentContentChangePartial(range=rng, text=new_text))
        else:
            self.change_full(uri, text)

    async def diagnostics(self, uri: str, want=None, timeout: float = S.DIAGNOSTICS_TIMEOUT) -> list[T.Diagnostic]:
        """Current diagnostics of a document: pulled if both sides support it,
        else the latest publishDiagnostics (waiting until `want(diags)` holds)."""
        if self.pull:
            report = await self.call(
                self.client.text_document_diagnostic_async(T.DocumentDiagnosticParams(text_document=T.TextDocumentIdentifier(uri))),
                "textDocument/diagnostic",
            )
            assert isinstance(report, T.RelatedFullDocumentDiagnosticReport), f"expected a full report, got {report!r}"
            return list(report.items)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            got = self.client.diagnostics.get(uri)
            if got is not None and (want is None or want(got)):
                return list(got)
            if self.client._server is not None and self.client._server.returncode is not None:
                pytest.fail(f"the server exited (code {self.client._server.returncode}) while diagnostics were awaited{self.why()}", pytrace=False)
            if loop.time() > deadline:
                if got is None:
                    pytest.fail(f"no textDocument/publishDiagnostics for {uri} within {timeout}s", pytrace=False)
                pytest.fail(f"diagnostics for {uri} never matched within {timeout}s; last: {describe(got)}", pytrace=False)
            await asyncio.sleep(0.05)


def sync_kind(caps: T.ServerCapabilities):
    sync = caps.text_document_sync
    if isinstance(sync, T.TextDocumentSyncOptions):
        return sync.change
    return sync


@contextlib.asynccontextmanager
async def lsp_session(root: Path, capabilities: T.ClientCapabilities, declare_pull: bool = False):
    try:
        binary = S.agendac_bin()
    except S.BinaryMissing as e:
        pytest.fail(str(e), pytrace=False)
    config = ClientServerConfig(server_command=[str(binary), "lsp"], server_env={**os.environ})
    client = await asyncio.wait_for(config.start(), S.REQUEST_TIMEOUT)
    # what a real client answers to the server's own requests (pygls would refuse them)
    for method in (T.CLIENT_REGISTER_CAPABILITY, T.CLIENT_UNREGISTER_CAPABILITY,
                   T.WORKSPACE_SEMANTIC_TOKENS_REFRESH, T.WORKSPACE_CODE_LENS_REFRESH,
                   T.WORKSPACE_INLAY_HINT_REFRESH):
        client.feature(method)(accept_request)
    session = None
    try:
        params = T.InitializeParams(
            capabilities=capabilities,
            client_info=T.ClientInfo(name="agendac-e2e", version="1"),
            locale="da",
            root_uri=root.as_uri(),
            root_path=str(root),
            workspace_folders=[T.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
            trace=T.TraceValue.Off,
        )
        probe = Session(client, T.InitializeResult(capabilities=T.ServerCapabilities()), root, False)
        result = await probe.call(client.initialize_session(params), "initialize")
        assert isinstance(result, T.InitializeResult)
        session = Session(client, result, root, declare_pull and result.capabilities.diagnostic_provider is not None)
        yield session
        if client.error is not None:
            pytest.fail(f"the session broke down: {client.error}", pytrace=False)
        await session.call(client.shutdown_session(), "shutdown/exit")
        proc = client._server
        if proc is not None:
            code = await asyncio.wait_for(proc.wait(), S.REQUEST_TIMEOUT)
            assert code == 0, f"the server exited with {code} after shutdown and exit (LSP: 0 expected)"
    finally:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.stop(), 5)
        proc = client._server
        if proc is not None and proc.returncode is None:
            proc.kill()


def accept_request(client: LanguageClient, params: Any) -> None:
    return None


def require(ok: Any, feature: str) -> None:
    if not ok:
        pytest.skip(f"server does not advertise {feature}")


# --------------------------------------------------------------------------
# Comparison helpers


def as_tuple(d: T.Diagnostic) -> tuple:
    sev = d.severity.value if d.severity is not None else None
    return (str(d.code), sev, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)


def describe(diags) -> str:
    return "; ".join(f"{d.code}@{d.range.start.line}:{d.range.start.character}-{d.range.end.line}:{d.range.end.character} {d.message[:60]!r}" for d in diags) or "none"


def expected_diagnostics(path: Path, text: str, encoding: str) -> list[tuple]:
    path.write_text(text, encoding="utf-8")
    return sorted(S.cli_to_lsp(d, text, encoding) for d in S.cli_check(path))


def assert_same_diagnostics(got: list[T.Diagnostic], expected: list[tuple], context: str) -> None:
    g = sorted(as_tuple(d) for d in got if not (d.severity == T.DiagnosticSeverity.Hint and as_tuple(d) not in expected))
    missing = [e for e in expected if e not in g]
    extra = [x for x in g if x not in expected]
    assert not missing and not extra, (
        f"{context}: the server's diagnostics differ from `agendac check`\n"
        f"  missing (code, severity, line, char, end line, end char): {missing}\n"
        f"  unexpected: {extra}\n  got: {describe(got)}"
    )


def position_in(pos: T.Position, rng: T.Range) -> bool:
    return (rng.start.line, rng.start.character) <= (pos.line, pos.character) <= (rng.end.line, rng.end.character)


def range_in(inner: T.Range, outer: T.Range) -> bool:
    return position_in(inner.start, outer) and position_in(inner.end, outer)


def assert_range_valid(rng: T.Range, text: str, encoding: str, what: str) -> None:
    lines = S.split_lines(text)
    for p in (rng.start, rng.end):
        assert 0 <= p.line < len(lines) or (p.line == len(lines) and p.character == 0), f"{what}: line {p.line} outside the document ({len(lines)} lines)"
        if p.line < len(lines):
            assert 0 <= p.character <= S.units(lines[p.line], encoding), (
                f"{what}: character {p.character} past the end of line {p.line} ({S.units(lines[p.line], encoding)} {encoding} units)"
            )
    assert (rng.start.line, rng.start.character) <= (rng.end.line, rng.end.character), f"{what}: range ends before it starts: {rng}"


def text_at(text: str, rng: T.Range, encoding: str) -> str:
    a = S.offset_of(text, rng.start.line, rng.start.character, encoding)
    b = S.offset_of(text, rng.end.line, rng.end.character, encoding)
    return text[a:b]


def norm(s: str | None) -> str:
    return (s or "").replace("$0", "").replace("${0}", "").strip().rstrip(":").strip().lower()


# --------------------------------------------------------------------------
# The shared session: a VS Code-like client with every sample open

PLANTED = """\
møde: Beskæftigelses- og Integrationsudvalget
kommune: Horsens Kommune
dokument: dagsorden
dato: 2026-06-01

punkt 1: Gødning på grønne områder 🌱
sagsnr: 15.00.00 A00 9 26

punkt 1: Æblehaven
sagsnr: 21/24526
"""

COMPLETION_DOC = """\
møde: Beskæftigelses- og Integrationsudvalget
kommune: Horsens Kommune

dokument: 

punkt 1: Godkendelse af dagsorden
sagsnr: 21/24526

punkt 2: Eventuelt
beslu
"""
# (line, character, expected normalized labels, what)
COMPLETION_CASES = [
    (2, 0, {"dato", "sted", "tid", "punkt"}, "a blank line among the meeting's fields"),
    (7, 0, {"resume", "sagsfremstilling", "indstilling", "beslutning", "punkt"}, "a blank line inside an item"),
    (9, 5, {"beslutning"}, "the prefix `beslu` inside an item"),
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("conformance")
    S.copy_samples(d)
    return d


@pytest.fixture
async def main(workdir: Path):
    """A fresh server per test, so one bad message fails one test, not the rest."""
    async with lsp_session(workdir, vscode_like_capabilities(), declare_pull=True) as session:
        for path in sorted(workdir.glob("*.agenda")):
            session.open(path)
        yield session


def sample_id(name: str) -> str:
    return name.split("-")[0] + "-" + name[-17:-7] if name.endswith(".agenda") else name


def sample_uri(session: Session, name_part: str) -> str:
    for uri, path in session.paths.items():
        if name_part in path.name:
            return uri
    raise KeyError(name_part)


# --------------------------------------------------------------------------
# Lifecycle and capabilities


async def test_initialize_result(main: Session):
    caps = main.caps
    assert caps.position_encoding in (None, T.PositionEncodingKind.Utf16), (
        f"the client offered only utf-16, the server chose {caps.position_encoding}"
    )
    kind = sync_kind(caps)
    assert kind in (T.TextDocumentSyncKind.Full, T.TextDocumentSyncKind.Incremental), (
        f"textDocumentSync must ask for Full or Incremental changes, got {caps.text_document_sync!r}"
    )
    if isinstance(caps.text_document_sync, T.TextDocumentSyncOptions):
        assert caps.text_document_sync.open_close, "textDocumentSync.openClose must be true (open files are the server's truth)"
    assert caps.completion_provider is not None, "completionProvider is missing"
    if main.result.server_info is not None:
        assert main.result.server_info.name, "serverInfo.name is empty"


# --------------------------------------------------------------------------
# Diagnostics


@pytest.mark.parametrize("sample", [s.name for s in S.SAMPLES], ids=lambda n: sample_id(n))
async def test_sample_diagnostics_match_cli(main: Session, sample: str):
    uri = sample_uri(main, sample)
    got = await main.diagnostics(uri)
    path = main.paths[uri]
    expected = sorted(S.cli_to_lsp(d, main.texts[uri], main.encoding) for d in S.cli_check(path))
    assert_same_diagnostics(got, expected, sample)
    for d in got:
        assert d.code is not None and str(d.code).startswith("AG"), f"diagnostic without its rule code: {d}"
        assert_range_valid(d.range, main.texts[uri], main.encoding, f"diagnostic {d.code}")


async def test_planted_errors_are_reported(main: Session, workdir: Path):
    path = workdir / "planted.agenda"
    uri = main.open(path, PLANTED)
    got = await main.diagnostics(uri, want=lambda ds: any(str(d.code) == "AG200" for d in ds))
    expected = expected_diagnostics(path, PLANTED, main.encoding)
    assert_same_diagnostics(got, expected, "planted errors")
    codes = {str(d.code) for d in got}
    assert {"AG200", "AG400"} <= codes, f"expected AG200 (malformed case number) and AG400 (duplicate item number), got {describe(got)}"
    ag200 = next(d for d in got if str(d.code) == "AG200")
    assert (ag200.range.start.line, ag200.range.start.character) == (6, 8)
    assert text_at(PLANTED, ag200.range, main.encoding) == "15.00.00 A00 9 26"


async def test_fixing_an_error_clears_it(main: Session, workdir: Path):
    path = workdir / "fixed.agenda"
    uri = main.open(path, PLANTED)
    await main.diagnostics(uri, want=lambda ds: any(str(d.code) == "AG200" for d in ds))
    fixed = PLANTED.replace("15.00.00 A00 9 26", "15.00.00-A00-9-26").replace("punkt 1: Æblehaven", "punkt 2: Æblehaven")
    main.change_full(uri, fixed)
    got = await main.diagnostics(uri, want=lambda ds: not any(str(d.code) in ("AG200", "AG400") for d in ds))
    assert_same_diagnostics(got, expected_diagnostics(path, fixed, main.encoding), "after the fix")


# --------------------------------------------------------------------------
# Positions: UTF-16 by default, and whatever encoding the server negotiates

UNICODE_DOC = """\
møde: Økonomiudvalget
kommune: Åbenrå Kommune
dokument: dagsorden
dato: 2026-05-04
deltagere: Åse Øster 🌱, Bjørn Ærø
fraværende: Åse Øster 🌱, Zoë Ærlig

punkt 1: Gødning på grønne områder 🌱
sagsnr: 15.00.00-A00-9-26
kommunikation: DIR(x) 🌱 ØKE XYZ
"""


def unicode_workdir(base: Path) -> Path:
    base.mkdir(parents=True, exist_ok=True)
    shutil.copy(S.SAMPLES_DIR / "agendac.json", base / "agendac.json")
    return base


async def test_positions_are_utf16_by_default(tmp_path: Path):
    root = unicode_workdir(tmp_path / "utf16")
    async with lsp_session(root, minimal_capabilities()) as session:
        assert session.encoding == "utf-16", f"a client that offers no positionEncodings gets utf-16, the server chose {session.encoding}"
        uri = session.open(root / "unicode.agenda", UNICODE_DOC)
        got = await session.diagnostics(uri, want=lambda ds: any(str(d.code) == "AG500" for d in ds))
        by_code = {(str(d.code), d.range.start.line): d for d in got}
        absent = by_code.get(("AG500", 5))
        assert absent is not None, f"no AG500 (absentee not a participant) on line 6: {describe(got)}"
        # `fraværende: Åse Øster 🌱, ` is 25 scalars, 26 UTF-16 units (the emoji is two), 31 UTF-8 bytes.
        r = absent.range
        assert (r.start.line, r.start.character, r.end.line, r.end.character) == (5, 26, 5, 35), (
            f"AG500 range {r} is not UTF-16: expected 5:26-5:35 (scalars would give 25-34, UTF-8 31-41)"
        )
        codes_504 = sorted((d.range.start.character, d.range.end.character) for d in got if str(d.code) == "AG504")
        # the emoji itself is 22..24 in UTF-16; XYZ is 29..32
        assert (29, 32) in codes_504, f"AG504 for XYZ should be 9:29-9:32 in UTF-16, got {codes_504}"
        assert_same_diagnostics(got, expected_diagnostics(root / "unicode.agenda", UNICODE_DOC, "utf-16"), "unicode document")


async def test_positions_follow_the_negotiated_encoding(tmp_path: Path):
    root = unicode_workdir(tmp_path / "negotiated")
    async with lsp_session(root, minimal_capabilities(["utf-8", "utf-16"])) as session:
        enc = session.encoding
        assert enc in ("utf-8", "utf-16"), f"the server chose {enc}, which the client did not offer"
        uri = session.open(root / "unicode.agenda", UNICODE_DOC)
        got = await session.diagnostics(uri, want=lambda ds: any(str(d.code) == "AG500" for d in ds))
        assert_same_diagnostics(got, expected_diagnostics(root / "unicode.agenda", UNICODE_DOC, enc), f"unicode document in {enc}")


async def test_edit_after_emoji_lands_in_the_right_place(tmp_path: Path):
    """A change whose range starts after æ, ø, å and an emoji (UTF-16 units from
    the client) must be applied at the right place in the server's copy."""
    root = unicode_workdir(tmp_path / "edit")
    valid = UNICODE_DOC.replace("fraværende: Åse Øster 🌱, Zoë Ærlig", "fraværende: Åse Øster 🌱, Bjørn Ærø")
    async with lsp_session(root, minimal_capabilities()) as session:
        uri = session.open(root / "edit.agenda", valid)
        await session.diagnostics(uri)
        # replace `Bjørn Ærø` (UTF-16 5:26-5:35) by `Zoë Ærlig`
        session.change_range(uri, T.Range(T.Position(5, 26), T.Position(5, 35)), "Zoë Ærlig")
        assert session.texts[uri] == UNICODE_DOC
        got = await session.diagnostics(uri, want=lambda ds: any(str(d.code) == "AG500" for d in ds))
        assert_same_diagnostics(got, expected_diagnostics(root / "edit.agenda", UNICODE_DOC, "utf-16"), "after an edit behind an emoji")


# --------------------------------------------------------------------------
# Completion


def labels(result) -> tuple[set[str], list[T.CompletionItem]]:
    if result is None:
        return set(), []
    items = result.items if isinstance(result, T.CompletionList) else list(result)
    names = set()
    for item in items:
        names.add(norm(item.label))
        if item.insert_text:
            names.add(norm(item.insert_text))
        if isinstance(item.text_edit, (T.TextEdit, T.InsertReplaceEdit)):
            names.add(norm(item.text_edit.new_text))
    return names, items


@pytest.mark.parametrize("line,character,expected,what", COMPLETION_CASES, ids=["meeting", "item", "prefix"])
async def test_completion(main: Session, workdir: Path, line, character, expected, what):
    uri = main.ensure_open(workdir / "completion.agenda", COMPLETION_DOC)
    pos = T.Position(line, character)
    result = await main.call(
        main.client.text_document_completion_async(
            T.CompletionParams(
                text_document=T.TextDocumentIdentifier(uri),
                position=pos,
                context=T.CompletionContext(trigger_kind=T.CompletionTriggerKind.Invoked),
            )
        ),
        "textDocument/completion",
    )
    names, items = labels(result)
    assert items, f"no completion at {what} ({line}:{character})"
    assert expected <= names, f"completion at {what}: missing {sorted(expected - names)}; got {sorted(names)}"
    for item in items:
        te = item.text_edit
        ranges = [te.range] if isinstance(te, T.TextEdit) else [te.insert, te.replace] if isinstance(te, T.InsertReplaceEdit) else []
        for rng in ranges:
            assert rng.start.line == rng.end.line == line, f"{item.label!r}: a completion edit must be on the cursor's line: {rng}"
            assert position_in(pos, rng), f"{item.label!r}: the completion edit {rng} does not contain the cursor {pos}"


async def test_completion_of_document_kind(main: Session, workdir: Path):
    uri = main.ensure_open(workdir / "completion.agenda", COMPLETION_DOC)
    result = await main.call(
        main.client.text_document_completion_async(T.CompletionParams(text_document=T.TextDocumentIdentifier(uri), position=T.Position(3, 10))),
        "textDocument/completion",
    )
    names, items = labels(result)
    if not ({"dagsorden", "referat"} & names):
        pytest.skip("no value completion after `dokument: ` (not required)")
    assert {"dagsorden", "referat"} <= names, f"after `dokument: ` expected dagsorden and referat, got {sorted(names)}"


async def test_plain_text_client_gets_plain_text(tmp_path: Path):
    """A client that declares only plain text (and no snippets) must get plain
    text in hover and completion documentation (pytest-lsp checks completion)."""
    root = unicode_workdir(tmp_path / "plain")
    async with lsp_session(root, minimal_capabilities()) as session:
        path = root / "plain.agenda"
        uri = session.open(path, COMPLETION_DOC)
        await session.diagnostics(uri)
        result = await session.call(
            session.client.text_document_completion_async(
                T.CompletionParams(text_document=T.TextDocumentIdentifier(uri), position=T.Position(7, 0))
            ),
            "textDocument/completion",
        )
        _, items = labels(result)
        assert items, "no completion for a plain-text client"
        for item in items:
            assert item.insert_text_format != T.InsertTextFormat.Snippet, f"{item.label!r}: a snippet for a client without snippet support"
        if not session.caps.hover_provider:
            return
        line = 6  # sagsnr: 21/24526
        hover = await session.call(
            session.client.text_document_hover_async(T.HoverParams(text_document=T.TextDocumentIdentifier(uri), position=T.Position(line, 10))),
            "textDocument/hover",
        )
        if hover is not None and isinstance(hover.contents, T.MarkupContent):
            assert hover.contents.kind == T.MarkupKind.PlainText, (
                "hover sent markdown to a client whose hover.contentFormat is [plaintext]"
            )


# --------------------------------------------------------------------------
# Hover, symbols, folding, selection, semantic tokens


async def test_hover_on_case_number(main: Session):
    require(main.caps.hover_provider, "hoverProvider")
    uri = sample_uri(main, "2026-06-01")
    text = main.texts[uri]
    number, occurrences = next(iter(S.case_number_occurrences(text).items()))
    line, a, b = occurrences[0]
    lines = S.split_lines(text)
    pos = T.Position(line, S.scalar_to_units(lines[line], (a + b) // 2, main.encoding))
    hover = await main.call(main.client.text_document_hover_async(T.HoverParams(text_document=T.TextDocumentIdentifier(uri), position=pos)), "textDocument/hover")
    assert hover is not None, f"no hover on the case number {number} at {pos}"
    contents = hover.contents
    if isinstance(contents, T.MarkupContent):
        assert contents.kind in (T.MarkupKind.Markdown, T.MarkupKind.PlainText)
        value = contents.value
    elif isinstance(contents, list):
        value = " ".join(c if isinstance(c, str) else c.value for c in contents)
    else:
        value = contents if isinstance(contents, str) else contents.value
    assert value.strip(), "the hover is empty"
    if hover.range is not None:
        assert position_in(pos, hover.range), f"hover range {hover.range} does not contain {pos}"
        assert_range_valid(hover.range, text, main.encoding, "hover range")


def flatten_symbols(symbols, text, encoding, parent: T.Range | None = None) -> list[str]:
    names = []
    for s in symbols or []:
        if isinstance(s, T.DocumentSymbol):
            assert s.name.strip(), f"a symbol with an empty name: {s}"
            assert_range_valid(s.range, text, encoding, f"symbol {s.name!r} range")
            assert range_in(s.selection_range, s.range), f"symbol {s.name!r}: selectionRange {s.selection_range} is not inside range {s.range}"
            if parent is not None:
                assert range_in(s.range, parent), f"symbol {s.name!r}: range {s.range} is not inside its parent's {parent}"
            names.append(s.name)
            names += flatten_symbols(s.children, text, encoding, s.range)
        else:
            assert_range_valid(s.location.range, text, encoding, f"symbol {s.name!r} location")
            names.append(s.name)
    return names


@pytest.mark.parametrize("sample", [s.name for s in S.SAMPLES], ids=lambda n: sample_id(n))
async def test_document_symbols(main: Session, sample: str):
    require(main.caps.document_symbol_provider, "documentSymbolProvider")
    uri = sample_uri(main, sample)
    result = await main.call(main.client.text_document_document_symbol_async(T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri))), "textDocument/documentSymbol")
    names = flatten_symbols(result, main.texts[uri], main.encoding)
    missing = [t for t in S.item_titles(main.texts[uri]) if not any(t in n for n in names)]
    assert not missing, f"the outline lacks items: {missing}; symbols: {names}"


async def test_folding_ranges(main: Session):
    require(main.caps.folding_range_provider, "foldingRangeProvider")
    uri = sample_uri(main, "2026-05-04")
    text = main.texts[uri]
    result = await main.call(main.client.text_document_folding_range_async(T.FoldingRangeParams(text_document=T.TextDocumentIdentifier(uri))), "textDocument/foldingRange")
    assert result, "no folding ranges"
    n = len(S.split_lines(text))
    for r in result:
        assert 0 <= r.start_line <= r.end_line < n, f"folding range {r} outside the document ({n} lines)"
        # the client declared lineFoldingOnly: characters are ignored, but must not be nonsense
    starts = {r.start_line for r in result}
    item_lines = [i for i, line in enumerate(S.split_lines(text)) if S.ITEM_RE.match(line)]
    missing = [i for i in item_lines if i not in starts]
    assert not missing, f"no folding range starts at the item lines {missing}"


async def test_selection_ranges(main: Session):
    require(main.caps.selection_range_provider, "selectionRangeProvider")
    uri = sample_uri(main, "2026-06-01")
    text = main.texts[uri]
    lines = S.split_lines(text)
    picks = []
    for i, line in enumerate(lines):
        if len(line) > 40 and not line.startswith(("//", "-")) and ":" not in line[:20]:
            picks.append(T.Position(i, S.scalar_to_units(line, 10, main.encoding)))
        if len(picks) == 2:
            break
    picks.append(T.Position(next(i for i, line in enumerate(lines) if S.ITEM_RE.match(line)), 2))
    result = await main.call(
        main.client.text_document_selection_range_async(T.SelectionRangeParams(text_document=T.TextDocumentIdentifier(uri), positions=picks)),
        "textDocument/selectionRange",
    )
    assert result is not None and len(result) == len(picks), f"one selection range per position expected, got {result}"
    for pos, sel in zip(picks, result):
        assert position_in(pos, sel.range), f"selection range {sel.range} does not contain {pos}"
        child, parent, depth = sel, sel.parent, 1
        while parent is not None:
            assert range_in(child.range, parent.range), f"at {pos}: parent {parent.range} does not contain child {child.range}"
            assert_range_valid(parent.range, text, main.encoding, "selection range")
            child, parent, depth = parent, parent.parent, depth + 1
        assert depth >= 2, f"at {pos}: only one level of selection range ({sel.range})"


async def test_semantic_tokens_full(main: Session):
    provider = main.caps.semantic_tokens_provider
    require(provider and provider.full, "semanticTokensProvider.full")
    legend = provider.legend
    assert legend.token_types, "the semantic token legend has no types"
    uri = sample_uri(main, "2026-05-04")
    text = main.texts[uri]
    lines = S.split_lines(text)
    result = await main.call(main.client.text_document_semantic_tokens_full_async(T.SemanticTokensParams(text_document=T.TextDocumentIdentifier(uri))), "textDocument/semanticTokens/full")
    assert result is not None and result.data, "no semantic tokens for a sample"
    data = result.data
    assert len(data) % 5 == 0, f"semantic token data length {len(data)} is not a multiple of 5"
    line = char = 0
    prev_end = (-1, -1)
    for k in range(0, len(data), 5):
        dl, dc, length, ttype, mods = data[k : k + 5]
        assert dl >= 0 and dc >= 0 and length > 0, f"token {k // 5}: negative delta or empty token {data[k:k+5]}"
        line += dl
        char = dc if dl else char + dc
        assert line < len(lines), f"token {k // 5} on line {line}, past the end"
        assert char + length <= S.units(lines[line], main.encoding), (
            f"token {k // 5} at {line}:{char} length {length} runs past its line (no multiline tokens declared): {lines[line]!r}"
        )
        assert (line, char) >= prev_end, f"token {k // 5} at {line}:{char} overlaps the previous one (overlapping not declared)"
        prev_end = (line, char + length)
        assert ttype < len(legend.token_types), f"token {k // 5}: type index {ttype} outside the legend"
        assert mods < (1 << len(legend.token_modifiers or [])) or mods == 0, f"token {k // 5}: modifier bits {mods:b} outside the legend"


# --------------------------------------------------------------------------
# Formatting and code actions


def edits_of(result) -> list[tuple]:
    """TextEdits as tuples for S.apply_edits (which also rejects overlaps)."""
    return [(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.new_text) for e in (result or [])]


MESSY = """\
MØDE:   Beskæftigelses- og Integrationsudvalget
dato:2026-06-01
punkt 1:   Godkendelse af dagsorden   
resume:
Udvalget godkender dagsordenen.   



punkt 2: Eventuelt
uden beslutning
"""


@pytest.mark.parametrize("which", ["messy"] + [s.name for s in S.SAMPLES], ids=sample_id)
async def test_formatting_matches_agendac_fmt(main: Session, workdir: Path, tmp_path: Path, which: str):
    require(main.caps.document_formatting_provider, "documentFormattingProvider")
    uri = main.ensure_open(workdir / "messy.agenda", MESSY) if which == "messy" else sample_uri(main, which)
    text = main.texts[uri]
    options = T.FormattingOptions(tab_size=4, insert_spaces=True, trim_trailing_whitespace=True, insert_final_newline=True)
    result = await main.call(main.client.text_document_formatting_async(T.DocumentFormattingParams(text_document=T.TextDocumentIdentifier(uri), options=options)), "textDocument/formatting")
    formatted = S.apply_edits(text, edits_of(result), main.encoding)
    try:
        expected = S.cli_format(text, tmp_path)
    except S.ReferenceUnavailable as e:
        expected = None
        no_reference = str(e)
    if expected is not None:
        assert formatted == expected, f"formatting {which} differs from `agendac fmt`"
    # formatting the result again changes nothing
    main.change_full(uri, formatted)
    again = await main.call(main.client.text_document_formatting_async(T.DocumentFormattingParams(text_document=T.TextDocumentIdentifier(uri), options=options)), "textDocument/formatting")
    assert S.apply_edits(formatted, edits_of(again), main.encoding) == formatted, "formatting is not idempotent"
    main.change_full(uri, text)
    if expected is None:
        pytest.skip(f"edits valid and idempotent, but not compared: {no_reference}")


async def test_range_formatting_stays_in_its_range(main: Session, workdir: Path):
    require(main.caps.document_range_formatting_provider, "documentRangeFormattingProvider")
    uri = main.ensure_open(workdir / "messy.agenda", MESSY)
    text = main.texts[uri]
    lines = S.split_lines(text)
    rng = T.Range(T.Position(0, 0), T.Position(2, S.units(lines[2], main.encoding)))
    options = T.FormattingOptions(tab_size=4, insert_spaces=True)
    result = await main.call(
        main.client.text_document_range_formatting_async(
            T.DocumentRangeFormattingParams(text_document=T.TextDocumentIdentifier(uri), range=rng, options=options)
        ),
        "textDocument/rangeFormatting",
    )
    formatted = S.apply_edits(text, edits_of(result), main.encoding)
    for e in result or []:
        assert_range_valid(e.range, text, main.encoding, "range formatting edit")
    # the lines after the range are left as they were
    assert S.split_lines(formatted)[-7:] == lines[-7:], "range formatting changed text after its range"


async def test_code_action_fixes_malformed_case_number(main: Session, workdir: Path):
    require(main.caps.code_action_provider, "codeActionProvider")
    path = workdir / "codeaction.agenda"
    uri = main.open(path, PLANTED)
    diags = await main.diagnostics(uri, want=lambda ds: any(str(d.code) == "AG200" for d in ds))
    diag = next(d for d in diags if str(d.code) == "AG200")
    result = await main.call(
        main.client.text_document_code_action_async(
            T.CodeActionParams(
                text_document=T.TextDocumentIdentifier(uri),
                range=diag.range,
                context=T.CodeActionContext(diagnostics=[diag], trigger_kind=T.CodeActionTriggerKind.Invoked),
            )
        ),
        "textDocument/codeAction",
    )
    actions = [a for a in (result or []) if isinstance(a, T.CodeAction)]
    assert actions, f"no code action for {diag.code} ({diag.message}); got {result}"
    resolvable = isinstance(main.caps.code_action_provider, T.CodeActionOptions) and main.caps.code_action_provider.resolve_provider
    fixed_texts = []
    for action in actions:
        if action.edit is None and resolvable:
            action = await main.call(main.client.code_action_resolve_async(action), "codeAction/resolve")
        if action.edit is None:
            continue
        edits = []
        for change in action.edit.document_changes or []:
            if isinstance(change, T.TextDocumentEdit) and change.text_document.uri == uri:
                edits += [e for e in change.edits if isinstance(e, T.TextEdit)]
        for change_uri, es in (action.edit.changes or {}).items():
            if change_uri == uri:
                edits += es
        fixed_texts.append((action.title, S.apply_edits(PLANTED, edits_of(edits), main.encoding)))
    assert fixed_texts, f"no code action carries an edit: {[a.title for a in actions]}"
    assert any("sagsnr: 15.00.00-A00-9-26\n" in t for _, t in fixed_texts), (
        f"no action rewrites the case number to 15.00.00-A00-9-26: {[title for title, _ in fixed_texts]}"
    )


# --------------------------------------------------------------------------
# Navigation


def shared_case_number(session: Session):
    uri = sample_uri(session, "2026-05-04")
    text = session.texts[uri]
    for number, occ in S.case_number_occurrences(text).items():
        if len(occ) >= 2:
            return uri, text, number, occ
    pytest.fail("the 2026-05-04 sample has no case number on two items any more")


async def test_references_of_case_number(main: Session):
    require(main.caps.references_provider, "referencesProvider")
    uri, text, number, occ = shared_case_number(main)
    lines = S.split_lines(text)
    line, a, b = occ[0]
    pos = T.Position(line, S.scalar_to_units(lines[line], a + 1, main.encoding))
    result = await main.call(
        main.client.text_document_references_async(T.ReferenceParams(text_document=T.TextDocumentIdentifier(uri), position=pos, context=T.ReferenceContext(include_declaration=True))),
        "textDocument/references",
    )
    assert result, f"no references for case number {number}"
    got = set()
    for loc in result:
        if loc.uri == uri:
            assert_range_valid(loc.range, text, main.encoding, "reference")
            got.add((loc.range.start.line, loc.range.start.character, loc.range.end.line, loc.range.end.character))
    want = {(ln, S.scalar_to_units(lines[ln], x, main.encoding), ln, S.scalar_to_units(lines[ln], y, main.encoding)) for ln, x, y in occ}
    assert want <= got, f"references of {number}: expected at least {sorted(want)}, got {sorted(got)}"


async def test_definition_of_case_number(main: Session):
    require(main.caps.definition_provider, "definitionProvider")
    uri, text, number, occ = shared_case_number(main)
    lines = S.split_lines(text)
    line, a, b = occ[-1]
    pos = T.Position(line, S.scalar_to_units(lines[line], a + 1, main.encoding))
    result = await main.call(main.client.text_document_definition_async(T.DefinitionParams(text_document=T.TextDocumentIdentifier(uri), position=pos)), "textDocument/definition")
    assert result, f"no definition for case number {number}"
    locations = result if isinstance(result, list) else [result]
    for loc in locations:
        target_uri = loc.target_uri if isinstance(loc, T.LocationLink) else loc.uri
        rng = loc.target_selection_range if isinstance(loc, T.LocationLink) else loc.range
        if target_uri == uri:
            assert_range_valid(rng, text, main.encoding, "definition")


async def test_workspace_symbol(main: Session):
    require(main.caps.workspace_symbol_provider, "workspaceSymbolProvider")
    result = await main.call(main.client.workspace_symbol_async(T.WorkspaceSymbolParams(query="Godkendelse")), "workspace/symbol")
    assert result, "workspace/symbol found nothing for `Godkendelse` (several items of the samples are titled so)"
    names = [s.name for s in result]
    assert any("Godkendelse" in n for n in names), f"no symbol named like `Godkendelse`: {names}"
    for s in result:
        loc = s.location
        if isinstance(loc, T.Location) and loc.uri in main.texts:
            assert_range_valid(loc.range, main.texts[loc.uri], main.encoding, f"workspace symbol {s.name!r}")

"""The archive in the editor, driven by pytest-lsp: a workspace whose
agendac.json names a real archive (the samples, filed with `agendac archive
add`). The server's diagnostics for a document whose `sagens gang:` lines
contradict the archive equal `agendac check` on the same file (AG705–AG707
included); hover on a case number lists its treatments in the archive; find
references includes them, in the archived source files.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lsprotocol import types as T

import e2e_support as S
from test_conformance import assert_same_diagnostics, expected_diagnostics, lsp_session, vscode_like_capabilities

HISTORY_LINES = S.REPO_ROOT / "Tests" / "Fixtures" / "archive" / "checks" / "history-lines.agenda"
CASE_NUMBER = "15.00.00-P05-3-25"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """`arkiv/` (the samples' archive) beside `arbejde/` (agendac.json naming it, and the fixture)."""
    base = tmp_path_factory.mktemp("archive")
    archive = base / "arkiv"
    added = subprocess.run(
        [str(S.reference_bin()), "archive", "add", *map(str, S.SAMPLES), "--archive", str(archive), "--at", "2026-06-02T08:00:00Z"],
        capture_output=True, timeout=120,
    )
    assert added.returncode == 0, f"archive add failed: {added.stderr.decode(errors='replace')}"
    folder = base / "arbejde"
    folder.mkdir()
    (folder / "agendac.json").write_text(json.dumps({"archive": "../arkiv"}), encoding="utf-8")
    (folder / "history-lines.agenda").write_text(HISTORY_LINES.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def case_number_position(text: str) -> T.Position:
    for number, occurrences in S.case_number_occurrences(text).items():
        if number == CASE_NUMBER:
            line, a, b = occurrences[0]
            return T.Position(line, (a + b) // 2)  # ASCII: units are scalars
    pytest.fail(f"the fixture no longer carries {CASE_NUMBER}")


async def test_archive_findings_match_the_cli(workspace: Path):
    path = workspace / "history-lines.agenda"
    text = path.read_text(encoding="utf-8")
    async with lsp_session(workspace, vscode_like_capabilities(), declare_pull=True) as session:
        uri = session.open(path)
        expected = expected_diagnostics(path, text, session.encoding)
        assert {e[0] for e in expected} >= {"AG705", "AG706", "AG707"}, f"the CLI no longer reads the archive: {expected}"
        got = await session.diagnostics(uri, want=lambda d: any(x.code == "AG706" for x in d))
        assert_same_diagnostics(got, expected, "history-lines.agenda with the samples' archive")


async def test_hover_and_references_reach_the_archive(workspace: Path):
    path = workspace / "history-lines.agenda"
    text = path.read_text(encoding="utf-8")
    async with lsp_session(workspace, vscode_like_capabilities(), declare_pull=True) as session:
        uri = session.open(path)
        doc = T.TextDocumentIdentifier(uri)
        pos = case_number_position(text)
        hover = await session.call(session.client.text_document_hover_async(T.HoverParams(text_document=doc, position=pos)), "textDocument/hover")
        assert hover is not None and isinstance(hover.contents, T.MarkupContent), f"no Markdown hover on {CASE_NUMBER}"
        assert "Sagens gang i arkivet" in hover.contents.value, hover.contents.value
        assert "2026-05-04 Beskæftigelses- og Integrationsudvalget, punkt 5" in hover.contents.value, hover.contents.value

        result = await session.call(
            session.client.text_document_references_async(T.ReferenceParams(
                text_document=doc, position=pos, context=T.ReferenceContext(include_declaration=True))),
            "textDocument/references",
        )
        archived = {}
        for location in result or []:
            if location.uri != uri:
                archived[location.uri] = location.range.start.line
        meetings = (workspace.parent / "arkiv" / "meetings" / "beskaeftigelses-og-integrationsudvalget").resolve()
        source_0504 = meetings / "2026-05-04" / "r1" / "source.agenda"
        assert archived.get(source_0504.as_uri()) is not None, f"no reference in the archived 4 May minutes: {archived}"
        # the reference stands on the archived source's `sagsnr:` line
        line = S.split_lines(source_0504.read_text(encoding="utf-8"))[archived[source_0504.as_uri()]]
        assert line.startswith("sagsnr: " + CASE_NUMBER), line

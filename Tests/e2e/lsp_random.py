"""A randomised, seeded language-server client: malformed sessions against the real `agendac lsp`.

Each session starts the binary, sends a random mix of good and bad traffic
(bad and missing headers, wrong Content-Length, invalid JSON, bodies that are
not UTF-8, valid JSON of the wrong types, requests before `initialize` and
after `shutdown`, edits with out-of-range or reversed ranges, positions inside
surrogate pairs, unknown URIs, bursts of edits, a large open, deeply nested
JSON, interleaved `$/cancelRequest`) and checks what the protocol promises:

- every request sent in a well-formed frame gets exactly one response, with a
  result or with the JSON-RPC error code the spec names for what was wrong
  (-32700, -32600, -32601, -32602, -32002, -32800); never -32603;
- every message from the server is a well-formed JSON-RPC 2.0 frame;
- the server answers within a time limit, never dies before `exit`, answers
  nothing sent after `exit`, and exits 0 after shutdown+exit, 1 otherwise.

A session is reproducible from (seed, index): `python3 lsp_random.py --seed S
--only I -v` replays one and prints its script.

    python3 Tests/e2e/lsp_random.py --sessions 2000 --seed 7 [--bin PATH] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
SERVER_NOT_INITIALIZED = -32002
REQUEST_CANCELLED = -32800
# LSP's "the request was well-formed but could not be done": only for a document neither open nor readable
REQUEST_FAILED = -32803
# LSP's "the document changed while the request was worked on": a request on a document edited meanwhile
CONTENT_MODIFIED = -32801
SPEC_CODES = {PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS, SERVER_NOT_INITIALIZED, REQUEST_CANCELLED,
              REQUEST_FAILED, CONTENT_MODIFIED}

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.agenda"))
ANSWER_TIMEOUT = float(os.environ.get("E2E_RANDOM_ANSWER_TIMEOUT", "20"))
# the size of the large document a few sessions open (the probe used 20 MB; a debug build needs seconds a MB)
LARGE_OPEN_BYTES = int(os.environ.get("E2E_RANDOM_LARGE_OPEN_BYTES", "1000000"))

# requests that take a document and a position, a range, or only a document
POSITION_METHODS = ["textDocument/hover", "textDocument/completion", "textDocument/definition",
                    "textDocument/references", "textDocument/documentHighlight"]
DOCUMENT_METHODS = ["textDocument/documentSymbol", "textDocument/semanticTokens/full", "textDocument/foldingRange",
                    "textDocument/formatting", "textDocument/diagnostic", "textDocument/documentLink"]
RANGE_METHODS = ["textDocument/rangeFormatting", "textDocument/codeAction", "textDocument/semanticTokens/range"]


class Violation(AssertionError):
    pass


@dataclass
class Expectation:
    """What may answer one request: a result, and/or these error codes."""
    method: str
    result_ok: bool
    codes: set[int]
    # answered by id null instead when the server cannot read the id (a body it cannot parse)
    optional: bool = False


@dataclass
class Session:
    seed: int
    index: int
    binary: str
    verbose: bool = False
    rng: random.Random = field(init=False)
    log: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.rng = random.Random(self.seed * 1_000_003 + self.index)
        self.expected: dict[Any, Expectation] = {}
        self.answered: dict[Any, dict] = {}
        self.null_id_errors: list[dict] = []
        self.next_id = 0
        self.state = "uninitialized"  # → running → shutdown → exited
        self.documents: dict[str, str] = {}  # uri → text as the server should have it
        self.versions: dict[str, int] = {}
        self.messages: "queue.Queue[dict | Exception | None]" = queue.Queue()
        self.sent_exit_at: float | None = None
        self.after_exit: list[dict] = []
        self.began = time.monotonic()

    # ---------------------------------------------------------------- process

    def start(self, workdir: Path):
        self.proc = subprocess.Popen([self.binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=str(workdir))
        self.stderr_chunks: list[bytes] = []
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stderr(self):
        for chunk in iter(lambda: self.proc.stderr.read1(65536), b""):  # type: ignore[union-attr]
            self.stderr_chunks.append(chunk)

    def _read_stdout(self):
        out = self.proc.stdout
        try:
            while True:
                headers: dict[str, str] = {}
                while True:
                    line = out.readline()  # type: ignore[union-attr]
                    if not line:
                        self.messages.put(None)
                        return
                    if line == b"\r\n":
                        break
                    if not line.endswith(b"\r\n") or b":" not in line:
                        raise Violation(f"malformed header line from the server: {line!r}")
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                length = int(headers["content-length"])
                body = out.read(length)  # type: ignore[union-attr]
                if len(body) != length:
                    raise Violation(f"the server's output ended inside a frame ({len(body)} of {length} bytes)")
                message = json.loads(body.decode("utf-8"))
                if self.sent_exit_at is not None:
                    self.after_exit.append(message)
                self.messages.put(message)
        except Exception as error:  # surfaced to the session
            self.messages.put(error)

    def stderr(self) -> str:
        return b"".join(self.stderr_chunks).decode("utf-8", "replace")[-1500:]

    def note(self, text: str):
        self.log.append(text)
        if self.verbose:
            print(f"  {time.monotonic() - self.began:7.3f} > {text}", file=sys.stderr)

    def write(self, data: bytes):
        try:
            self.proc.stdin.write(data)  # type: ignore[union-attr]
            self.proc.stdin.flush()  # type: ignore[union-attr]
        except (BrokenPipeError, ConnectionResetError):
            if self.state != "exited":
                raise Violation(f"the server closed its input before exit (exit code {self.proc.poll()}); stderr: {self.stderr()}")

    def frame(self, body: bytes, length: int | None = None) -> bytes:
        return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body

    # ---------------------------------------------------------------- messages

    def send(self, message: Any, expect: Expectation | None = None):
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        if expect is not None and isinstance(message, dict) and "id" in message:
            self.expected[message["id"]] = expect
        self.write(self.frame(body))

    def new_id(self) -> Any:
        self.next_id += 1
        # ids are numbers or strings; both must come back as sent
        return self.next_id if self.rng.random() < 0.8 else f"r{self.next_id}"

    def request(self, method: str, params: Any = None, *, result_ok: bool = True, codes: set[int] | None = None,
                omit_params: bool = False) -> Any:
        request_id = self.new_id()
        message: dict[str, Any] = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if not omit_params:
            message["params"] = params
        expectation = self.expectation(method, result_ok, codes or set())
        if not omit_params and params is not None and not isinstance(params, (dict, list)) and self.state != "exited":
            # params that are neither object nor array make the message itself invalid (JSON-RPC 2.0)
            expectation = Expectation(method, False, {INVALID_REQUEST})
        self.send(message, expectation)
        self.note(f"request {request_id} {method} {json.dumps(params)[:120] if not omit_params else '(no params)'}")
        return request_id

    def expectation(self, method: str, result_ok: bool, codes: set[int]) -> Expectation:
        """The lifecycle decides first: before initialize -32002, after shutdown -32600."""
        if self.state == "uninitialized" and method != "initialize":
            return Expectation(method, False, {SERVER_NOT_INITIALIZED})
        if self.state == "shutdown":
            return Expectation(method, False, {INVALID_REQUEST})
        if self.state == "exited":
            return Expectation(method + " (sent after exit: no answer allowed)", False, set())
        document_codes = {CONTENT_MODIFIED} if method.startswith("textDocument/") else set()
        return Expectation(method, result_ok, codes | {REQUEST_CANCELLED} | document_codes)

    def notify(self, method: str, params: Any = None):
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        self.note(f"notify {method} {json.dumps(params)[:100] if params is not None else ''}")

    def pump(self, timeout: float) -> bool:
        """Takes one message; False when none came within timeout."""
        try:
            message = self.messages.get(timeout=timeout)
        except queue.Empty:
            return False
        if message is None:
            self.messages.put(None)
            if self.state != "exited":
                raise Violation(f"the server ended its output before exit (exit code {self.proc.poll()}); stderr: {self.stderr()}")
            return False
        self.handle(message)
        return True

    def handle(self, message: Any):
        if isinstance(message, Exception):
            raise Violation(f"bad output from the server: {message}")
        self.check_envelope(message)
        if "method" in message:
            if "id" in message:  # a request from the server (progress, configuration): answer it
                self.write(self.frame(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": None}).encode()))
            return True
        request_id = message.get("id")
        if request_id is None:
            code = message.get("error", {}).get("code")
            if code not in (PARSE_ERROR, INVALID_REQUEST):
                raise Violation(f"a response with id null must be -32700 or -32600: {message}")
            self.null_id_errors.append(message)
            return True
        if request_id in self.answered:
            raise Violation(f"request {request_id!r} answered twice: {self.answered[request_id]} and {message}")
        expectation = self.expected.get(request_id)
        if expectation is None:
            raise Violation(f"a response to {request_id!r}, which was never sent as a request: {message}")
        self.answered[request_id] = message
        if self.verbose:
            print(f"  {time.monotonic() - self.began:7.3f} < {request_id!r} {json.dumps(message)[:100]}", file=sys.stderr)
        if "error" in message:
            code = message["error"].get("code")
            if code not in expectation.codes:
                raise Violation(f"{expectation.method} (id {request_id!r}) answered {code} "
                                f"'{message['error'].get('message')}', expected {sorted(expectation.codes) or 'a result'}")
        elif not expectation.result_ok:
            raise Violation(f"{expectation.method} (id {request_id!r}) got a result, expected error {sorted(expectation.codes)}: "
                            f"{json.dumps(message)[:300]}")
        return True

    def check_envelope(self, message: Any):
        if not isinstance(message, dict) or message.get("jsonrpc") != "2.0":
            raise Violation(f"not a JSON-RPC 2.0 message: {str(message)[:300]}")
        if "method" not in message:
            if "id" not in message or (("result" in message) == ("error" in message)):
                raise Violation(f"a response needs an id and exactly one of result and error: {str(message)[:300]}")
            if "error" in message:
                error = message["error"]
                if not isinstance(error.get("code"), int) or not isinstance(error.get("message"), str):
                    raise Violation(f"malformed error object: {error}")
                if error["code"] not in SPEC_CODES:
                    raise Violation(f"error code {error['code']} is none the spec names for bad input: {message}")

    def await_answers(self, timeout: float = ANSWER_TIMEOUT):
        """Until every request sent so far (that should be answered) has its response."""
        deadline = time.monotonic() + timeout
        while True:
            missing = [i for i, e in self.expected.items()
                       if i not in self.answered and (e.result_ok or e.codes) and not e.optional]
            if not missing:
                return
            left = deadline - time.monotonic()
            if left <= 0:
                raise Violation(f"no answer within {timeout}s to {[(i, self.expected[i].method) for i in missing[:5]]}; "
                                f"stderr: {self.stderr()}")
            self.pump(min(left, 0.5))

    def drain_to_end(self, seconds: float):
        """Reads what is left until the server's output ends."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if message is None:
                return
            self.handle(message)
        raise Violation(f"the server's output did not end within {seconds}s of its exit")

    # ---------------------------------------------------------------- content

    def random_text(self) -> str:
        choice = self.rng.random()
        if choice < 0.5 and SAMPLES:
            text = self.rng.choice(SAMPLES).read_text(encoding="utf-8")
            lines = text.split("\n")
            start = self.rng.randrange(len(lines))
            return "\n".join(lines[start:start + self.rng.randint(1, 120)])
        pieces = ["møde: Byrådet\n", "punkt 1: Æbler 🍎 og 𝔘nicode\n", "resume:\nTekst med emoji 😀😀 og æøå.\n",
                  "sagsnr: 15.00.00-A00-1-26\n", "beslutning:\nGodkendt.\n", "- liste\n  - under\n", "| a | b |\n",
                  "\r\n", "\r", "lukket\n", "dato: 2026-05-04\n", "𝕏" * 3, "\u200b", "punkt: \n", "// kommentar\n"]
        return "".join(self.rng.choice(pieces) for _ in range(self.rng.randint(0, 25)))

    def uri(self, known: bool = True) -> str:
        if known and self.documents and self.rng.random() < 0.85:
            return self.rng.choice(list(self.documents))
        return self.rng.choice(["file:///nonexistent/unknown.agenda", "untitled:Untitled-1", "file:///etc/passwd",
                                "not a uri", "", "file:///tmp/%ZZ.agenda", "https://example.com/x.agenda"])

    def position(self, uri: str) -> dict:
        """A position, usually inside the text; sometimes past its end, negative, or inside a surrogate pair."""
        text = self.documents.get(uri, "")
        lines = text.split("\n")
        roll = self.rng.random()
        if roll < 0.1:
            return {"line": self.rng.choice([-1, 10**9, 2**31 - 1]), "character": self.rng.choice([0, -5, 2**31])}
        line = self.rng.randrange(len(lines) + 2)
        width = len(lines[line].encode("utf-16-le")) // 2 if line < len(lines) else 0
        character = self.rng.randrange(width + 3)
        if roll < 0.25 and line < len(lines):  # inside a surrogate pair, when the line has one
            units = 0
            for ch in lines[line]:
                if ord(ch) > 0xFFFF:
                    character = units + 1
                    break
                units += len(ch.encode("utf-16-le")) // 2
        return {"line": line, "character": character}

    def range_(self, uri: str) -> dict:
        a, b = self.position(uri), self.position(uri)
        if self.rng.random() < 0.7 and (a["line"], a["character"]) > (b["line"], b["character"]):
            a, b = b, a  # usually ordered, sometimes reversed
        return {"start": a, "end": b}

    def wrong_type(self) -> Any:
        uri = self.uri()  # usually an open document, so that the types are what is wrong
        return self.rng.choice([None, [], [1, 2], "text", 42, -1.5, True, {"x": {}}, {"textDocument": "x"},
                                {"textDocument": {"uri": 5}}, {"textDocument": {"uri": uri}, "position": "0:0"},
                                {"textDocument": {"uri": uri}, "position": {"line": "1", "character": None}},
                                {"textDocument": {"uri": uri}, "range": {"start": 0, "end": []}},
                                {"textDocument": {"uri": uri}, "position": {"line": 1.5, "character": 2**80}}])

    # ---------------------------------------------------------------- actions

    def initialize(self, valid: bool = True):
        if not valid:
            params = self.rng.choice([None, [], "x", 3, {"processId": "nope", "capabilities": []}])
            rid = self.request("initialize", params, result_ok=False, codes={INVALID_PARAMS})
            return rid
        caps: dict[str, Any] = {"textDocument": {"publishDiagnostics": {}, "diagnostic": {}}}
        if self.rng.random() < 0.5:
            caps["general"] = {"positionEncodings": self.rng.choice([["utf-8", "utf-16"], ["utf-32"], ["utf-16"]])}
        if self.rng.random() < 0.3:
            caps["window"] = {"workDoneProgress": True}
        params = {"processId": None, "rootUri": self.rng.choice([None, Path(self.workdir).as_uri()]), "capabilities": caps}
        rid = self.request("initialize", params, result_ok=True, codes=set())
        self.state = "running"
        self.await_answers()
        if "error" in self.answered[rid]:
            raise Violation(f"a valid initialize failed: {self.answered[rid]}")
        self.notify("initialized", {})
        return rid

    def open_document(self, large: bool = False):
        uri = f"file://{self.workdir}/doc{len(self.documents)}-{self.rng.randrange(1000)}.agenda"
        text = self.random_text()
        if large:
            base = SAMPLES[0].read_text(encoding="utf-8") if SAMPLES else "punkt 1: A\n"
            text = (base + "\n") * max(1, LARGE_OPEN_BYTES // max(1, len(base)))
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "agenda", "version": 1, "text": text}})
        self.documents[uri] = text
        self.versions[uri] = 1

    def edit(self, uri: str | None = None):
        uri = uri or self.uri()
        version = self.versions.get(uri, 0) + 1
        self.versions[uri] = version
        roll = self.rng.random()
        if roll < 0.15:
            change = {"text": self.random_text()}  # whole text
        else:
            change = {"range": self.range_(uri), "text": self.rng.choice(["", "x", "æ", "😀", "\n", "punkt 9: Ny\n", "\r\n", "𝕏"])}
            if roll < 0.25:
                change["rangeLength"] = self.rng.randrange(10)
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        if "range" not in change and uri in self.documents:
            self.documents[uri] = change["text"]

    def feature_request(self) -> Any:
        uri = self.uri()
        roll = self.rng.random()
        if roll < 0.4:
            method = self.rng.choice(POSITION_METHODS)
            params: dict[str, Any] = {"textDocument": {"uri": uri}, "position": self.position(uri)}
            if method == "textDocument/references":
                params["context"] = {"includeDeclaration": True}
        elif roll < 0.75:
            method = self.rng.choice(DOCUMENT_METHODS)
            params = {"textDocument": {"uri": uri}}
            if method == "textDocument/formatting":
                params["options"] = {"tabSize": 4, "insertSpaces": True}
        else:
            method = self.rng.choice(RANGE_METHODS)
            params = {"textDocument": {"uri": uri}, "range": self.range_(uri)}
            if method == "textDocument/codeAction":
                params["context"] = {"diagnostics": []}
            if method == "textDocument/rangeFormatting":
                params["options"] = {"tabSize": 4, "insertSpaces": True}
        # unknown methods fail with -32601; the rest answer a result, or -32602 for what they cannot use,
        # or -32803 for a document that is neither open nor a readable file
        codes = {INVALID_PARAMS, METHOD_NOT_FOUND} | (set() if uri in self.documents else {REQUEST_FAILED})
        return self.request(method, params, result_ok=True, codes=codes)

    def wrong_type_request(self):
        method = self.rng.choice(POSITION_METHODS + DOCUMENT_METHODS + RANGE_METHODS + ["workspace/symbol", "shutdown"])
        if method == "shutdown":
            return self.request("textDocument/hover", self.rng.choice(["x", [], 3]), result_ok=False, codes={INVALID_PARAMS})
        params = self.wrong_type()
        named = params.get("textDocument", {}).get("uri") if isinstance(params, dict) and isinstance(params.get("textDocument"), dict) else None
        codes = {INVALID_PARAMS, METHOD_NOT_FOUND} | ({REQUEST_FAILED} if isinstance(named, str) and named not in self.documents else set())
        # workspace/symbol reads only `query`, and an object without one asks for everything;
        # a request on the whole document needs only a good textDocument
        result_ok = (method == "workspace/symbol" and isinstance(params, dict)) or (method in DOCUMENT_METHODS and isinstance(named, str))
        return self.request(method, params, result_ok=result_ok, codes=codes)

    def garbage(self):
        kind = self.rng.randrange(11)
        rid = self.new_id()
        good = json.dumps({"jsonrpc": "2.0", "id": rid, "method": "textDocument/hover",
                           "params": {"textDocument": {"uri": "file:///x.agenda"}, "position": {"line": 0, "character": 0}}}).encode()
        if kind == 0:  # no header at all, then a good frame: the good one is still answered
            self.write(b"this is not a header\r\n\r\n")
            self.note("garbage: a header block without Content-Length")
        elif kind == 1:  # a header line that is not one
            self.write(b"Content-Type: x\r\nBogus\r\n\r\n")
            self.note("garbage: header lines that are not headers")
        elif kind == 2:  # invalid JSON in a good frame
            self.write(self.frame(b'{"jsonrpc": "2.0", "id": 1, "method": '))
            self.note("garbage: invalid JSON")
        elif kind == 3:  # not UTF-8
            self.expected[rid] = Expectation("(not UTF-8)", False, {PARSE_ERROR}, optional=True)
            self.write(self.frame(b'{"jsonrpc":"2.0","id":%s,"method":"textDocument/hover\xff\xfe"}' % json.dumps(rid).encode()))
            self.note("garbage: a body that is not UTF-8")
        elif kind == 4:  # Content-Length too short: the rest of the body is garbage before the next frame
            self.write(self.frame(good, len(good) - self.rng.randint(1, 10)))
            self.note("garbage: Content-Length too short")
        elif kind == 5:  # Content-Length too long, padded so the frame ends where the next begins
            extra = self.rng.randint(1, 10)
            self.write(self.frame(good + b"#" * extra, len(good) + extra))
            self.note("garbage: Content-Length too long (padded with #)")
        elif kind == 6:  # JSON that is not an object
            self.write(self.frame(self.rng.choice([b"[]", b"42", b'"x"', b"null", b'[{"jsonrpc":"2.0","id":5,"method":"x"}]'])))
            self.note("garbage: JSON that is not an object")
        elif kind == 7:  # an object that is no message, with a usable id
            bad_id = self.new_id()
            body = self.rng.choice([{"jsonrpc": "2.0", "id": bad_id}, {"jsonrpc": "1.0", "id": bad_id, "method": "x"},
                                    {"jsonrpc": "2.0", "id": bad_id, "method": 5}, {"id": bad_id, "method": "textDocument/hover"}])
            self.send(body, Expectation("(invalid request)", False, {INVALID_REQUEST}, optional="method" not in body))
            self.note(f"garbage: an invalid request with id {bad_id!r}: {body}")
        elif kind == 8:  # an id of the wrong type: answered with id null
            self.write(self.frame(json.dumps({"jsonrpc": "2.0", "id": {"a": 1}, "method": "textDocument/hover"}).encode()))
            self.note("garbage: an id that is an object")
        elif kind == 9:  # deeply nested JSON
            depth = self.rng.choice([1000, 100_000])
            self.expected[rid] = Expectation("(deep JSON)", False, {PARSE_ERROR, INVALID_PARAMS}, optional=True)
            nested = (b'{"jsonrpc":"2.0","id":%s,"method":"textDocument/hover","params":' % json.dumps(rid).encode()
                      + b"[" * depth + b"]" * depth + b"}")
            self.write(self.frame(nested))
            self.note(f"garbage: JSON nested {depth} deep")
        else:  # a Content-Length that is no number
            self.write(b"Content-Length: many\r\n\r\n{}")
            self.note("garbage: Content-Length not a number")

    def cancel(self, request_id: Any | None = None):
        pending = [i for i in self.expected if i not in self.answered]
        target = request_id if request_id is not None else (self.rng.choice(pending) if pending else self.rng.choice([12345, "nope"]))
        self.notify("$/cancelRequest", {"id": target})

    # ---------------------------------------------------------------- the session

    def run(self, workdir: Path) -> None:
        self.workdir = str(workdir)
        self.start(workdir)
        try:
            self.script()
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(timeout=5)

    def script(self):
        rng = self.rng
        # before initialize: requests fail with -32002, notifications are dropped
        for _ in range(rng.choice([0, 0, 1, 3])):
            self.request(rng.choice(["textDocument/hover", "shutdown", "workspace/symbol", "x/unknown"]), {})
            if rng.random() < 0.3:
                self.garbage()
        if rng.random() < 0.3:
            self.initialize(valid=False)
            self.await_answers()
        self.initialize()
        deep = False
        for step in range(rng.randint(3, 40)):
            roll = rng.random()
            if roll < 0.15:
                self.open_document(large=not deep and rng.random() < 0.02)
            elif roll < 0.35:
                self.edit()
            elif roll < 0.42:  # a burst of edits, then a request that must see them all
                uri = self.uri()
                for _ in range(rng.randint(10, 80) if rng.random() < 0.9 else 1000):
                    self.edit(uri)
                self.feature_request()
            elif roll < 0.65:
                rid = self.feature_request()
                if rng.random() < 0.3:
                    self.cancel(rid)
            elif roll < 0.72:
                self.wrong_type_request()
            elif roll < 0.78:
                self.request(rng.choice(["x/unknown", "textDocument/unknown", "$/unknownRequest"]), {},
                             result_ok=False, codes={METHOD_NOT_FOUND})
            elif roll < 0.82:
                self.notify(rng.choice(["x/unknownNotification", "$/setTrace", "textDocument/didSave", "workspace/didChangeConfiguration"]),
                            rng.choice([{}, None, {"settings": {}}]))
            elif roll < 0.92:
                self.garbage()
            elif roll < 0.95:
                self.cancel()
            else:
                self.request("initialize", {"processId": None, "capabilities": {}}, result_ok=False, codes={INVALID_REQUEST})
            if rng.random() < 0.2:
                self.await_answers()
        self.finish()

    def finish(self):
        rng = self.rng
        ending = rng.random()
        if ending < 0.75:
            shutdown = self.request("shutdown", None, omit_params=rng.random() < 0.5)
            self.state = "shutdown"
            # everything sent before shutdown is answered before it
            self.await_answers()
            order = [m.get("id") for m in self.answered.values()]
            late = [i for i in self.expected if i not in (shutdown,) and self.expected[i].method != "(after shutdown)"
                    and i in self.answered and list(self.answered).index(i) > list(self.answered).index(shutdown)]
            if late:
                raise Violation(f"requests answered after the shutdown response: {late}")
            del order
            for _ in range(rng.choice([0, 1, 2])):
                self.request(rng.choice(["textDocument/hover", "shutdown", "initialize"]), {})
            self.await_answers()
            expected_code = 0
        else:
            self.await_answers()
            expected_code = 1
        sends_exit = rng.random() < 0.85
        if sends_exit:
            self.notify("exit")
        else:
            self.note("closing the input instead of exit")
        self.sent_exit_at = time.monotonic()
        self.state = "exited"
        # anything sent after exit is never answered
        if sends_exit and rng.random() < 0.5:
            self.request("textDocument/hover", {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}})
        try:
            self.proc.stdin.close()  # type: ignore[union-attr]
        except Exception:
            pass
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            raise Violation(f"the server did not exit within 10 s of exit; stderr: {self.stderr()}")
        if code != expected_code:
            raise Violation(f"exit code {code}, expected {expected_code}; stderr: {self.stderr()}")
        self.drain_to_end(5)
        late = [m for m in self.after_exit if "id" in m and "method" not in m and m.get("id") is not None
                and self.expected.get(m["id"]) is not None and not (self.expected[m["id"]].result_ok or self.expected[m["id"]].codes)]
        if late:
            raise Violation(f"answered after exit: {late[:3]}")


def run_session(binary: str, seed: int, index: int, workroot: Path, verbose: bool = False) -> str | None:
    workdir = workroot / f"s{index}"
    workdir.mkdir(parents=True, exist_ok=True)
    session = Session(seed, index, binary, verbose)
    started = time.monotonic()
    try:
        session.run(workdir)
        if verbose:
            print(f"session {index}: {time.monotonic() - started:.2f} s", file=sys.stderr)
    except Violation as violation:
        return f"session {index} (seed {seed}): {violation}\n  last steps: " + "\n    ".join(session.log[-8:])
    except Exception as error:
        return f"session {index} (seed {seed}): client error {type(error).__name__}: {error}"
    return None


def resident_kib(pid: int) -> int:
    """The process's resident memory (VmRSS) in KiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc (not Linux?)")


def memory_over_edits(binary: str, cycles: int = 10_000, size: int = 1_000_000, probes: tuple[int, int] = (1_000, 10_000),
                      pull_every: int = 500) -> dict[int, int]:
    """Opens a document of `size` bytes and edits it `cycles` times (a character inserted,
    then removed again); pulls diagnostics every `pull_every` cycles so the server analyses
    it, and at each probe, where it also reads the server's RSS. Returns probe → KiB."""
    import tempfile

    base = SAMPLES[0].read_text(encoding="utf-8") if SAMPLES else "punkt 1: A\n"
    text = (base + "\n") * max(1, size // max(1, len(base)))
    with tempfile.TemporaryDirectory(prefix="agendac-lsp-memory-") as workdir:
        session = Session(0, 0, binary)
        session.workdir = workdir
        session.start(Path(workdir))
        try:
            session.initialize()
            uri = Path(workdir, "large.agenda").as_uri()
            session.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "agenda", "version": 1, "text": text}})
            session.verbose = False
            version = 1
            line = text.count("\n") // 2
            resident: dict[int, int] = {}
            insert = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"}
            remove = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}, "text": ""}
            for cycle in range(1, cycles + 1):
                version += 1
                session.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                              "params": {"textDocument": {"uri": uri, "version": version},
                                         "contentChanges": [insert if cycle % 2 else remove]}})
                if cycle % pull_every == 0 or cycle in probes:
                    session.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
                    session.await_answers(timeout=120)
                    session.log.clear()
                if cycle in probes:
                    resident[cycle] = resident_kib(session.proc.pid)
            session.request("shutdown", None)
            session.await_answers(timeout=120)
            session.notify("exit")
            session.state = "exited"
            session.proc.wait(timeout=30)
            return resident
        finally:
            if session.proc.poll() is None:
                session.proc.kill()
                session.proc.wait(timeout=5)


def find_binary() -> str:
    if os.environ.get("AGENDAC_BIN"):
        return os.environ["AGENDAC_BIN"]
    candidates = [ROOT / ".build/debug/agendac", ROOT / ".build/release/agendac"]
    existing = [c for c in candidates if c.exists()]
    if not existing:
        raise SystemExit("lsp_random: no agendac binary; build first or set AGENDAC_BIN")
    return str(max(existing, key=lambda p: p.stat().st_mtime))


def main(argv: list[str] | None = None) -> int:
    import concurrent.futures
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=int(os.environ.get("E2E_RANDOM_SESSIONS", "500")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("E2E_RANDOM_SEED", "1")))
    parser.add_argument("--only", type=int, help="run only this session index")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--bin", default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--memory", action="store_true", help="instead: RSS over 10,000 edit cycles of a 1 MB document")
    args = parser.parse_args(argv)
    binary = args.bin or find_binary()
    if args.memory:
        started = time.monotonic()
        resident = memory_over_edits(binary)
        print(f"lsp_random: RSS {resident} KiB at those edit cycles, {time.monotonic() - started:.1f} s", file=sys.stderr)
        return 0
    indices = [args.only] if args.only is not None else list(range(args.sessions))
    started = time.monotonic()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="agendac-lsp-random-") as root:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for failure in pool.map(lambda i: run_session(binary, args.seed, i, Path(root), args.verbose), indices):
                if failure:
                    failures.append(failure)
                    print(failure, file=sys.stderr)
    print(f"lsp_random: {len(indices)} sessions (seed {args.seed}), {len(failures)} failed, "
          f"{time.monotonic() - started:.1f} s", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

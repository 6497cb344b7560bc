import AgendaBase
import AgendaLSP
import Foundation
import Testing

/// A small LSP client for end-to-end tests: runs the built `agendac lsp` as a
/// child process and talks to it through its real standard input and output
/// (or, `inProcess`, runs `LanguageServer` on a thread over pipes, as a
/// benchmark would).
///
/// Its framing is written independently of the server's, so a bug there cannot
/// hide itself. Every wait is bounded (`timeout`), so a misbehaving server fails
/// a test instead of hanging it. Requests the server sends (progress tokens,
/// registrations, configuration) are answered automatically with `null`.
final class LSPTestClient: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let timeout: TimeInterval = 10

    private let process: Process?
    private let inProcessExit = ExitCodeBox()
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let inbox: Inbox
    private let writer: ServerInput
    private let ids = NSLock()
    private var nextID = 1

    /// Starts the server; a child process is killed when the client goes away,
    /// an in-process server sees the end of its input.
    init(inProcess: Bool = false, answerServerRequests: Bool = true) throws {
        // writing to a server that has exited must fail with EPIPE, not kill the test run
        signal(SIGPIPE, SIG_IGN)
        let writer = ServerInput(toServer.fileHandleForWriting)
        self.writer = writer
        var reply: (@Sendable (JSON) -> Void)?
        if answerServerRequests { reply = { @Sendable message in writer.write(LSPTestClient.frame(message)) } }
        inbox = Inbox(reply: reply)
        if inProcess {
            process = nil
            let input = toServer.fileHandleForReading
            let server = LanguageServer(input: input.fileDescriptor, output: fromServer.fileHandleForWriting.fileDescriptor)
            // the thread holds what it needs, not the client, so the client can go away first
            // (holding the input's handle keeps its descriptor open, and not reused, while the server reads)
            let (output, exit) = (fromServer.fileHandleForWriting, inProcessExit)
            Thread {
                let code = withExtendedLifetime(input) { server.run() }
                // the server writes nothing more; end its output so the read loop ends
                try? output.close()
                exit.set(code)
            }.start()
        } else {
            guard let binary = Self.serverBinary() else {
                throw Failure(description: "no built agendac found next to the test bundle or under .build*/debug; run swift build first")
            }
            let process = Process()
            process.executableURL = binary
            process.arguments = ["lsp"]
            process.standardInput = toServer
            process.standardOutput = fromServer
            process.standardError = FileHandle.nullDevice
            try process.run()
            self.process = process
        }
        let (inbox, output) = (inbox, fromServer.fileHandleForReading)
        Thread { withExtendedLifetime(output) { inbox.readLoop(output.fileDescriptor) } }.start()
    }

    deinit {
        if let process, process.isRunning { process.terminate() }
        writer.close()
    }

    // MARK: - Finding the server

    /// The `agendac` built beside this test bundle, else the newest under `.build*/debug`.
    static func serverBinary() -> URL? { builtExecutable("agendac") }

    /// An executable of this package built beside this test bundle, else the newest under `.build*/debug`.
    static func builtExecutable(_ name: String) -> URL? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent(name))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(name))
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        let root = Golden.packageRoot
        let builds = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }
        let binaries = builds.map { root.appendingPathComponent($0).appendingPathComponent("debug/\(name)") }
            .filter { FileManager.default.isExecutableFile(atPath: $0.path) }
        func modified(_ url: URL) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
        }
        return binaries.max { modified($0) < modified($1) }
    }

    // MARK: - Sending

    /// Writes bytes as they are; a write to a server that has gone fails quietly.
    func sendRaw(_ bytes: [UInt8]) {
        writer.write(bytes)
    }

    static func frame(_ message: JSON) -> [UInt8] {
        frame(Array(message.serialized().utf8))
    }

    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    func send(_ message: JSON) { sendRaw(Self.frame(message)) }

    func notify(_ method: String, _ params: JSON = .object([])) {
        send(Self.notification(method, params))
    }

    /// Sends a request and returns its id.
    @discardableResult
    func request(_ method: String, _ params: JSON = .object([])) -> Int {
        let id = takeID()
        send(Self.request(id: id, method, params))
        return id
    }

    func takeID() -> Int {
        ids.lock()
        defer { ids.unlock() }
        nextID += 1
        return nextID - 1
    }

    static func request(id: Int, _ method: String, _ params: JSON = .object([])) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", params)])
    }

    static func notification(_ method: String, _ params: JSON = .object([])) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    /// Ends the server's input (as an editor that crashed would).
    func closeInput() {
        writer.close()
    }

    // MARK: - Receiving

    /// The first message (in arrival order) matching `predicate`, waiting for it up to `timeout`.
    func waitFor(_ what: String, timeout: TimeInterval = timeout, _ predicate: (JSON) -> Bool) throws -> JSON {
        try inbox.waitFor(what, timeout: timeout, predicate)
    }

    func response(to id: Int, timeout: TimeInterval = timeout) throws -> JSON {
        try waitFor("the response to request \(id)", timeout: timeout) { $0["id"]?.intValue == id && $0["method"] == nil }
    }

    /// Sends a request and waits for its result, failing on an error response.
    func call(_ method: String, _ params: JSON = .object([])) throws -> JSON {
        let reply = try response(to: request(method, params))
        if let error = reply["error"] { throw Failure(description: "\(method) failed: \(error.serialized())") }
        return reply["result"] ?? .null
    }

    /// Every message received so far that matches `predicate`.
    func all(_ predicate: (JSON) -> Bool) -> [JSON] { inbox.all(predicate) }

    func notifications(_ method: String) -> [JSON] {
        all { $0["method"]?.stringValue == method && $0["id"] == nil }
    }

    /// Framing problems in what the server wrote (there must be none).
    var unreadableOutput: [String] { inbox.unreadableOutput }

    /// The exit code, once the server ends within `timeout`; nil if it is still running.
    func waitForExit(timeout: TimeInterval = timeout) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        guard let process else { return inProcessExit.wait(until: deadline) }
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { return nil }
        return process.terminationStatus
    }

    // MARK: - Standard lifecycle

    static func capabilities(pull: Bool = false, progress: Bool = false, snippets: Bool = false, encodings: [String]? = nil) -> JSON {
        var textDocument: [(String, JSON)] = [
            ("completion", .object([("completionItem", .object([("snippetSupport", .bool(snippets))]))])),
            ("publishDiagnostics", .object([("versionSupport", .bool(true))])),
        ]
        if pull { textDocument.append(("diagnostic", .object([("dynamicRegistration", .bool(false))]))) }
        var capabilities: [(String, JSON)] = [("textDocument", .object(textDocument))]
        if progress { capabilities.append(("window", .object([("workDoneProgress", .bool(true))]))) }
        if let encodings { capabilities.append(("general", .object([("positionEncodings", .array(encodings.map(JSON.string)))]))) }
        return .object(capabilities)
    }

    /// `initialize` then `initialized`; returns the initialize result.
    @discardableResult
    func initialize(_ capabilities: JSON = capabilities(), rootURI: String? = nil, options: JSON? = nil) throws -> JSON {
        var params: [(String, JSON)] = [("processId", .null), ("capabilities", capabilities), ("rootUri", rootURI.map(JSON.string) ?? .null)]
        if let options { params.append(("initializationOptions", options)) }
        let result = try call("initialize", .object(params))
        notify("initialized")
        return result
    }

    /// `shutdown` then `exit`; returns the exit code.
    func shutdownAndExit() throws -> Int32? {
        _ = try call("shutdown", .null)
        notify("exit", .null)
        return waitForExit()
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("agenda")), ("version", .int(version)), ("text", .string(text)),
        ]))]))
    }

    static func documentParams(_ uri: String, _ extra: [(String, JSON)] = []) -> JSON {
        .object([("textDocument", .object([("uri", .string(uri))]))] + extra)
    }

    static func position(_ line: Int, _ character: Int) -> JSON {
        .object([("line", .int(line)), ("character", .int(character))])
    }

    static func range(_ start: (Int, Int), _ end: (Int, Int)) -> JSON {
        .object([("start", position(start.0, start.1)), ("end", position(end.0, end.1))])
    }
}

/// What the server wrote, read on a thread of its own with the client's own framing.
private final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    /// Everything received, in order; tests search it without consuming.
    private var received: [JSON] = []
    private var unreadable: [String] = []
    private var outputClosed = false
    /// Sends a framed reply to a request from the server; nil: leave them unanswered.
    private let reply: (@Sendable (JSON) -> Void)?

    init(reply: (@Sendable (JSON) -> Void)?) {
        self.reply = reply
    }

    func waitFor(_ what: String, timeout: TimeInterval, _ predicate: (JSON) -> Bool) throws -> JSON {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let found = received.first(where: predicate) { return found }
            if outputClosed { throw LSPTestClient.Failure(description: "the server closed its output before \(what); received: \(summary)") }
            if !condition.wait(until: deadline) {
                throw LSPTestClient.Failure(description: "timed out after \(timeout) s waiting for \(what); received: \(summary)")
            }
        }
    }

    func all(_ predicate: (JSON) -> Bool) -> [JSON] {
        condition.lock()
        defer { condition.unlock() }
        return received.filter(predicate)
    }

    var unreadableOutput: [String] {
        condition.lock()
        defer { condition.unlock() }
        return unreadable
    }

    private var summary: String {
        received.suffix(8).map { String($0.serialized().prefix(160)) }.joined(separator: " | ")
    }

    func readLoop(_ descriptor: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            buffer += chunk[0..<count]
            while let (message, used) = Self.takeFrame(buffer) {
                buffer.removeFirst(used)
                deliver(message)
            }
        }
        condition.lock()
        outputClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// One frame from the start of `buffer`: the parsed body (or why not) and the bytes used.
    static func takeFrame(_ buffer: [UInt8]) -> (Result<JSON, LSPTestClient.Failure>, Int)? {
        let separator = Array("\r\n\r\n".utf8)
        guard buffer.count >= 4, let end = (0...(buffer.count - 4)).first(where: { Array(buffer[$0..<($0 + 4)]) == separator }) else { return nil }
        let header = String(decoding: buffer[0..<end], as: UTF8.self)
        let lengths = header.split(separator: "\r\n").compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }
        guard let length = lengths.first else { return (.failure(LSPTestClient.Failure(description: "header without length: \(header)")), end + 4) }
        guard buffer.count >= end + 4 + length else { return nil }
        let body = Array(buffer[(end + 4)..<(end + 4 + length)])
        do {
            return (.success(try JSON.parse(body)), end + 4 + length)
        } catch {
            return (.failure(LSPTestClient.Failure(description: "unreadable body: \(error)")), end + 4 + length)
        }
    }

    private func deliver(_ message: Result<JSON, LSPTestClient.Failure>) {
        condition.lock()
        switch message {
        case .success(let json): received.append(json)
        case .failure(let failure): unreadable.append(failure.description)
        }
        condition.broadcast()
        condition.unlock()
        // requests from the server get a null result, as a cooperative client would answer
        if let reply, case .success(let json) = message, let id = json["id"], json["method"] != nil {
            reply(.object([("jsonrpc", .string("2.0")), ("id", id), ("result", .null)]))
        }
    }
}

/// An exit code set once by one thread and awaited by another.
private final class ExitCodeBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var code: Int32?

    func set(_ value: Int32) {
        condition.lock()
        code = value
        condition.broadcast()
        condition.unlock()
    }

    func wait(until deadline: Date) -> Int32? {
        condition.lock()
        defer { condition.unlock() }
        while code == nil, condition.wait(until: deadline) {}
        return code
    }
}

/// The writing end of the server's input. Foundation traps on writes to a
/// closed handle, so writes after `close` are dropped here instead.
private final class ServerInput: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle
    private var closed = false

    init(_ handle: FileHandle) { self.handle = handle }

    func write(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        try? handle.write(contentsOf: Data(bytes))
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        try? handle.close()
    }
}

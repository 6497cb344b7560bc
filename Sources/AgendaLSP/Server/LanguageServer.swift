import AgendaBase
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The agenda language server: LSP 3.17 over a pair of byte streams.
///
/// `agendac lsp` runs it on standard input and output; a benchmark or a test
/// can run it in-process over pipes:
///
/// ```swift
/// let toServer = Pipe(), fromServer = Pipe()
/// let server = LanguageServer(input: toServer.fileHandleForReading.fileDescriptor, output: fromServer.fileHandleForWriting.fileDescriptor)
/// DetachedThread.start { _ = server.run() }
/// ```
///
/// Threads: one reader (blocking reads, never waits for work), one serial
/// work queue (state and handlers, in message order), and background queues
/// for diagnostics analysis and workspace indexing.
public final class LanguageServer: Sendable {
    public struct Options: Sendable {
        /// How long after the last edit diagnostics are pushed.
        public var diagnosticsDelay: DispatchTimeInterval
        /// Where log lines go (standard error for `agendac lsp`); nil for silence.
        public var log: (@Sendable (String) -> Void)?

        public init(diagnosticsDelay: DispatchTimeInterval = .milliseconds(50), log: (@Sendable (String) -> Void)? = nil) {
            self.diagnosticsDelay = diagnosticsDelay
            self.log = log
        }

        /// Log lines on standard error, prefixed so they are easy to find in an editor's log.
        public static var standardErrorLog: @Sendable (String) -> Void {
            // a log line that cannot be written is lost; it must never stop the server
            { message in _ = StandardStream.write("agendac lsp: \(message)\n".utf8, to: STDERR_FILENO) }
        }
    }

    private let input: Int32
    private let output: Int32
    private let options: Options

    /// Serves on the file descriptors `input` and `output`, which the caller keeps open.
    public init(input: Int32, output: Int32, options: Options = Options()) {
        self.input = input
        self.output = output
        self.options = options
    }

    /// Serves until `exit` or the end of input; returns the exit code: 0 after
    /// `shutdown`, 1 without, 2 when the output cannot be written before
    /// `shutdown` (the client has gone, the disk is full). Nothing is written after it returns. The reader
    /// thread stays blocked in `read` until the input ends (a process exits
    /// anyway; in-process callers close the writing end of the input).
    public func run() -> Int32 {
        // a client that goes away mid-write must not kill the server with SIGPIPE;
        // writes then fail with EPIPE and are dropped
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "agendac.lsp.work", qos: .userInitiated)
        let exitCode = Locked<Int32?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let log = options.log
        let served = Locked<ServerState?>(nil)
        let writer = MessageWriter(fileDescriptor: output) { reason in
            // once `shutdown` has arrived an editor may close its end at once (Neovim
            // does, before late notifications are written): a normal end, not a failure
            let afterShutdown = served.current?.shutdownReceived.current ?? false
            if !afterShutdown { log?("cannot write to the client (\(reason)); stopping") }
            exitCode.withLock { $0 = $0 ?? (afterShutdown ? 0 : 2) }
            finished.signal()
        }
        let connection = Connection(writer: writer)
        let state = ServerState(queue: queue, connection: connection, options: options)
        served.withLock { $0 = state }
        let dispatcher = Dispatcher(state: state) { code in
            exitCode.withLock { $0 = $0 ?? code }
            finished.signal()
        }
        let reader = MessageReader(fileDescriptor: input)
        let started = DetachedThread.start {
            reader.run { dispatcher.receive($0) }
            dispatcher.endOfInput()
        }
        guard started else {
            log?("cannot start the thread that reads the client's messages")
            return 1
        }
        finished.wait()
        writer.close()
        return exitCode.current ?? 1
    }
}

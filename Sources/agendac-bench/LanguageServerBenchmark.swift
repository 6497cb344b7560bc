import AgendaBase
import AgendaLSP
import Foundation

/// Measures the real `agendac lsp` process over its stdio transport:
/// start → initialize result, open → first diagnostics, edit → fresh
/// diagnostics (pull, so no debounce is counted), completion latency, and the
/// server's peak memory (VmHWM). Each edit's server CPU time (all its
/// threads, from /proc) is given beside the wall time: on a shared machine
/// the wall time mostly shows waiting for a core.
enum LanguageServerBenchmark {
    static func run(quick: Bool) -> String {
        guard let binary = locateServer() else {
            return "## Language server\n\n(skipped: no `agendac` binary beside `agendac-bench`; build both with `swift build -c release`)\n"
        }
        var out = "## Language server (`agendac lsp` over stdio)\n\n"
        out += "| document | initialize | open → diagnostics | edit → diagnostics p50 / p99 | server CPU per edit p50 / p99 | edit → completion p50 / p99 | edit → hover p50 / p99 | server peak memory |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        let sizes = quick ? [100_000] : [100_000, 1_000_000, 5_000_000]
        for size in sizes {
            do {
                out += try measure(binary: binary, documentBytes: size, edits: quick ? 20 : 100)
            } catch {
                out += "| \(CompilerBenchmark.sizeLabel(size)) | failed: \(error) | | | | | | |\n"
            }
        }
        return out
    }

    static func locateServer() -> URL? {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidate = me.deletingLastPathComponent().appendingPathComponent("agendac")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func measure(binary: URL, documentBytes: Int, edits: Int) throws -> String {
        let client = try Client(binary: binary)
        defer { client.stop() }
        // a document of about the wanted size
        let itemBytes = DocumentGenerator.item(1).utf8.count
        let text = DocumentGenerator.minutes(items: max(1, documentBytes / itemBytes))
        let uri = "file:///tmp/agendac-bench.agenda"

        let initialize = try client.timed {
            _ = try client.request("initialize", .object([
                ("processId", .null), ("rootUri", .null),
                ("capabilities", .object([("textDocument", .object([("diagnostic", .object([("dynamicRegistration", .bool(false))]))]))])),
            ]))
        }
        client.notify("initialized", .object([]))

        let open = try client.timed {
            client.notify("textDocument/didOpen", .object([("textDocument", .object([
                ("uri", .string(uri)), ("languageId", .string("agenda")), ("version", .int(1)), ("text", .string(text)),
            ]))]))
            _ = try client.request("textDocument/diagnostic", .object([("textDocument", .object([("uri", .string(uri))]))]))
        }

        // edits in the middle of the document: insert a letter into a prose line
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let target = lines.indices.dropFirst(lines.count / 2).first { lines[$0].hasPrefix("Horsens Kommune har") } ?? 0
        var editTimes: [Double] = []
        var editCPUTimes: [Double] = []
        var completionTimes: [Double] = []
        var hoverTimes: [Double] = []
        for version in 0..<edits {
            let change: JSON = .object([
                ("range", .object([("start", position(target, version)), ("end", position(target, version))])), ("text", .string("x")),
            ])
            let cpuBefore = client.cpuSeconds()
            editTimes.append(try client.timed {
                client.notify("textDocument/didChange", .object([
                    ("textDocument", .object([("uri", .string(uri)), ("version", .int(version + 2))])), ("contentChanges", .array([change])),
                ]))
                _ = try client.request("textDocument/diagnostic", .object([("textDocument", .object([("uri", .string(uri))]))]))
            })
            if let before = cpuBefore, let after = client.cpuSeconds() { editCPUTimes.append(after - before) }
            // each right after an edit, so it pays for the features' document of the new version
            if version % 2 == 0 {
                completionTimes.append(try client.timed {
                    _ = try client.request("textDocument/completion", .object([
                        ("textDocument", .object([("uri", .string(uri))])), ("position", .object([("line", .int(target + 1)), ("character", .int(0))])),
                    ]))
                })
            } else {
                hoverTimes.append(try client.timed {
                    _ = try client.request("textDocument/hover", .object([
                        ("textDocument", .object([("uri", .string(uri))])), ("position", position(target - 2, 2)),
                    ]))
                })
            }
        }
        let memory = client.peakMemoryMiB()
        _ = try? client.request("shutdown", .null)
        client.notify("exit", .null)
        func ms(_ seconds: Double) -> String { Measure.format(seconds * 1000, decimals: 1) + " ms" }
        return "| \(CompilerBenchmark.sizeLabel(text.utf8.count)) | \(ms(initialize)) | \(ms(open)) | "
            + "\(ms(Measure.percentile(editTimes, 0.5))) / \(ms(Measure.percentile(editTimes, 0.99))) | "
            + (editCPUTimes.isEmpty ? "n/a | " : "\(ms(Measure.percentile(editCPUTimes, 0.5))) / \(ms(Measure.percentile(editCPUTimes, 0.99))) | ")
            + "\(ms(Measure.percentile(completionTimes, 0.5))) / \(ms(Measure.percentile(completionTimes, 0.99))) | "
            + "\(ms(Measure.percentile(hoverTimes, 0.5))) / \(ms(Measure.percentile(hoverTimes, 0.99))) | "
            + "\(memory.map { Measure.format($0) + " MiB" } ?? "n/a") |\n"
    }

    static func position(_ line: Int, _ character: Int) -> JSON {
        .object([("line", .int(line)), ("character", .int(character))])
    }

    /// A minimal JSON-RPC client over the server's stdin/stdout.
    final class Client {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        var decoder = FrameDecoder()
        var nextID = 1
        let started = Measure.now()

        init(binary: URL) throws {
            process.executableURL = binary
            process.arguments = ["lsp"]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        /// Seconds from process start for the first call (initialize), else the call's own time.
        func timed(_ body: () throws -> Void) throws -> Double {
            let start = nextID == 1 ? started : Measure.now()
            try body()
            return Double(Measure.now() - start) / 1e9
        }

        func send(_ message: JSON) {
            input.fileHandleForWriting.write(Data(FrameEncoder.frame(message.serializedBytes())))
        }

        func notify(_ method: String, _ params: JSON) {
            send(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
        }

        func request(_ method: String, _ params: JSON) throws -> JSON {
            let id = nextID
            nextID += 1
            send(.object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", params)]))
            while true {
                let message = try readMessage()
                if message["id"]?.intValue == id, message["method"] == nil {
                    if let error = message["error"] { throw Failure(description: "\(method) failed: \(error.serialized())") }
                    return message["result"] ?? .null
                }
                // notifications and server requests are ignored here
            }
        }

        /// The next framed message, read with the server's own framing code.
        func readMessage() throws -> JSON {
            while true {
                switch decoder.next() {
                case .message(let body)?: return (try? JSON.parse(body)) ?? .null
                case .malformed(let reason)?: throw Failure(description: "the server wrote a malformed frame: \(reason)")
                case nil:
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { throw Failure(description: "the server closed its output") }
                    decoder.append(chunk)
                }
            }
        }

        /// The server's CPU time so far, all its threads (the first field of each
        /// thread's /proc schedstat, nanoseconds on a CPU); nil where /proc has none.
        func cpuSeconds() -> Double? {
            let tasks = "/proc/\(process.processIdentifier)/task"
            guard let threads = try? FileManager.default.contentsOfDirectory(atPath: tasks) else { return nil }
            var nanoseconds = 0.0
            for thread in threads {
                guard let stat = try? String(contentsOfFile: "\(tasks)/\(thread)/schedstat", encoding: .utf8),
                      let first = stat.split(separator: " ").first, let value = Double(first) else { continue }
                nanoseconds += value
            }
            return nanoseconds / 1e9
        }

        func peakMemoryMiB() -> Double? {
            guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return nil }
            for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
                let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
                return kilobytes / 1024
            }
            return nil
        }

        /// Ends the server (it normally exits after `exit`) and reaps it, leaving no zombie.
        func stop() {
            input.fileHandleForWriting.closeFile()
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }
}

import Foundation

/// Whole-process figures, as a user or a CI job pays them: start-up of
/// `agendac --version`, `check` of each sample and `lsp` up to its initialize
/// response beside `/bin/true`; and the peak memory of `check`, `compile` and
/// `fmt --check` on generated files, against the file's size.
enum ProcessBenchmark {
    static func startUp(binary: URL, samples: [URL], runs: Int) -> String {
        var out = "## Start-up (whole process, \(runs) runs each)\n\n"
        out += "| command | median | fastest |\n|---|---:|---:|\n"
        func row(_ label: String, _ times: [Double]) {
            let sorted = times.sorted()
            guard let fastest = sorted.first else { return }
            out += "| \(label) | \(milliseconds(Measure.percentile(sorted, 0.5))) | \(milliseconds(fastest)) |\n"
        }
        row("`/bin/true`", (0..<runs).compactMap { _ in Spawn.run("/bin/true", [])?.seconds })
        row("`agendac --version`", (0..<runs).compactMap { _ in Spawn.run(binary.path, ["--version"])?.seconds })
        for sample in samples {
            let size = (try? FileManager.default.attributesOfItem(atPath: sample.path)[.size] as? Int) ?? 0
            row("`agendac check \(sample.lastPathComponent)` (\(CompilerBenchmark.sizeLabel(size)))",
                (0..<runs).compactMap { _ in Spawn.run(binary.path, ["check", sample.path])?.seconds })
        }
        row("`agendac lsp`: spawn → initialize response", (0..<runs).compactMap { _ in Spawn.initialize(binary.path) })
        return out
    }

    /// The generated files the memory table measures: realistic minutes and two degenerate shapes.
    static func memoryCases(quick: Bool) -> [(label: String, text: () -> String)] {
        let itemBytes = DocumentGenerator.item(1).utf8.count
        let megabytes = quick ? 1 : 10
        let bytes = megabytes * 1_000_000
        return [
            ("realistic minutes", { DocumentGenerator.minutes(items: max(1, bytes / itemBytes)) }),
            ("empty lines", { String(repeating: "\n", count: bytes) }),
            ("`punkt: x` lines", { String(repeating: "punkt: x\n", count: bytes / 9) }),
        ]
    }

    static func memory(binary: URL, quick: Bool) -> String {
        var out = "## Peak memory (whole process, max RSS)\n\n"
        let floor = Spawn.run(binary.path, ["--version"])?.peakKiB ?? 0
        out += "`agendac --version` alone: \(mebibytes(floor)) (the runtime's floor). Each cell: peak, and in brackets (peak − floor) / file size.\n\n"
        out += "| file | size | check | compile --to text | compile --to json | fmt --check |\n|---|---:|---:|---:|---:|---:|\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (label, text) in memoryCases(quick: quick) {
            let file = folder.appendingPathComponent("input.agenda")
            let bytes = Array(text().utf8)
            guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes)) else { continue }
            let output = folder.appendingPathComponent("output").path
            var cells: [String] = []
            for arguments in [["check", file.path], ["compile", file.path, "--to", "text", "--force", "-o", output],
                              ["compile", file.path, "--to", "json", "--force", "-o", output], ["fmt", "--check", file.path]] {
                guard let peak = Spawn.run(binary.path, arguments)?.peakKiB else { cells.append("failed"); continue }
                let ratio = Double(max(0, peak - floor)) * 1024 / Double(max(1, bytes.count))
                cells.append("\(mebibytes(peak)) (\(Measure.format(ratio))×)")
            }
            out += "| \(label) | \(CompilerBenchmark.sizeLabel(bytes.count)) | " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func milliseconds(_ seconds: Double) -> String { Measure.format(seconds * 1000, decimals: 2) + " ms" }
    static func mebibytes(_ kibibytes: Int) -> String { Measure.format(Double(kibibytes) / 1024) + " MiB" }
}

/// Starting a program with posix_spawn and reaping it with wait4: the wall
/// time from spawn to exit and the child's peak resident memory, with none of
/// Foundation's `Process` machinery in the measurement.
enum Spawn {
    static func run(_ path: String, _ arguments: [String]) -> (seconds: Double, peakKiB: Int, status: Int32)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let start = Measure.now()
        guard let pid = spawn(path, arguments, &actions) else { return nil }
        guard let (peak, status) = reap(pid) else { return nil }
        return (Double(Measure.now() - start) / 1e9, peak, status)
    }

    /// Seconds from spawning `agendac lsp` to reading its answer to `initialize`; the server is then told to exit.
    static func initialize(_ path: String) -> Double? {
        var toServer: [Int32] = [0, 0], fromServer: [Int32] = [0, 0]
        guard pipe(&toServer) == 0 else { return nil }
        guard pipe(&fromServer) == 0 else { close(toServer[0]); close(toServer[1]); return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toServer[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromServer[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, toServer[1])
        posix_spawn_file_actions_addclose(&actions, fromServer[0])
        func frame(_ body: String) -> [UInt8] { Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }
        let request = frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#)
        let start = Measure.now()
        let pid = spawn(path, ["lsp"], &actions)
        close(toServer[0])
        close(fromServer[1])
        defer {
            close(toServer[1])
            close(fromServer[0])
            if let pid { _ = reap(pid) }
        }
        guard pid != nil, write(toServer[1], request, request.count) == request.count else { return nil }
        // the answer's frame: read until the header's length of body has arrived
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fromServer[0], &buffer, buffer.count)
            guard count > 0 else { return nil }
            received += buffer[0..<count]
            if let length = completeFrameLength(received) {
                let elapsed = Double(Measure.now() - start) / 1e9
                let bye = frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#) + frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
                _ = write(toServer[1], bye, bye.count)
                return length > 0 ? elapsed : nil
            }
        }
    }

    /// The body length once a whole frame is in `bytes`, else nil.
    static func completeFrameLength(_ bytes: [UInt8]) -> Int? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let header = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        guard let line = header.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return nil }
        return bytes.count - (end + separator.count) >= length ? length : nil
    }

    private static func spawn(_ path: String, _ arguments: [String], _ actions: inout posix_spawn_file_actions_t) -> pid_t? {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
        return pid
    }

    /// Waits for the child; its peak resident memory in KiB and its exit status (-1 when it did not exit normally).
    private static func reap(_ pid: pid_t) -> (Int, Int32)? {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return nil }
        }
        // WIFEXITED and WEXITSTATUS, which Swift does not import
        let exited = status & 0x7f == 0
        return (usage.ru_maxrss, exited ? (status >> 8) & 0xff : -1)
    }
}

import Foundation
import Testing

/// `agendac-bench` reads its command line before measuring anything: `--help`
/// prints usage, an unknown option is a usage error (exit 2).
@Suite struct BenchCommandLineTests {
    static func run(_ arguments: [String]) throws -> (code: Int32, output: String, errors: String) {
        let binary = try #require(LSPTestClient.builtExecutable("agendac-bench"), "agendac-bench is not built; run swift build first")
        return try RunProcess.run(binary, arguments, timeoutSeconds: 30)
    }

    @Test(arguments: ["--help", "-h"]) func helpPrintsUsageAndMeasuresNothing(_ flag: String) throws {
        let result = try Self.run([flag])
        #expect(result.code == 0)
        #expect(result.output.hasPrefix("usage: agendac-bench"))
        #expect(result.output.contains("--quick"))
        #expect(result.output.contains("--compiler-only"))
        #expect(!result.output.contains("# agendac benchmark"), "--help ran the benchmark")
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try Self.run(["--fast"])
        #expect(result.code == 2)
        #expect(result.errors.contains("unknown argument '--fast'"))
        #expect(result.errors.contains("usage: agendac-bench"))
        #expect(result.output.isEmpty)
    }
}

/// Runs a program to its end (killing it after `timeoutSeconds`) and returns its exit code and output.
enum RunProcess {
    struct TimedOut: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ executable: URL, _ arguments: [String], input: String? = nil,
                    timeoutSeconds: Double) throws -> (code: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        // a program that exits without reading its input must not kill the tests with SIGPIPE
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        if let input { try? standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        try? standardInput.fileHandleForWriting.close()
        // read both pipes while the program runs, so a full pipe never blocks it
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isOutput: isOutput)
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw TimedOut(description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) ran longer than \(timeoutSeconds) s")
        }
        process.waitUntilExit()
        group.wait()
        return (process.terminationStatus, collected.text(isOutput: true), collected.text(isOutput: false))
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var output = Data(), errors = Data()

        func set(_ data: Data, isOutput: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isOutput { output = data } else { errors = data }
        }

        func text(isOutput: Bool) -> String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: isOutput ? output : errors, as: UTF8.self)
        }
    }
}

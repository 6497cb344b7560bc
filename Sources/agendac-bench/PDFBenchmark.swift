import Foundation

/// `agendac compile FILE --to pdf -o OUT` as a user runs it: the whole process,
/// from start to written file, on the 8-item sample and on generated minutes
/// of 200 and 2,000 items. The median of several runs.
enum PDFBenchmark {
    static let sample = "samples/horsens-beskaeftigelses-og-integrationsudvalget-2026-05-04.agenda"

    static func run(quick: Bool) -> String {
        guard let binary = LanguageServerBenchmark.locateServer() else {
            return "## PDF\n\n(skipped: no `agendac` binary beside `agendac-bench`; build both with `swift build -c release`)\n"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-bench-pdf-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var out = "## PDF (`agendac compile FILE --to pdf -o OUT`, whole process)\n\n"
        out += "| document | items | input | PDF | median | runs |\n|---|---:|---:|---:|---:|---:|\n"
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var cases: [(name: String, items: Int, input: URL)] = []
            let sampleURL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(sample)
            if FileManager.default.fileExists(atPath: sampleURL.path) {
                cases.append(("Horsens sample", 8, sampleURL))
            } else {
                cases.append(("generated", 8, try generated(8, in: folder)))
            }
            for items in quick ? [200] : [200, 2000] { cases.append(("generated", items, try generated(items, in: folder))) }
            for entry in cases {
                let output = folder.appendingPathComponent("out-\(entry.items).pdf")
                let runs = quick ? 3 : (entry.items >= 2000 ? 5 : 15)
                var samples: [Double] = []
                for _ in 0..<runs {
                    samples.append(try timeProcess(binary, ["compile", entry.input.path, "--to", "pdf", "-o", output.path]))
                }
                let inputSize = (try? FileManager.default.attributesOfItem(atPath: entry.input.path)[.size] as? Int) ?? 0
                let outputSize = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
                out += "| \(entry.name) | \(entry.items) | \(CompilerBenchmark.sizeLabel(inputSize)) | \(CompilerBenchmark.sizeLabel(outputSize)) "
                out += "| \(CompilerBenchmark.durationLabel(Measure.percentile(samples, 0.5))) | \(runs) |\n"
            }
        } catch {
            out += "| failed: \(error) | | | | | |\n"
        }
        return out
    }

    static func generated(_ items: Int, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("generated-\(items).agenda")
        try DocumentGenerator.minutes(items: items).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Seconds from launch to exit; a failing compile is an error, not a figure.
    static func timeProcess(_ binary: URL, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Measure.now()
        try process.run()
        process.waitUntilExit()
        let seconds = Double(Measure.now() - start) / 1e9
        guard process.terminationStatus == 0 else { throw BenchmarkFailure("agendac exited with \(process.terminationStatus) on \(arguments[1])") }
        return seconds
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

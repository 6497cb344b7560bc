import Foundation

/// `agendac compile FILE --to pdf -o OUT` as a user runs it: the whole process,
/// from start to written file, on the 8-item sample and on generated minutes
/// of 200 and 2,000 items. The median of several runs. When Python's `typst`
/// module is installed (`pip install typst`), the same minutes as Typst markup
/// (`TypstSource`, from `--to markdown`) compiled by `python3 -c 'import typst;
/// typst.compile(…)'` as a whole process too, in the same font and with PDF/UA-1
/// asked for, and the ratio.
enum PDFBenchmark {
    static let sample = "samples/horsens-beskaeftigelses-og-integrationsudvalget-2026-05-04.agenda"

    /// `items`: the generated documents' sizes (`--pdf-items`), by default 200 and 2,000 (200 with `--quick`).
    static func run(quick: Bool, items: [Int]? = nil, packageRoot: URL? = nil) -> String {
        guard let binary = LanguageServerBenchmark.locateServer() else {
            return "## PDF\n\n(skipped: no `agendac` binary beside `agendac-bench`; build both with `swift build -c release`)\n"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-bench-pdf-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let typst = TypstRunner.available(packageRoot: packageRoot)
        var out = "## PDF (`agendac compile FILE --to pdf -o OUT`, whole process)\n\n"
        out += typst == nil
            ? "(Typst not timed: `python3 -c 'import typst'` fails; `pip install typst` to time it beside agendac)\n\n"
            : "Typst: the same minutes as Typst markup, `python3 -c 'import typst; typst.compile(…)'` (PDF/UA-1, Liberation Sans), whole process.\n\n"
        out += "| document | items | input | PDF | agendac | Typst | Typst ÷ agendac | runs |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var cases: [(name: String, items: Int, input: URL)] = []
            let sampleURL = (packageRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).appendingPathComponent(sample)
            if FileManager.default.fileExists(atPath: sampleURL.path) {
                cases.append(("Horsens sample", 8, sampleURL))
            } else {
                cases.append(("generated", 8, try generated(8, in: folder)))
            }
            for count in items ?? (quick ? [200] : [200, 2000]) { cases.append(("generated", count, try generated(count, in: folder))) }
            for entry in cases {
                let output = folder.appendingPathComponent("out-\(entry.items).pdf")
                let runs = quick ? 3 : (entry.items >= 2000 ? 5 : 15)
                var samples: [Double] = []
                for _ in 0..<runs {
                    samples.append(try timeProcess(binary, ["compile", entry.input.path, "--to", "pdf", "-o", output.path]))
                }
                let ours = Measure.percentile(samples, 0.5)
                let inputSize = (try? FileManager.default.attributesOfItem(atPath: entry.input.path)[.size] as? Int) ?? 0
                let outputSize = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
                var typstCells = "– | –"
                if let typst {
                    do {
                        let theirs = try typst.median(of: entry.input, agendac: binary, in: folder, runs: quick ? 2 : (entry.items >= 2000 ? 3 : 7))
                        typstCells = "\(CompilerBenchmark.durationLabel(theirs)) | \(Measure.format(theirs / ours))×"
                    } catch {
                        typstCells = "failed: \(error) | –"
                    }
                }
                out += "| \(entry.name) | \(entry.items) | \(CompilerBenchmark.sizeLabel(inputSize)) | \(CompilerBenchmark.sizeLabel(outputSize)) "
                out += "| \(CompilerBenchmark.durationLabel(ours)) | \(typstCells) | \(runs) |\n"
            }
        } catch {
            out += "| failed: \(error) | | | | | | | |\n"
        }
        return out
    }

    static func generated(_ items: Int, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("generated-\(items).agenda")
        try DocumentGenerator.minutes(items: items).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Seconds from launch to exit; a failing compile is an error, not a figure.
    static func timeProcess(_ binary: URL, _ arguments: [String], output: URL? = nil) throws -> Double {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let output {
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        let start = Measure.now()
        try process.run()
        process.waitUntilExit()
        let seconds = Double(Measure.now() - start) / 1e9
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure("\(binary.lastPathComponent) exited with \(process.terminationStatus) on \(arguments.dropFirst().first ?? "")")
        }
        return seconds
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Typst through its Python binding, when `import typst` works.
struct TypstRunner {
    let python: URL
    /// The bundled Liberation Sans, so Typst sets the same font (its own fonts otherwise).
    let fonts: URL?

    static let script = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], font_paths=sys.argv[3:], pdf_standards=['ua-1'])"

    static func available(packageRoot: URL?) -> TypstRunner? {
        let python = URL(fileURLWithPath: "/usr/bin/env")
        guard (try? PDFBenchmark.timeProcess(python, ["python3", "-c", "import typst"])) != nil else { return nil }
        let fonts = packageRoot?.appendingPathComponent("Sources/AgendaPDF/Font/Files")
        return TypstRunner(python: python, fonts: fonts.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil })
    }

    /// The median seconds of `python3 -c 'import typst; typst.compile(…)'` on the minutes as Typst markup.
    func median(of agenda: URL, agendac: URL, in folder: URL, runs: Int) throws -> Double {
        let markdown = folder.appendingPathComponent(agenda.deletingPathExtension().lastPathComponent + ".md")
        _ = try PDFBenchmark.timeProcess(agendac, ["compile", agenda.path, "--to", "markdown"], output: markdown)
        let text = (try? String(contentsOf: markdown, encoding: .utf8)) ?? ""
        let title = text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) } ?? "Referat"
        let source = folder.appendingPathComponent(agenda.deletingPathExtension().lastPathComponent + ".typ")
        try TypstSource.from(markdown: text, title: title).write(to: source, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("typst.pdf")
        var samples: [Double] = []
        for _ in 0..<max(1, runs) {
            samples.append(try PDFBenchmark.timeProcess(python, ["python3", "-c", Self.script, source.path, output.path] + (fonts.map { [$0.path] } ?? [])))
        }
        return Measure.percentile(samples, 0.5)
    }
}

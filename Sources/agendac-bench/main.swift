import Foundation

// agendac-bench: measures the compiler and the language server on generated
// documents. Run in release: `swift run -c release agendac-bench [--quick]`.
// Prints Markdown tables (pasted into README.md).

let usage = """
    usage: agendac-bench [--quick] [--compiler-only | --server-only | --search-only]

    Measures parse+check, compile and fmt on generated minutes of 1 to 10,000
    items, `agendac compile --to pdf` as a whole process (the 8-item sample,
    200 and 2,000 items), the language server (`agendac lsp`, built beside this
    program) over stdio, and the search index on generated archives of 1,000 to
    100,000 items; prints Markdown tables. Build in release first:
    swift run -c release agendac-bench

    options:
      --quick          small sizes and short runs (the CI smoke run)
      --compiler-only  leave out the language-server measurements
      --search-only    only the search index
      --server-only    only the language-server measurements
      --help, -h       show this text

    """

let knownOptions: Set<String> = ["--quick", "--compiler-only", "--search-only", "--server-only"]
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage, terminator: "")
    exit(0)
}
if let unknown = arguments.first(where: { !knownOptions.contains($0) }) {
    FileHandle.standardError.write(Data("agendac-bench: unknown argument '\(unknown)'\n\n\(usage)".utf8))
    exit(2)
}
let quick = arguments.contains("--quick")
let sizes = quick ? [1, 10, 100] : [1, 10, 100, 1000, 10_000]
let minimumSeconds = quick ? 0.05 : 0.5

var report = "# agendac benchmark\n\n"
report += "Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB\n\n"
let searchOnly = arguments.contains("--search-only")
let serverOnly = arguments.contains("--server-only")
if !searchOnly {
    if !serverOnly {
        report += CompilerBenchmark.run(sizes: sizes, minimumSeconds: minimumSeconds)
        report += "\n" + PDFBenchmark.run(quick: quick)
    }
    if !arguments.contains("--compiler-only") {
        report += "\n" + LanguageServerBenchmark.run(quick: quick)
    }
}
if !serverOnly {
    report += "\n" + SearchBenchmark.run(sizes: quick ? [1000] : [1000, 10_000, 100_000], rounds: quick ? 3 : 20)
}
report += "\nPeak memory of this process: \(Measure.format(Measure.peakMemoryMiB())) MiB\n"
print(report)

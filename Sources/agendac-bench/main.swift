import Foundation

// agendac-bench: measures the compiler and the language server on generated
// documents. Run in release: `swift run -c release agendac-bench [--quick]`.
// Prints Markdown tables (pasted into README.md).

let arguments = CommandLine.arguments.dropFirst()
let quick = arguments.contains("--quick")
let sizes = quick ? [1, 10, 100] : [1, 10, 100, 1000, 10_000]
let minimumSeconds = quick ? 0.05 : 0.5

var report = "# agendac benchmark\n\n"
report += "Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB\n\n"
report += CompilerBenchmark.run(sizes: sizes, minimumSeconds: minimumSeconds)
if !arguments.contains("--compiler-only") {
    report += "\n" + LanguageServerBenchmark.run(quick: quick)
}
report += "\nPeak memory of this process: \(Measure.format(Measure.peakMemoryMiB())) MiB\n"
print(report)

import AgendaBase
import AgendaFormat
import AgendaRender
import AgendaSemantics
import AgendaSyntax
import Foundation

/// Parse+check and compile throughput on generated documents from 1 to 10,000 items.
enum CompilerBenchmark {
    static func run(sizes: [Int], minimumSeconds: Double) -> String {
        var out = "## Compiler (release build, generated minutes)\n\n"
        out += "| items | size | parse+check | MB/s | compile JSON | compile text | compile HTML | fmt |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for items in sizes {
            let text = DocumentGenerator.minutes(items: items)
            let source = SourceText(text)
            let megabytes = Double(source.bytes.count) / 1_000_000
            let check = Measure.secondsPerRun(minimumSeconds: minimumSeconds) {
                _ = AnalyzedDocument(source: source)
            }
            let document = AnalyzedDocument(source: source)
            let json = Measure.secondsPerRun(minimumSeconds: minimumSeconds) {
                _ = AgendaRenderer.render(document.meeting, as: .json)
            }
            let plain = Measure.secondsPerRun(minimumSeconds: minimumSeconds) {
                _ = AgendaRenderer.render(document.meeting, as: .text)
            }
            let html = Measure.secondsPerRun(minimumSeconds: minimumSeconds) {
                _ = AgendaRenderer.render(document.meeting, as: .html)
            }
            let format = Measure.secondsPerRun(minimumSeconds: minimumSeconds) {
                _ = Formatter.format(source)
            }
            out += "| \(items) | \(sizeLabel(source.bytes.count)) | \(durationLabel(check)) | \(Measure.format(megabytes / check, decimals: 0)) "
            out += "| \(durationLabel(json)) | \(durationLabel(plain)) | \(durationLabel(html)) | \(durationLabel(format)) |\n"
        }
        return out
    }

    static func sizeLabel(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(Measure.format(Double(bytes) / 1_000_000)) MB" : "\(Measure.format(Double(bytes) / 1000)) kB"
    }

    static func durationLabel(_ seconds: Double) -> String {
        seconds >= 1 ? "\(Measure.format(seconds, decimals: 2)) s" : seconds >= 0.001 ? "\(Measure.format(seconds * 1000, decimals: 2)) ms" : "\(Measure.format(seconds * 1_000_000, decimals: 0)) µs"
    }
}

import AgendaImport
import AgendaRender
import AgendaSemantics
import Foundation

/// `agendac import` of a PDF: a generated document of about 100 pages (20
/// with --quick) written by agendac's own PDF writer, then timed as import
/// reads it: `pdftotext -layout` (a process), the page cleaner, the house
/// style inference and the recogniser. The target: 100 pages in under
/// a second.
enum ImportBenchmark {
    static func run(quick: Bool) -> String {
        let pagesWanted = quick ? 20 : 100
        guard let tool = PDFTextExtraction.findTool() else {
            return "## Import of a PDF\n\nSkipped: pdftotext is not installed (apt-get install poppler-utils).\n"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-bench-import-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("referat.pdf")
        // Items until the PDF has the pages wanted (an item is about a page and a half).
        var items = max(1, pagesWanted * 2 / 3)
        var pages = 0
        var raw: [ImportLine] = []
        for _ in 0..<6 {
            let meeting = AnalyzedDocument(text: DocumentGenerator.minutes(items: items)).meeting
            guard let bytes = try? PDFRenderer.render(meeting, options: RenderOptions()), (try? Data(bytes).write(to: file)) != nil,
                  let lines = try? PDFTextExtraction.lines(ofPDFAt: file, tool: tool) else {
                return "## Import of a PDF\n\nFailed: the generated PDF could not be written or read.\n"
            }
            raw = lines
            pages = lines.last?.page ?? 0
            if pages >= pagesWanted { break }
            items = items * pagesWanted / max(1, pages) + 1
        }
        var extraction: [Double] = [], cleaning: [Double] = [], style: [Double] = []
        for _ in 0..<(quick ? 3 : 7) {
            var start = Measure.now()
            raw = (try? PDFTextExtraction.lines(ofPDFAt: file, tool: tool)) ?? []
            extraction.append(Double(Measure.now() - start) / 1e9)
            start = Measure.now()
            let cleaned = PageCleaner.clean(raw)
            cleaning.append(Double(Measure.now() - start) / 1e9)
            start = Measure.now()
            _ = StyleInference.infer(from: cleaned)
            style.append(Double(Measure.now() - start) / 1e9)
        }
        func ms(_ samples: [Double]) -> String { Measure.format(Measure.percentile(samples, 0.5) * 1000) }
        let total = Measure.percentile(extraction, 0.5) + Measure.percentile(cleaning, 0.5) + Measure.percentile(style, 0.5)
        return """
            ## Import of a PDF

            A generated document of \(items) items, \(pages) pages as agendac writes its PDF; median of the runs, in ms.

            | pages | pdftotext -layout | page cleaner | style inference | total | under 1 s per 100 pages |
            | ---: | ---: | ---: | ---: | ---: | --- |
            | \(pages) | \(ms(extraction)) | \(ms(cleaning)) | \(ms(style)) | \(Measure.format(total * 1000)) | \(total / Double(max(1, pages)) * 100 < 1 ? "yes" : "no") |

            """
    }
}

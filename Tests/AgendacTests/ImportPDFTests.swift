import AgendaImport
import AgendaPDF
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// The PDF side of `agendac import`: `pdftotext -layout` and its failures,
/// and the page cleaner on real PDFs: the seeds' text set as PDFs, and every
/// sample as agendac itself writes it. Tests that run pdftotext say so and
/// pass without it (CI installs poppler-utils).
@Suite struct ImportPDFTests {
    static var tool: URL? { PDFTextExtraction.findTool() }

    static func skipWithoutTool() -> Bool {
        guard tool == nil else { return false }
        print("ImportPDFTests: pdftotext (poppler-utils) is not installed; skipped")
        return true
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = temporaryTestFolder("import-pdf").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Words as pdftotext and the text output give them: letters and digits, lowercased.
    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { counts[word.lowercased(), default: 0] += 1 }
        return counts
    }

    /// Recall (the original's words found) and precision (the found words that are the original's), as multisets.
    static func recallPrecision(original: [String: Int], found: [String: Int]) -> (recall: Double, precision: Double, missing: [String], extra: [String]) {
        let common = original.reduce(0) { $0 + min($1.value, found[$1.key, default: 0]) }
        let originalCount = original.values.reduce(0, +), foundCount = found.values.reduce(0, +)
        let missing = original.filter { found[$0.key, default: 0] < $0.value }.map(\.key).sorted()
        let extra = found.filter { original[$0.key, default: 0] < $0.value }.map(\.key).sorted()
        return (Double(common) / Double(max(1, originalCount)), Double(common) / Double(max(1, foundCount)), missing, extra)
    }

    @Test func notAPDFIsSaidSo() throws {
        let url = try Self.write(Array("REFERAT Udvalget\n".utf8), "referat.pdf")
        #expect(throws: PDFTextExtraction.Failure.notPDF(path: url.path)) { try PDFTextExtraction.lines(ofPDFAt: url, tool: Self.tool) }
    }

    @Test func missingToolSaysWhatToInstall() throws {
        let url = try Self.write(Array("%PDF-1.7\n".utf8), "referat.pdf")
        #expect(throws: PDFTextExtraction.Failure.toolMissing) { try PDFTextExtraction.lines(ofPDFAt: url, tool: nil) }
        #expect(PDFTextExtraction.Failure.toolMissing.description.contains("apt-get install poppler-utils"))
        #expect(PDFTextExtraction.findTool(environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test func missingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/referat.pdf")
        #expect(throws: PDFTextExtraction.Failure.unreadable(path: url.path, reason: "no such file")) {
            try PDFTextExtraction.lines(ofPDFAt: url, tool: Self.tool)
        }
    }

    @Test func pageWithoutTextIsAScan() throws {
        guard !Self.skipWithoutTool() else { return }
        let metadata = DocumentMetadata(title: "Scan", author: "", subject: "", creationDate: PDFDate(year: 2026, month: 1, day: 1), producer: "test")
        var page = LaidOutPage()
        page.rules.append(RuleLine(x1: 72, y1: 700, x2: 500, y2: 700, width: 1))
        let url = try Self.write(try PDFWriter.standard.write(LaidOutDocument(metadata: metadata, pages: [page])), "scan.pdf")
        #expect(throws: PDFTextExtraction.Failure.noText(path: url.path)) { try PDFTextExtraction.lines(ofPDFAt: url, tool: Self.tool) }
    }

    @Test func encryptedPDFNeedsAPassword() throws {
        guard !Self.skipWithoutTool() else { return }
        guard let qpdf = ["/usr/bin/qpdf", "/usr/local/bin/qpdf"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            print("ImportPDFTests: qpdf is not installed; the encrypted-PDF test is skipped")
            return
        }
        let plain = try Self.write(try TextPDF.make("Godkendt.", header: "Referat"), "plain.pdf")
        let locked = plain.deletingLastPathComponent().appendingPathComponent("locked.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: qpdf)
        process.arguments = ["--encrypt", "hemmelig", "hemmelig", "256", "--", plain.path, locked.path]
        try process.run()
        process.waitUntilExit()
        #expect(throws: PDFTextExtraction.Failure.encrypted(path: locked.path)) { try PDFTextExtraction.lines(ofPDFAt: locked, tool: Self.tool) }
    }

    @Test func pagesAndLinesAreNumbered() {
        let lines = PDFTextExtraction.pages(ofLayoutText: "Referat\n\nPunkt 1\n\u{0C}Side 2\nmere\n\u{0C}")
        #expect(lines.map(\.text) == ["Referat", "", "Punkt 1", "Side 2", "mere"])
        #expect(lines.map(\.page) == [1, 1, 1, 2, 2])
        #expect(lines.map(\.sourceLine) == [1, 2, 3, 4, 5])
    }

    /// Each seed's text set as a PDF (hyphenated and not): the cleaned lines hold
    /// the seed's words (less page furniture), recall and precision at least 0.99.
    @Test(arguments: ["000_4dc6bcd4ad4a3175.txt", "001_4d730365fae17496.txt", "002_47e8ca1cd34ccfcd.txt"])
    func seedAsPDFKeepsItsWords(_ seed: String) throws {
        guard !Self.skipWithoutTool() else { return }
        let text = Golden.read(Golden.seeds.appendingPathComponent(seed))
        for hyphenate in [false, true] {
            let url = try Self.write(try TextPDF.make(text, header: "Referat – mødet", hyphenate: hyphenate), "seed.pdf")
            let raw = try PDFTextExtraction.lines(ofPDFAt: url)
            if hyphenate {
                let hyphenated = raw.filter { $0.text.hasSuffix("-") && $0.text.dropLast().last?.isLowercase == true }
                #expect(!hyphenated.isEmpty, "\(seed): the hyphenated PDF has no line ending in a hyphenated word")
            }
            let cleaned = PageCleaner.clean(raw)
            let score = Self.recallPrecision(original: Self.words(text), found: Self.words(cleaned.map(\.text).joined(separator: "\n")))
            print("ImportPDFTests: \(seed) as PDF\(hyphenate ? ", hyphenated" : ""): recall \(score.recall), precision \(score.precision); missing \(score.missing.prefix(8)), extra \(score.extra.prefix(8))")
            #expect(score.recall >= 0.99 && score.precision >= 0.99,
                    "\(seed)\(hyphenate ? " hyphenated" : ""): recall \(score.recall), precision \(score.precision); missing \(score.missing.prefix(10)), extra \(score.extra.prefix(10))")
            // no page furniture and no line the layout broke inside a word
            #expect(!cleaned.contains { $0.text.hasPrefix("Side ") && $0.text.hasSuffix("af \(cleaned.last?.page ?? 0)") })
        }
    }

    /// Every sample as agendac writes its PDF: the cleaned lines hold the words of
    /// `compile --to text` (the PDF's contents list has page numbers the text has not).
    @Test(arguments: Golden.sampleFiles())
    func agendacPDFKeepsTheTextOutputsWords(_ sample: URL) throws {
        guard !Self.skipWithoutTool() else { return }
        let meeting = AnalyzedDocument(text: Golden.read(sample)).meeting
        let url = try Self.write(try PDFRenderer.render(meeting, options: RenderOptions()), "sample.pdf")
        let cleaned = PageCleaner.clean(try PDFTextExtraction.lines(ofPDFAt: url))
        let text = AgendaRenderer.render(meeting, as: .text, options: RenderOptions())
        let score = Self.recallPrecision(original: Self.words(text), found: Self.words(cleaned.map(\.text).joined(separator: "\n")))
        print("ImportPDFTests: \(sample.lastPathComponent) through agendac's PDF: recall \(score.recall), precision \(score.precision); missing \(score.missing.prefix(8)), extra \(score.extra.prefix(8))")
        #expect(score.recall >= 0.99 && score.precision >= 0.98,
                "\(sample.lastPathComponent): recall \(score.recall), precision \(score.precision); missing \(score.missing.prefix(10)), extra \(score.extra.prefix(10))")
    }
}

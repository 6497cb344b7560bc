import AgendaPDF
@testable import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// The contents list's page numbers are printed once: the PDF sets its own dot
/// leader and right-aligned number, so a house style's template that writes a
/// page column of its own (Horsens: `{title}.....\t{number}`, after the seeds)
/// is printed without it.
@Suite struct PDFContentsLineTests {
    @Test(arguments: [
        ("{title}.....\t{number}", "{title}"),
        ("{title} ..... {page}", "{title}"),
        ("[{number}. ]{title}[ ....... {page}]", "[{number}. ]{title}"),
        ("{title}\t{page}", "{title}"),
        ("{title}…", "{title}"),
        // no page column: as written
        ("[{number}. ]{title}", "[{number}. ]{title}"),
        ("{number}. {title}", "{number}. {title}"),
        ("Punkt {number}: {title}", "Punkt {number}: {title}"),
        ("{title} ({number})", "{title} ({number})"),
        ("{title} {number}", "{title} {number}"),
    ])
    func templateWithoutPageColumn(_ written: String, _ expected: String) throws {
        let template = try Template(parsing: written).withoutPageColumn()
        let values: [String: SlotValue] = ["number": "7", "title": "Budget 2027", "page": "12"]
        #expect(template.render(values) == Template(known: expected).render(values), "\(written)")
    }

    /// A contents line as pdftotext -layout reads it: the entry's text, the PDF's dots, its page.
    static var contentsLine: Regex<(Substring, text: Substring, page: Substring)> { /^(?<text>.*?)\s*\.{2,}\s*(?<page>\d+)\s*$/ }
    /// A page column of the template's own left before the PDF's: dots or a tab and a number.
    static var secondColumn: Regex<(Substring, Substring)> { /(\.{2,}|\t)\s*\d+\s*$/ }

    @Test(arguments: PDFCompileTests.cases) func eachEntryHoldsItsPageOnce(_ testCase: PDFCompileTests.Case) throws {
        let meeting = AnalyzedDocument(text: Golden.read(testCase.sample)).meeting
        let options = PDFCompileTests.options(testCase)
        #expect(options.style.contentsPageNumbers)
        let layout = PDFLayout.document(meeting, options: options, faces: .bundled)
        let entries = layout.structure.filter { $0.role == .toci }.count
        #expect(entries > 0)

        // the typesetter's lines: the runs of a contents line, joined, end in one number only
        for page in layout.pages {
            let rows = Dictionary(grouping: page.texts.filter { !$0.text.isEmpty }, by: { ($0.y * 100).rounded() })
            for row in rows.values where row.contains(where: { $0.owner == .artifact(.layout) && $0.text.hasPrefix("..") }) {
                let text = row.sorted { $0.x < $1.x }.map(\.text).joined(separator: " ")
                let match = try #require(text.wholeMatch(of: Self.contentsLine), "\(testCase.name): \(text)")
                #expect(match.output.text.firstMatch(of: Self.secondColumn) == nil, "\(testCase.name): two page columns in '\(text)'")
            }
        }

        // and as a reader's tool reads the file back
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-pdf-contents-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(testCase.name).pdf")
        try Data(try PDFWriter.write(layout)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        guard let pages = PDFCompileTests.pdftotext(file, layout: true) else { return }
        let lines = pages.joined(separator: "\n").split(separator: "\n").map(String.init)
        let contentsLines = lines.compactMap { $0.wholeMatch(of: Self.contentsLine) }
        #expect(contentsLines.count == entries, "\(testCase.name): \(contentsLines.count) lines with a page number for \(entries) entries")
        for line in contentsLines {
            #expect(line.output.text.firstMatch(of: Self.secondColumn) == nil, "\(testCase.name): two page columns in '\(line.output.0)'")
            let page = try #require(Int(line.output.page))
            #expect((1...pages.count).contains(page))
        }
        let numbers = contentsLines.compactMap { Int($0.output.page) }
        #expect(numbers == numbers.sorted(), "\(testCase.name): pages out of order \(numbers)")
    }
}

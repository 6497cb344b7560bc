import AgendaPDF
@testable import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// The contents list's second layout pass: its page-number column is as wide
/// as the numbers it holds (measured after a layout, laid out again when the
/// guess was wrong, bounded), and every number is the page its item starts on,
/// also in a 200-item document whose contents takes several pages, read back
/// with pdftotext from the written PDF.
@Suite struct PDFContentsPassTests {
    /// Minutes of `items` items: titles of varied length (some wrap in the contents), bodies from a line to a page.
    static func longMinutes(items: Int) -> String {
        var text = "kommune: Testrup Kommune\nmøde: Økonomiudvalget\ndokument: referat\ndato: 2026-05-04\n\n"
        for number in 1...items {
            let topic = String(repeating: " om budget, anlæg og drift i Ærøskøbing", count: number % 6)
            text += "punkt \(number): Sag \(number)\(topic)\nresume:\n"
            text += String(repeating: "Udvalget drøftede sagen og økonomien. ", count: (number * 37) % 90 + 3) + "\n\nbeslutning:\nGodkendt.\n\n"
        }
        return text
    }

    static func layout(_ text: String, faces: Typefaces) -> (PDFComposer, passes: Int) {
        let meeting = AnalyzedDocument(text: text).meeting
        let printed = PrintedDocument(meeting, links: AttachmentLinks(), style: .standard)
        let geometry = PageGeometry(pageSize: nil, margins: nil)
        return PDFLayout.composed(printed, geometry: geometry, faces: faces, logoDescription: nil)
    }

    /// Whatever the first guess (as many digits as the item count has), the column ends exactly as wide as
    /// the widest page number the contents prints.
    @Test(arguments: [8, 40, 200]) func theColumnIsAsWideAsTheNumbers(_ items: Int) {
        let (composer, passes) = Self.layout(Self.longMinutes(items: items), faces: .bundled)
        let pages = composer.flow.pages.count
        let digits = composer.contentsEntries.compactMap { composer.flow.anchors[$0.anchor].map { String($0.page + 1).count } }.max() ?? 0
        let size = PDFStyles(HouseStyle.standard.html).body.size
        #expect(composer.pageColumn == PDFComposer.pageColumn(digits: digits, faces: .bundled, size: size),
                "\(items) items on \(pages) pages: a column for \(digits) digits")
        #expect(composer.neededPageColumn == composer.pageColumn)
        #expect((1...PDFLayout.maximumPasses).contains(passes))
    }

    /// The Horsens sample: 8 items run to page 11, and the first guess (at least two digits) holds,
    /// so the document is laid out once.
    @Test func theGuessHoldsForTheSample() {
        let sample = Golden.samples.appendingPathComponent("horsens-beskaeftigelses-og-integrationsudvalget-2026-05-04.agenda")
        let (composer, passes) = Self.layout(Golden.read(sample), faces: .bundled)
        #expect(composer.flow.pages.count >= 10)
        #expect(passes == 1)
        let size = PDFStyles(HouseStyle.standard.html).body.size
        #expect(composer.pageColumn == PDFComposer.pageColumn(digits: 2, faces: .bundled, size: size))
    }

    /// One short item fits on a page or two: the two-digit guess is too wide, so a second pass
    /// with a one-digit column, which holds.
    @Test func aWrongGuessIsLaidOutAgain() {
        let (composer, passes) = Self.layout(Self.longMinutes(items: 1), faces: .bundled)
        #expect(composer.flow.pages.count < 10)
        #expect(passes == 2)
        let size = PDFStyles(HouseStyle.standard.html).body.size
        #expect(composer.pageColumn == PDFComposer.pageColumn(digits: 1, faces: .bundled, size: size))
    }

    @Test func theColumnSettlesWithinTheBound() {
        for items in [1, 9, 30, 120] {
            let (_, passes) = Self.layout(Self.longMinutes(items: items), faces: SimpleMetrics.faces)
            #expect(passes <= PDFLayout.maximumPasses, "\(items) items took \(passes) passes")
        }
    }

    /// 200 items compiled to PDF: each contents entry's printed number is the page on which pdftotext
    /// first finds the item's heading after the contents. The file and its source go to
    /// `.build/pdf-samples/` for `Tests/pdf/run.sh`, which checks the same with its own reading.
    @Test func twoHundredItemsReadBackOnTheirContentsPages() throws {
        let source = Self.longMinutes(items: 200)
        let meeting = AnalyzedDocument(text: source).meeting
        let document = PDFLayout.document(meeting, faces: .bundled)
        let folder = PDFSampleFileTests.folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let agenda = folder.appendingPathComponent("long-200.agenda")
        try source.write(to: agenda, atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("long-200.pdf")
        try Data(try PDFWriter.write(document)).write(to: file)
        let sidecar: [String: Any] = ["source": agenda.path, "public": false, "roles": ["Document", "H1", "H2", "P", "TOC", "TOCI", "Link"]]
        try JSONSerialization.data(withJSONObject: sidecar).write(to: file.deletingPathExtension().appendingPathExtension("json"))

        // the printed numbers, from the laid-out contents: the numeric runs of each TOCI's link, in order
        let entries = Self.contentsNumbers(document)
        #expect(entries.count == 200)
        let lastContentsPage = entries.map(\.contentsPage).max() ?? 0
        #expect(lastContentsPage >= 1, "the contents should span several pages")
        guard let pages = PDFCompileTests.pdftotext(file) else { return }
        let pageWords = pages.map { PDFCompileTests.words($0).map(String.init) }
        for (index, entry) in entries.enumerated() {
            let heading = PDFCompileTests.words("\(index + 1). Sag \(index + 1)").map(String.init)
            let found = pageWords.indices.first { $0 > lastContentsPage && Self.contains(pageWords[$0], heading) }
                ?? pageWords.indices.first { $0 == lastContentsPage && Self.count(pageWords[$0], heading) > 1 }
            #expect(found.map { $0 + 1 } == entry.number, "item \(index + 1): contents says page \(entry.number), pdftotext finds it on \(found.map { $0 + 1 } ?? 0)")
        }
    }

    static func contentsNumbers(_ document: LaidOutDocument) -> [(number: Int, contentsPage: Int)] {
        var result: [(Int, Int)] = []
        for (index, page) in document.pages.enumerated() {
            for run in page.texts {
                guard case .element(let id) = run.owner, document.structure[id].role == .link,
                      let parent = document.structure[id].parent, document.structure[parent].role == .toci,
                      let number = Int(run.text) else { continue }
                result.append((number, index))
            }
        }
        return result
    }

    static func count(_ words: [String], _ sequence: [String]) -> Int {
        guard !sequence.isEmpty, words.count >= sequence.count else { return 0 }
        return (0...(words.count - sequence.count)).filter { Array(words[$0..<($0 + sequence.count)]) == sequence }.count
    }

    static func contains(_ words: [String], _ sequence: [String]) -> Bool { count(words, sequence) > 0 }
}

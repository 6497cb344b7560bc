import AgendaPDF
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// The PDF typesetter on the samples and on pathological input, measured with
/// `SimpleMetrics`: a golden dump of every page and the structure tree, and
/// the invariants every layout keeps (inside the margins, every run owned,
/// contents page numbers where the items are).
@Suite struct PDFLayoutTests {
    static let folder = Golden.fixtures.appendingPathComponent("pdf")

    static func layout(_ text: String, options: RenderOptions = RenderOptions()) -> LaidOutDocument {
        PDFLayout.document(AnalyzedDocument(text: text).meeting, options: options, faces: SimpleMetrics.faces)
    }

    @Test(arguments: Golden.sampleFiles()) func sampleLayout(_ sample: URL) {
        let document = Self.layout(Golden.read(sample))
        let name = sample.deletingPathExtension().lastPathComponent
        Golden.check(LayoutDump.text(document), against: Self.folder.appendingPathComponent(name + ".layout.txt"))
        Self.checkInvariants(document)
    }

    /// Every run inside the page's text area (header and footer in the margins), every owner a real element.
    static func checkInvariants(_ document: LaidOutDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        let margin = 0.01
        for (index, page) in document.pages.enumerated() {
            for run in page.texts {
                let width = SimpleMetrics.faces[run.face].width(of: run.text, size: run.size)
                #expect(run.x >= 0 && run.x + width <= document.pageWidth - 40 + margin, "page \(index + 1): '\(run.text.prefix(40))' at \(run.x) is past the margin", sourceLocation: sourceLocation)
                #expect(run.y > 0 && run.y < document.pageHeight, sourceLocation: sourceLocation)
                #expect(!run.text.isEmpty, sourceLocation: sourceLocation)
                if case .element(let id) = run.owner {
                    #expect(document.structure.indices.contains(id) && id > 0, sourceLocation: sourceLocation)
                }
            }
        }
        for (index, element) in document.structure.enumerated() where index > 0 {
            #expect((element.parent ?? index) < index, "element \(index) comes before its parent", sourceLocation: sourceLocation)
        }
    }
}

extension PDFLayoutTests {
    /// Every piece of text the writer would put in the file: runs, link targets and descriptions, outline, structure titles, metadata.
    static func everyText(_ document: LaidOutDocument) -> String {
        var parts: [String] = [document.metadata.title, document.metadata.author, document.metadata.subject] + document.metadata.keywords
        for page in document.pages {
            parts += page.texts.map(\.text)
            for link in page.links {
                parts.append(link.description)
                if case .uri(let uri) = link.target { parts.append(uri) }
            }
        }
        parts += document.outline.map(\.title)
        parts += document.structure.compactMap(\.title)
        parts += document.structure.compactMap(\.alternateText)
        parts += document.structure.compactMap(\.actualText)
        return parts.joined(separator: "\n")
    }

    /// The words of each page's runs in order, artifacts left out.
    static func contentText(_ document: LaidOutDocument) -> String {
        document.pages.map { page in
            page.texts.filter { if case .element = $0.owner { return true } else { return false } }.map(\.text).joined(separator: " ")
        }.joined(separator: "\n")
    }

    static let header = "møde: Udvalget\ndokument: referat\ndato: 2026-05-04\n\n"

    @Test func aWordLongerThanThePageIsCutBetweenCharactersAndKept() {
        let word = String(repeating: "æøåabc", count: 100_000 / 6)
        let document = Self.layout(Self.header + "punkt 1: Sag\nresume:\nFør \(word) efter.\n")
        Self.checkInvariants(document)
        // every character kept, in order: the runs of the paragraph give the text back without its line breaks
        let runs = document.pages.flatMap(\.texts)
        let owner = runs.first { $0.text.hasPrefix("Før") }?.owner
        let paragraph = runs.filter { $0.owner == owner }.map(\.text).joined()
        #expect(paragraph.count == word.count + 10)
        #expect(paragraph == "Før" + word + " efter.", "the paragraph's characters differ from the written ones")
        #expect(document.pages.count > 10)
    }

    @Test func aTableWiderThanThePageIsSetAsNeighbouringColumns() {
        let columns = 40
        let row = "|" + (0..<columns).map { " kolonne\($0) med tekst |" }.joined()
        let dashes = "|" + String(repeating: "---|", count: columns)
        let body = "|" + (0..<columns).map { " \($0 * 1000) |" }.joined()
        let document = Self.layout(Self.header + "punkt 1: Sag\nresume:\n\(row)\n\(dashes)\n\(body)\n\(body)\n")
        Self.checkInvariants(document)
        let tables = document.structure.filter { $0.role == .table }.count
        #expect(tables > 1)
        let headers = document.structure.filter { $0.role == .th }
        #expect(headers.count == columns && headers.allSatisfy { $0.scope == .column })
        let text = Self.contentText(document)
        for column in 0..<columns { #expect(text.contains("kolonne\(column) ")) }
    }

    @Test func aLongTableRepeatsItsHeaderOnEveryPage() {
        var lines = [Self.header + "punkt 1: Sag", "resume:", "| Post | Beløb |", "|---|---|"]
        for row in 0..<300 { lines.append("| Post nummer \(row) | \(row * 1250),50 |") }
        let document = Self.layout(lines.joined(separator: "\n") + "\n")
        Self.checkInvariants(document)
        let pagesWithRows = document.pages.filter { $0.texts.contains { $0.text.hasPrefix("Post nummer") } }
        #expect(pagesWithRows.count > 3)
        for page in pagesWithRows {
            let header = page.texts.first { $0.text == "Post" }
            #expect(header != nil, "a page of the table lacks its header row")
        }
        // the header is content once, an artifact where it repeats
        let headerRuns = document.pages.flatMap(\.texts).filter { $0.text == "Post" }
        #expect(headerRuns.filter { if case .element = $0.owner { return true } else { return false } }.count == 1)
        // the amounts are right-aligned: their right ends line up
        let amounts = document.pages.flatMap(\.texts).filter { $0.text.hasSuffix(",50") }
        let ends = Set(amounts.map { Int(($0.x + SimpleMetrics.faces[$0.face].width(of: $0.text, size: $0.size)).rounded()) })
        #expect(ends.count == 1)
    }

    @Test func contentsPageNumbersAreThePagesOfTheItems() {
        var text = Self.header
        for number in 1...60 { text += "punkt \(number): Sag nummer \(number)\nresume:\n" + String(repeating: "Tekst om sagen. ", count: number * 7) + "\n\n" }
        let document = Self.layout(text)
        Self.checkInvariants(document)
        for number in 1...60 {
            let heading = "\(number). Sag nummer \(number)"
            let page = document.pages.lastIndex { $0.texts.contains { $0.text == heading } }
            #expect(page != nil)
            let toc = document.outline.first { $0.title == heading }
            #expect(toc?.pageIndex == page)
            // the contents line: the title's link, and the page number after it on the same baseline
            // the heading's words are the contents entry's too: the entry is the first run of them
            guard let contentsPage = document.pages.first(where: { $0.texts.contains { $0.text == heading } }),
                  let entry = contentsPage.texts.first(where: { $0.text == heading }) else {
                Issue.record("no contents entry for item \(number)")
                continue
            }
            let printed = contentsPage.texts.last { $0.y == entry.y && Int($0.text) != nil && $0.x > entry.x }
            #expect(printed?.text == page.map { String($0 + 1) })
        }
    }

    @Test func headingsAreNeverLastOnAPage() {
        var text = Self.header
        for number in 1...40 { text += "punkt \(number): Sag\nresume:\n" + String(repeating: "Ord ", count: 37 * number % 400) + "\nbeslutning:\nGodkendt.\n\n" }
        let document = Self.layout(text)
        for page in document.pages {
            let content = page.texts.filter { if case .element = $0.owner { return true } else { return false } }
            guard let lowest = content.min(by: { $0.y < $1.y }) else { continue }
            guard case .element(let id) = lowest.owner else { continue }
            #expect(![.h1, .h2, .h3, .h4].contains(document.structure[id].role), "a heading stands at the foot of a page: \(lowest.text)")
        }
    }

    @Test func theSameInputGivesTheSameLayout() {
        let text = Golden.read(Golden.sampleFiles()[0])
        #expect(LayoutDump.text(Self.layout(text)) == LayoutDump.text(Self.layout(text)))
    }
}

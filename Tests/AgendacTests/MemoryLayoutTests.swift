@testable import AgendaFormat
@testable import AgendaRender
import AgendaSemantics
import AgendaSyntax
import Foundation
import Testing

/// Memory is bounded by the values held once per item and per line. These
/// sizes are what keeps a 10 MB file of one-line items near 450 MiB instead
/// of 800; a field added in line grows every item of every document.
@Suite("Memory: compact values")
struct MemoryLayoutTests {
    @Test("an item keeps its optional fields out of line")
    func itemIsCompact() {
        // number and flags, title, three ranges, sections, one pointer to the rest
        #expect(MemoryLayout<Item>.size <= 96)
        var item = Item(number: 1, numberWritten: true, title: "A", titleRange: 0..<1, headerRange: 0..<1, range: 0..<1)
        let copy = item
        item.caseNumber = Located("21/1", 2..<6)
        item.absentees.append(Person(name: "Bo", range: 7..<9))
        #expect(item.caseNumber?.value == "21/1" && item.absentees.count == 1)
        // a copy shares nothing that a change to the other reaches
        #expect(copy.caseNumber == nil && copy.absentees.isEmpty)
    }

    @Test("a keyword line is 56 bytes, kept by the scanned lines and the tree")
    func keywordLineIsCompact() {
        #expect(MemoryLayout<KeywordLine>.size <= 56)
    }

    @Test("the formatter's line plan holds nothing for lines outside the tree")
    func linePlanIsSparse() {
        let document = Parser.parse(String(repeating: "\n", count: 10_000) + "punkt 1: A\n\n\n- x\n  // c\n  - y\n")
        let plan = LinePlan(document)
        #expect(plan.role(0) == nil && plan.role(9_999) == nil)
        #expect(plan.role(10_000)?.column == 0)
        #expect(plan.role(10_005)?.column == 2)
        #expect(plan.isInsideList(10_004) && !plan.isInsideList(10_001))
        #expect(plan.nextColumn(atOrBelow: 10_004) == 2)
        // only where each line's output ends is kept, and only when edits need it
        let layout = DocumentLayout(document, plan: plan, mode: .canonical)
        #expect(layout.render(recordingLines: false).lineEnds.isEmpty)
        #expect(layout.render(recordingLines: true).lineEnds.count == document.lines.count)
    }

    @Test("JSON written an item at a time is the whole tree's JSON, byte for byte", arguments: Golden.sampleFiles())
    func streamedJSONMatchesTheTree(_ file: URL) throws {
        let document = AnalyzedDocument(text: try String(contentsOf: file, encoding: .utf8))
        for options in [RenderOptions(), RenderOptions(publicVersion: true)] {
            let tree = JSONRenderer.document(document.meeting, options: options).prettyPrinted()
            #expect(String(decoding: JSONRenderer.prettyPrinted(document.meeting, options: options), as: UTF8.self) == tree)
        }
    }
}

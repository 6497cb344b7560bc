import AgendaBase
import AgendaIDE
import AgendaSemantics
import Foundation
import Testing

/// Properties every editor feature keeps on every input: the samples, the IDE
/// fixtures, their CRLF twins and some odd texts. Positions are probed across
/// each document, so no crash and no invalid range goes unnoticed.
@Suite struct IDEInvariantTests {
    static let inputs: [(name: String, text: String)] = {
        var inputs: [(String, String)] = []
        for url in Golden.sampleFiles() { inputs.append((url.lastPathComponent, Golden.read(url))) }
        let ide = IDEFixture.root
        let enumerator = FileManager.default.enumerator(at: ide, includingPropertiesForKeys: nil)
        var fixtures: [URL] = []
        while let next = enumerator?.nextObject() as? URL { if next.pathExtension == "agenda" { fixtures.append(next) } }
        for url in fixtures.sorted(by: { $0.path < $1.path }) { inputs.append((url.lastPathComponent, IDEFixture.stripMarkers(Golden.read(url)).0)) }
        let odd = [
            "", "\n", "punkt", "punkt:", "punkt 1:\n", "sagsnr:", "sagsnr: 15.", "beslutning:\nflertal:", "| a | b\n|", "- \n  - \n",
            "møde: 🧭\ndato: 2026-02-30\npunkt 99999999999: x\nsagens gang:\n- , , punkt : \n", "\u{FEFF}møde: X\r\n\r\npunkt 1: Y\r\n",
            "underskrifter:\npunkt 1: efter\nunderskrifter: igen\n- A", "**", "*a **b* c**", "[x](", "\\", "\\|",
        ]
        for (index, text) in odd.enumerated() { inputs.append(("odd-\(index)", text)) }
        return inputs + inputs.prefix(Golden.sampleFiles().count).map { ($0.0 + " (CRLF)", $0.1.replacingOccurrences(of: "\n", with: "\r\n")) }
    }()

    static let context: IDEContext = IDEContext(documentID: "probe", settings: IDEFixture.settings, klePlan: IDEFixture.plan,
                                                workspace: IDEFixture.workspace)

    /// A character boundary: the offset does not fall inside a multi-byte character.
    static func isBoundary(_ offset: Int, _ source: SourceText) -> Bool {
        offset == 0 || offset == source.bytes.count || (offset > 0 && offset < source.bytes.count && (source.bytes[offset] & 0xC0) != 0x80)
    }

    static func isValid(_ range: Range<Int>, _ source: SourceText) -> Bool {
        range.lowerBound >= 0 && range.upperBound <= source.bytes.count && isBoundary(range.lowerBound, source) && isBoundary(range.upperBound, source)
    }

    /// Offsets spread over the document; never between `\r` and `\n`, which
    /// no editor position maps to (`SourceText.offset(of:unit:)` stops before `\r`).
    static func probes(_ source: SourceText) -> [Int] {
        let count = source.bytes.count
        let step = max(1, count / 400)
        return (Array(stride(from: 0, through: count, by: step)) + [count]).filter { offset in
            offset == 0 || offset > count || source.bytes[offset - 1] != 0x0D
        }
    }

    @Test(arguments: inputs.map(\.name))
    func featuresKeepTheirPromises(_ name: String) {
        guard let text = Self.inputs.first(where: { $0.name == name })?.text else { return }
        let document = AnalyzedDocument(text: text, context: CheckContext(settings: IDEFixture.settings, fileExists: { _ in true }))
        let source = document.source

        // semantic tokens: sorted, apart, on one line, on character boundaries
        let tokens = SemanticTokens.tokens(in: document)
        for (token, next) in zip(tokens, tokens.dropFirst()) {
            #expect(token.range.upperBound <= next.range.lowerBound, "\(name): tokens overlap at \(token.range) and \(next.range)")
        }
        for token in tokens {
            #expect(!token.range.isEmpty && Self.isValid(token.range, source), "\(name): bad token range \(token.range)")
            #expect(source.line(containing: token.range.lowerBound) == source.line(containing: max(token.range.lowerBound, token.range.upperBound - 1)),
                    "\(name): token \(token.range) spans lines")
        }

        // folding: whole lines, two or more, one per start line
        let folds = FoldingRanges.ranges(in: document)
        var startLines = Set<Int>()
        for fold in folds {
            let first = source.line(containing: fold.range.lowerBound)
            let last = source.line(containing: fold.range.upperBound)
            #expect(first < last, "\(name): fold \(fold.range) is one line")
            #expect(startLines.insert(first).inserted, "\(name): two folds start on line \(first + 1)")
            #expect(fold.range.lowerBound == source.lineRange(first).lowerBound && fold.range.upperBound == source.lineRange(last).upperBound)
        }

        // symbols: children inside parents, selections inside ranges
        func check(_ symbol: DocumentSymbol) {
            #expect(Self.isValid(symbol.range, source) && Self.isValid(symbol.selectionRange, source))
            #expect(symbol.range.lowerBound <= symbol.selectionRange.lowerBound && symbol.selectionRange.upperBound <= symbol.range.upperBound,
                    "\(name): selection of \(symbol.name) outside its range")
            for child in symbol.children {
                #expect(symbol.range.lowerBound <= child.range.lowerBound && child.range.upperBound <= symbol.range.upperBound,
                        "\(name): \(child.name) outside \(symbol.name)")
                check(child)
            }
        }
        DocumentSymbols.symbols(in: document).forEach(check)

        for offset in Self.probes(source) where Self.isBoundary(offset, source) {
            let list = Completion.complete(in: document, at: offset, context: Self.context)
            for item in list.items {
                #expect(Self.isValid(item.replaceRange, source), "\(name)@\(offset): replace range \(item.replaceRange)")
                #expect(item.replaceRange.lowerBound <= offset && offset <= item.replaceRange.upperBound,
                        "\(name)@\(offset): \(item.label) replaces \(item.replaceRange), away from the cursor")
                #expect(source.line(containing: item.replaceRange.lowerBound) == source.line(containing: item.replaceRange.upperBound),
                        "\(name)@\(offset): \(item.label) replaces across lines")
            }
            if let hover = Hover.hover(in: document, at: offset, context: Self.context) {
                #expect(Self.isValid(hover.range, source) && !hover.markdown.isEmpty, "\(name)@\(offset): hover range \(hover.range)")
            }
            let selection = SelectionRanges.ranges(in: document, at: offset)
            for range in selection { #expect(Self.isValid(range, source) && range.lowerBound <= offset && offset <= range.upperBound) }
            for (inner, outer) in zip(selection, selection.dropFirst()) {
                #expect(outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound && outer.count > inner.count,
                        "\(name)@\(offset): selection \(outer) does not hold \(inner)")
            }
            for location in Navigation.definition(in: document, at: offset, context: Self.context)
                + Navigation.references(in: document, at: offset, context: Self.context) {
                let target = location.documentID == "probe" ? source : Self.context.workspace.document(location.documentID)?.source
                #expect(target.map { Self.isValid(location.range, $0) } == true, "\(name)@\(offset): location \(location)")
            }
            for action in CodeActions.actions(in: document, for: offset..<offset, context: Self.context) {
                for edit in action.edits { #expect(Self.isValid(edit.range, source), "\(name)@\(offset): \(action.title) edits \(edit.range)") }
            }
        }
    }

    /// Completion and hover answer from indexes, not by scanning: on a 1 MB
    /// document each request stays far below what typing notices.
    @Test func completionIsCheapOnAMegabyteDocument() {
        let sample = Golden.read(Golden.samples.appendingPathComponent("horsens-beskaeftigelses-og-integrationsudvalget-2026-05-04.agenda"))
        guard let firstItem = sample.range(of: "\npunkt ") else {
            Issue.record("the sample has no items")
            return
        }
        let items = String(sample[firstItem.lowerBound...])
        var text = String(sample[..<firstItem.lowerBound])
        while text.utf8.count < 1_000_000 { text += items }
        let document = AnalyzedDocument(text: text, context: CheckContext(settings: IDEFixture.settings, fileExists: { _ in true }))
        var context = Self.context
        context.documentID = "big"
        context.workspace.update(document, id: "big")
        let source = document.source
        // probe where completion has work to do: keyword lines, values, bodies
        var offsets: [Int] = []
        for line in stride(from: source.lineCount / 2, to: source.lineCount, by: max(1, source.lineCount / 400)) {
            let range = source.lineRange(line)
            offsets += [range.lowerBound, range.upperBound, range.lowerBound + min(9, range.count)]
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for offset in offsets where Self.isBoundary(offset, source) {
                _ = Completion.complete(in: document, at: offset, context: context)
                _ = Hover.hover(in: document, at: offset, context: context)
            }
        }
        let perRequest = elapsed / (offsets.count * 2)
        // generous for debug builds on a busy machine; a scan of the document per request would take far longer
        #expect(perRequest < .milliseconds(20), "completion/hover took \(perRequest) per request on \(source.bytes.count) bytes")
    }
}

/// The workspace index and the small pure helpers.
@Suite struct IDEUnitTests {
    static func document(_ text: String) -> AnalyzedDocument { AnalyzedDocument(text: text) }

    @Test func indexUpdatesAndForgetsDocuments() {
        var index = WorkspaceIndex()
        index.update(Self.document("møde: Byrådet\ndato: 2026-01-05\npunkt 1: A\nsagsnr: 15.00.00-A00-09-26\n"), id: "a")
        index.update(Self.document("møde: byrådet (2022-2025)\ndato: 2026-02-02\npunkt 3: B\nsagsnr: 15.00.00-A00-9-26\n"), id: "b")
        // the same case written with a leading zero in the running number
        #expect(index.items(withCaseNumber: "15.00.00-A00-9-26").map(\.documentID) == ["a", "b"])
        #expect(index.meetings(committee: "BYRÅDET").map(\.documentID) == ["a", "b"])
        #expect(index.meetings(committee: "Byrådet", date: CalendarDate(year: 2026, month: 2, day: 2)).map(\.documentID) == ["b"])
        index.update(Self.document("møde: Byrådet\ndato: 2026-01-05\npunkt 1: A\nsagsnr: 21/1\n"), id: "a")
        #expect(index.items(withCaseNumber: "15.00.00-A00-9-26").map(\.documentID) == ["b"])
        #expect(index.caseNumbers == ["15.00.00-A00-9-26", "21/1"])
        index.remove(id: "b")
        #expect(index.caseNumbers == ["21/1"])
        #expect(index.meetings(committee: "Byrådet").map(\.documentID) == ["a"])
        #expect(index.count == 1)
    }

    @Test func historyLinesAreFoundByTheMeetingTheyName() throws {
        var index = WorkspaceIndex()
        index.update(Self.document("møde: X\ndato: 2026-03-01\npunkt 1: Y\nsagens gang:\n- Byrådet, 2026-01-05, punkt 4: Godkendt\n"), id: "later")
        let date = try #require(CalendarDate(year: 2026, month: 1, day: 5))
        let found = index.historyLines(referringTo: "byrådet", date: date, itemNumber: 4)
        #expect(found.map(\.holderItemNumber) == [1])
    }

    @Test func snippetsBecomePlainText() {
        #expect(StandardPhrases.plainText(fromSnippet: "godkender ${1:…}.") == "godkender ….")
        #expect(StandardPhrases.plainText(fromSnippet: "a ${1} b $0") == "a  b ")
        #expect(StandardPhrases.plainText(fromSnippet: "${1:ydre ${2:indre}} \\$5 \\}") == "ydre indre $5 }")
        #expect(StandardPhrases.escapedForSnippet("50$ {x}") == "50\\$ {x\\}")
    }

    @Test func legendNamesFollowTheRawValues() {
        #expect(SemanticTokens.tokenTypes.count == SemanticTokenType.allCases.count)
        for type in SemanticTokenType.allCases { #expect(SemanticTokens.tokenTypes[type.rawValue] == type.name) }
        #expect(SemanticTokens.tokenModifiers == ["declaration", "bold", "italic"])
    }
}

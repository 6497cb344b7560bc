import AgendaBase
import AgendaIDE
import AgendaSemantics
import Foundation
import Testing

/// Golden tests of the editor features: each fixture's result rendered as
/// readable text and compared with `<case>.expected` (see `IDEFixture`).
@Suite struct IDEGoldenTests {
    @Test(arguments: IDEFixture.cases("completion"))
    func completion(_ url: URL) {
        let fixture = IDEFixture(url)
        #expect(!fixture.cursors.isEmpty, "no cursor marker in \(url.lastPathComponent)")
        var out: [String] = []
        for cursor in fixture.cursors {
            let list = Completion.complete(in: fixture.document, at: cursor, context: fixture.context)
            out.append(fixture.heading(cursor) + (list.isIncomplete ? "  (incomplete)" : ""))
            if list.items.isEmpty { out.append("(nothing)") }
            for item in list.items {
                var line = "\(item.kind.rawValue) \(item.label)"
                if let detail = item.detail { line += " — \(detail)" }
                line += "  ⟶ \(IDEFixture.quoted(item.insertText, limit: 200))"
                if let snippet = item.snippet { line += "  snippet \(IDEFixture.quoted(snippet, limit: 200))" }
                line += "  replaces \(IDEFixture.quoted(fixture.source.text(item.replaceRange)))"
                if let filter = item.filterText, filter != item.label { line += "  filter \(IDEFixture.quoted(filter))" }
                out.append(line)
                if let documentation = item.documentation, item.kind != .keyword {
                    out += documentation.split(separator: "\n", omittingEmptySubsequences: false).map { "    │ \($0)" }
                }
            }
            out.append("")
        }
        fixture.check(out.joined(separator: "\n"))
    }

    @Test(arguments: IDEFixture.cases("hover"))
    func hover(_ url: URL) {
        let fixture = IDEFixture(url)
        #expect(!fixture.cursors.isEmpty, "no cursor marker in \(url.lastPathComponent)")
        var out: [String] = []
        for cursor in fixture.cursors {
            out.append(fixture.heading(cursor))
            if let hover = Hover.hover(in: fixture.document, at: cursor, context: fixture.context) {
                out.append("range \(IDEFixture.span(hover.range, in: fixture.source)) \(IDEFixture.quoted(fixture.source.text(hover.range)))")
                out.append(hover.markdown)
            } else {
                out.append("(no hover)")
            }
            out.append("")
        }
        fixture.check(out.joined(separator: "\n"))
    }

    @Test(arguments: IDEFixture.cases("symbols"))
    func documentSymbols(_ url: URL) {
        let fixture = IDEFixture(url)
        var out: [String] = []
        func render(_ symbol: DocumentSymbol, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            var line = "\(indent)\(symbol.kind.rawValue) \(IDEFixture.quoted(symbol.name))"
            if let detail = symbol.detail { line += " (\(detail))" }
            line += " \(IDEFixture.span(symbol.range, in: fixture.source)) select \(IDEFixture.quoted(fixture.source.text(symbol.selectionRange)))"
            out.append(line)
            #expect(symbol.range.lowerBound <= symbol.selectionRange.lowerBound && symbol.selectionRange.upperBound <= symbol.range.upperBound,
                    "\(symbol.name): selection outside range")
            for child in symbol.children {
                #expect(symbol.range.lowerBound <= child.range.lowerBound && child.range.upperBound <= symbol.range.upperBound,
                        "\(child.name) reaches outside \(symbol.name)")
                render(child, depth: depth + 1)
            }
        }
        for symbol in DocumentSymbols.symbols(in: fixture.document) { render(symbol, depth: 0) }
        fixture.check(out.joined(separator: "\n") + "\n")
    }

    @Test(arguments: IDEFixture.cases("workspace-symbols"))
    func workspaceSymbols(_ url: URL) {
        let fixture = IDEFixture(url)
        #expect(!fixture.queries.isEmpty, "no `// fixture: query: …` line in \(url.lastPathComponent)")
        var out: [String] = []
        for query in fixture.queries {
            out.append("── query \(IDEFixture.quoted(query))")
            let symbols = WorkspaceSymbols.search(query, in: fixture.context.workspace)
            if symbols.isEmpty { out.append("(nothing)") }
            for symbol in symbols {
                let source = fixture.context.workspace.document(symbol.documentID)?.source ?? fixture.source
                out.append("\(symbol.name)\(symbol.detail.map { " (\($0))" } ?? "") — \(symbol.containerName) — \(symbol.documentID) "
                           + "\(IDEFixture.span(symbol.selectionRange, in: source)) \(IDEFixture.quoted(source.text(symbol.selectionRange)))")
            }
            out.append("")
        }
        fixture.check(out.joined(separator: "\n"))
    }

    @Test(arguments: IDEFixture.cases("folding"))
    func folding(_ url: URL) {
        let fixture = IDEFixture(url)
        let out = FoldingRanges.ranges(in: fixture.document).map { range in
            let first = fixture.source.line(containing: range.range.lowerBound) + 1
            let last = fixture.source.line(containing: range.range.upperBound) + 1
            let firstLine = fixture.source.text(fixture.source.lineRange(first - 1))
            return "\(first)-\(last) \(range.kind.rawValue) │ \(firstLine)"
        }
        fixture.check(out.joined(separator: "\n") + "\n")
    }

    @Test(arguments: IDEFixture.cases("selection"))
    func selection(_ url: URL) {
        let fixture = IDEFixture(url)
        var out: [String] = []
        for cursor in fixture.cursors {
            out.append(fixture.heading(cursor))
            for range in SelectionRanges.ranges(in: fixture.document, at: cursor) {
                out.append("\(IDEFixture.span(range, in: fixture.source)) \(IDEFixture.quoted(fixture.source.text(range)))")
            }
            out.append("")
        }
        fixture.check(out.joined(separator: "\n"))
    }

    @Test(arguments: IDEFixture.cases("navigation"))
    func navigation(_ url: URL) {
        let fixture = IDEFixture(url)
        var out: [String] = []
        for cursor in fixture.cursors {
            out.append(fixture.heading(cursor))
            let definitions = Navigation.definition(in: fixture.document, at: cursor, context: fixture.context)
            out.append("definition:" + (definitions.isEmpty ? " (none)" : ""))
            out += definitions.map { "  " + fixture.location($0) }
            let references = Navigation.references(in: fixture.document, at: cursor, context: fixture.context, includeDeclaration: true)
            out.append("references:" + (references.isEmpty ? " (none)" : ""))
            out += references.map { "  " + fixture.location($0) }
            out.append("")
        }
        fixture.check(out.joined(separator: "\n"))
    }

    @Test(arguments: IDEFixture.cases("code-actions"))
    func codeActions(_ url: URL) {
        let fixture = IDEFixture(url)
        let requests = fixture.ranges + fixture.cursors.map { $0..<$0 }
        #expect(!requests.isEmpty, "no cursor or range marker in \(url.lastPathComponent)")
        var out: [String] = []
        for request in requests {
            out.append("── \(IDEFixture.span(request, in: fixture.source))  \(fixture.cursorLine(request.lowerBound))")
            let actions = CodeActions.actions(in: fixture.document, for: request, context: fixture.context)
            if actions.isEmpty { out.append("(no actions)") }
            for action in actions {
                out.append("\(action.diagnostic?.code ?? "suggestion") \(action.title)\(action.isPreferred ? "  (preferred)" : "")")
                for edit in action.edits {
                    out.append("  edit \(IDEFixture.span(edit.range, in: fixture.source)) \(IDEFixture.quoted(fixture.source.text(edit.range))) → \(IDEFixture.quoted(edit.replacement))")
                }
                out.append("  after:")
                out += changedLines(fixture, action.edits).map { "  │ \($0)" }
            }
            out.append("")
        }
        fixture.check(out.joined(separator: "\n"))
    }

    /// The lines of the fixed text from the first edited line to the last.
    func changedLines(_ fixture: IDEFixture, _ edits: [TextEdit]) -> [String] {
        guard let first = edits.map(\.range.lowerBound).min(), let last = edits.map(\.range.upperBound).max() else { return [] }
        let growth = edits.reduce(0) { $0 + $1.replacement.utf8.count - $1.range.count }
        let fixed = SourceText(fixture.applying(edits))
        let firstLine = fixed.line(containing: first)
        let lastLine = fixed.line(containing: max(first, last + growth))
        return (firstLine...max(firstLine, lastLine)).map { fixed.text(fixed.lineRange($0)) }
    }

    @Test(arguments: IDEFixture.cases("semantic-tokens"))
    func semanticTokens(_ url: URL) {
        let fixture = IDEFixture(url)
        let out = SemanticTokens.tokens(in: fixture.document).map { token in
            let modifiers = SemanticTokenModifier.allCases.filter { token.has($0) }.map(\.name)
            let type = token.type.name + (modifiers.isEmpty ? "" : "[" + modifiers.joined(separator: ",") + "]")
            return "\(IDEFixture.span(token.range, in: fixture.source)) \(type) \(IDEFixture.quoted(fixture.source.text(token.range)))"
        }
        fixture.check(out.joined(separator: "\n") + "\n")
    }
}

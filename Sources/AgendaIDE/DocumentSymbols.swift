import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// One node of the document outline.
public struct DocumentSymbol: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case meeting, item, section, heading, signatures
    }

    public var name: String
    public var detail: String?
    public var kind: Kind
    /// The whole construct.
    public var range: Range<Int>
    /// What to reveal and select when the symbol is picked; inside `range`.
    public var selectionRange: Range<Int>
    public var children: [DocumentSymbol]

    public init(name: String, detail: String? = nil, kind: Kind, range: Range<Int>, selectionRange: Range<Int>, children: [DocumentSymbol] = []) {
        self.name = name
        self.detail = detail
        self.kind = kind
        self.range = range
        self.selectionRange = selectionRange
        self.children = children
    }
}

/// The outline: the meeting (committee and date) holding its items
/// (`Punkt N: titel`, with the case number as detail), each holding its
/// sections, which hold their sub-headings; the signature sheet last.
public enum DocumentSymbols {
    public static func symbols(in document: AnalyzedDocument) -> [DocumentSymbol] {
        let lookup = DocumentLookup(document)
        let meeting = document.meeting
        var children: [DocumentSymbol] = []
        for index in document.syntax.items.indices {
            guard let (syntax, model) = lookup.item(index) else { continue }
            children.append(item(syntax, model, source: document.source))
        }
        if let signatures = document.syntax.signatures, let line = signatures.line {
            children.append(DocumentSymbol(name: "Underskrifter", kind: .signatures, range: signatures.range, selectionRange: line.keywordRange))
        }
        let whole = 0..<document.source.bytes.count
        let selection = meeting.committee?.range ?? meeting.date?.range ?? meeting.municipality?.range ?? document.source.lineRange(0)
        let name = IndexedItem.meetingName(committee: meeting.committee?.value, date: meeting.date?.value)
        return [DocumentSymbol(name: name, detail: meeting.isMinutes ? "referat" : "dagsorden", kind: .meeting, range: whole,
                               selectionRange: selection, children: children)]
    }

    static func item(_ syntax: ItemSyntax, _ model: Item, source: SourceText) -> DocumentSymbol {
        var sections: [DocumentSymbol] = []
        for entry in syntax.entries {
            guard let line = entry.line, line.keyword.role == .section,
                  let section = model.sections.first(where: { $0.range.lowerBound == entry.range.lowerBound && $0.kind != .untitled }) else { continue }
            let selection = line.keyword == .customSection && !line.valueRange.isEmpty ? line.valueRange : line.keywordRange
            sections.append(DocumentSymbol(name: section.heading.isEmpty ? line.keyword.label : section.heading, kind: .section,
                                           range: entry.range, selectionRange: selection, children: headings(in: entry, source: source)))
        }
        let title = model.title.isEmpty ? "(uden titel)" : model.title
        return DocumentSymbol(name: "Punkt \(model.number): \(title)", detail: model.caseNumber?.value, kind: .item, range: syntax.range,
                              selectionRange: model.titleRange.isEmpty ? model.headerRange : model.titleRange, children: sections)
    }

    /// `overskrift:` lines, each reaching to the next sub-heading or the section's end.
    static func headings(in entry: EntrySyntax, source: SourceText) -> [DocumentSymbol] {
        var result: [DocumentSymbol] = []
        for (index, block) in entry.body.enumerated() {
            guard case .keyword(let line) = block, line.keyword == .heading else { continue }
            let rest = entry.body[(index + 1)...]
            let next = rest.firstIndex { if case .keyword(let other) = $0 { return other.keyword == .heading } else { return false } }
            let last = next.map { rest[rest.startIndex..<$0] } ?? rest
            let end = last.last?.range.upperBound ?? line.range.upperBound
            result.append(DocumentSymbol(name: line.valueRange.isEmpty ? "Overskrift" : source.text(line.valueRange), kind: .heading,
                                         range: line.range.lowerBound..<max(end, line.range.upperBound),
                                         selectionRange: line.valueRange.isEmpty ? line.keywordRange : line.valueRange))
        }
        return result
    }
}

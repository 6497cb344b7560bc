import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// One node of the document outline.
public struct DocumentSymbol: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case meeting, item, section, heading, decisionField, signatures
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
/// sections, which hold their sub-headings (a decision: its fields too, in
/// written order: `Flertal: A, V`, `Fraværende: …`); the signature sheet last.
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

    /// `overskrift:` lines, and in a decision its fields, each reaching to the
    /// next of them or the section's end.
    static func headings(in entry: EntrySyntax, source: SourceText) -> [DocumentSymbol] {
        let inDecision = entry.keyword == .decision
        func isMark(_ block: BlockSyntax) -> Bool {
            guard case .keyword(let line) = block else { return false }
            return line.keyword == .heading || (inDecision && line.keyword.isAllowed(in: .decision))
        }
        var result: [DocumentSymbol] = []
        var index = entry.body.startIndex
        while index < entry.body.endIndex {
            guard case .keyword(let line) = entry.body[index], isMark(entry.body[index]) else {
                index += 1
                continue
            }
            var next = index + 1
            while next < entry.body.endIndex, !isMark(entry.body[next]) { next += 1 }
            // a one-line field (`fraværende:`) ends at its line; the text below it is the decision's
            let ownsText = line.keyword == .heading || line.keyword.takesText
            let end = ownsText ? entry.body[next - 1].range.upperBound : line.range.upperBound
            let range = line.range.lowerBound..<max(end, line.range.upperBound)
            if line.keyword == .heading {
                result.append(DocumentSymbol(name: line.valueRange.isEmpty ? "Overskrift" : source.text(line.valueRange), kind: .heading,
                                             range: range, selectionRange: line.valueRange.isEmpty ? line.keywordRange : line.valueRange))
            } else {
                result.append(DocumentSymbol(name: fieldName(line, source: source), kind: .decisionField, range: range, selectionRange: line.keywordRange))
            }
            index = next
        }
        return result
    }

    /// `Flertal: A, V`, `Udfald 2: godkendt`: the label and the value as written.
    static func fieldName(_ line: KeywordLine, source: SourceText) -> String {
        let label = line.number.map { "\(line.keyword.label) \($0)" } ?? line.keyword.label
        return line.valueRange.isEmpty ? label : "\(label): \(source.text(line.valueRange))"
    }
}

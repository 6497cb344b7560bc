import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// One node of the document outline.
public struct DocumentSymbol: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case meeting, item, section, heading, decisionField, signatures, vote, conflictOfInterest
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
/// written order: `Flertal: A, V`, `Fraværende: …`, and its votes and
/// conflicts of interest); the signature sheet last.
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
        for conflict in model.conflicts where model.decision.map({ !$0.range.contains(conflict.range.lowerBound) }) ?? true {
            sections.append(conflictSymbol(conflict))
        }
        for entry in syntax.entries {
            guard let line = entry.line, line.keyword.role == .section,
                  let section = model.sections.first(where: { $0.range.lowerBound == entry.range.lowerBound && $0.kind != .untitled }) else { continue }
            let selection = line.keyword == .customSection && !line.valueRange.isEmpty ? line.valueRange : line.keywordRange
            var children = headings(in: entry, source: source)
            if case .decision(let decision) = section.content {
                let parts = decision.parts.compactMap { part -> DocumentSymbol? in
                    switch part {
                    case .vote(let vote): voteSymbol(vote, source: source)
                    case .conflict(let conflict): conflictSymbol(conflict)
                    default: nil
                    }
                }
                if !parts.isEmpty { children = (children + parts).sorted { $0.range.lowerBound < $1.range.lowerBound } }
            }
            sections.append(DocumentSymbol(name: section.heading.isEmpty ? line.keyword.label : section.heading, kind: .section,
                                           range: entry.range, selectionRange: selection, children: children))
        }
        let title = model.title.isEmpty ? "(uden titel)" : model.title
        return DocumentSymbol(name: "Punkt \(model.number): \(title)", detail: detail(model), kind: .item, range: syntax.range,
                              selectionRange: model.titleRange.isEmpty ? model.headerRange : model.titleRange, children: sections)
    }

    /// The case number, and for a closed item what the public sees: `lukket · offentlig titel: Køb af ejendom`.
    static func detail(_ model: Item) -> String? {
        var parts: [String] = []
        if let caseNumber = model.caseNumber?.value { parts.append(caseNumber) }
        if model.closed {
            parts.append(model.publicTitle.map { "lukket · offentlig titel: \($0.value)" } ?? "lukket")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `Afstemning: ændringsforslag fra B` with the tally as detail (`For 2 · Imod 3`).
    static func voteSymbol(_ vote: Vote, source: SourceText) -> DocumentSymbol {
        let what: String = switch vote.subject?.value {
        case .recommendation?, nil: "indstillingen"
        case .point(let number)?: "indstillingens punkt \(number)"
        case .proposal(let title)?: title.isEmpty ? "forslag" : title
        }
        let tally = vote.sides.map { "\($0.label) \($0.votes)" }.joined(separator: " · ")
        let firstLine = source.lineRange(source.line(containing: vote.range.lowerBound))
        let keyword = source.trimmingSpaces(firstLine.lowerBound..<min(firstLine.upperBound, vote.subject?.range.lowerBound ?? firstLine.upperBound))
        return DocumentSymbol(name: "\(Keyword.vote.label): \(what)", detail: tally.isEmpty ? nil : tally, kind: .vote, range: vote.range,
                              selectionRange: vote.subject?.range ?? keyword)
    }

    /// `Inhabil: Per Clausen (Ø)`.
    static func conflictSymbol(_ conflict: ConflictOfInterest) -> DocumentSymbol {
        let who = conflict.people.map { person in person.party.map { "\(person.name) (\($0))" } ?? person.name }.joined(separator: ", ")
        let end = conflict.reason.last?.range.upperBound ?? conflict.range.upperBound
        return DocumentSymbol(name: "\(Keyword.conflictOfInterest.label): \(who)", kind: .conflictOfInterest,
                              range: conflict.range.lowerBound..<max(end, conflict.range.upperBound),
                              selectionRange: conflict.people.first?.range ?? conflict.range)
    }

    /// `overskrift:` lines, holding the `underoverskrift:` lines below them, and in a
    /// decision its fields (but votes and conflicts of interest): each reaching to the
    /// next of them (an `overskrift:` past its `underoverskrift:` lines) or the section's end.
    static func headings(in entry: EntrySyntax, source: SourceText) -> [DocumentSymbol] {
        let body = entry.body
        let inDecision = entry.keyword == .decision
        func isMark(_ block: BlockSyntax) -> Bool {
            guard case .keyword(let line) = block else { return false }
            return line.keyword.role == .heading || (inDecision && line.keyword.isAllowed(in: .decision))
        }
        // one pass from the end: where each stretch stops
        var ends = [Int](repeating: 0, count: body.count)
        var nextAny: Int?
        var nextTop: Int?
        let sectionEnd = body.last?.range.upperBound ?? entry.range.upperBound
        for index in body.indices.reversed() {
            guard case .keyword(let line) = body[index], isMark(body[index]) else { continue }
            let level = line.keyword.headingLevel
            let next = level == 1 ? nextTop : nextAny
            // a one-line field (`fraværende:`) ends at its line; the text below it is the decision's
            let ownsText = level != nil || line.keyword.takesText
            ends[index] = ownsText ? next.map { body[$0 - 1].range.upperBound } ?? sectionEnd : line.range.upperBound
            nextAny = index
            if level != 2 { nextTop = index }
        }
        var result: [DocumentSymbol] = []
        var underTop = false
        for (index, block) in body.enumerated() {
            guard case .keyword(let line) = block, isMark(block) else { continue }
            let range = line.range.lowerBound..<max(ends[index], line.range.upperBound)
            guard let level = line.keyword.headingLevel else {
                // votes and conflicts of interest come whole from the model (`voteSymbol`, `conflictSymbol`)
                if !(line.keyword == .vote || line.keyword.isVoteSide || line.keyword == .conflictOfInterest) {
                    result.append(DocumentSymbol(name: fieldName(line, source: source), kind: .decisionField, range: range, selectionRange: line.keywordRange))
                }
                underTop = false
                continue
            }
            let symbol = DocumentSymbol(name: line.valueRange.isEmpty ? line.keyword.label : source.text(line.valueRange), kind: .heading,
                                        range: range, selectionRange: line.valueRange.isEmpty ? line.keywordRange : line.valueRange)
            if level >= 2, underTop, var parent = result.popLast() {
                parent.children.append(symbol)
                result.append(parent)
            } else {
                result.append(symbol)
                underTop = level == 1
            }
        }
        return result
    }

    /// `Flertal: A, V`, `Udfald 2: godkendt`: the label and the value as written.
    static func fieldName(_ line: KeywordLine, source: SourceText) -> String {
        let label = line.number.map { "\(line.keyword.label) \($0)" } ?? line.keyword.label
        return line.valueRange.isEmpty ? label : "\(label): \(source.text(line.valueRange))"
    }
}

import AgendaBase
import AgendaSyntax

/// The meeting as the tools understand it: plain values, each with the byte
/// range it came from so that diagnostics and editor features can point at it.
/// Renderers, the checker and the IDE features read this, never the syntax.
public struct Meeting: Sendable {
    public var kind: DocumentKind = .agenda
    public var committee: Located<String>?
    public var municipality: Located<String>?
    public var date: Located<CalendarDate>?
    public var time: Located<MeetingTime>?
    public var place: Located<String>?
    public var participants: [Person] = []
    public var absentees: [Person] = []
    public var substitutes: [Substitution] = []
    /// Text before the first item that no field owns (reported; kept so nothing is lost).
    public var preamble: [Block] = []
    public var items: [Item] = []
    public var signatures: Signatures?
    /// How closed items are marked in the contents and their headings. A
    /// house-style choice; the printed words are the renderers' (`PrintedPhrases`).
    public var closedItemMarking: ClosedItemMarking = .note

    public init() {}

    public var isMinutes: Bool { kind == .minutes }
}

/// A value and where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var range: Range<Int>
    public init(_ value: Value, _ range: Range<Int>) {
        self.value = value
        self.range = range
    }
}

public enum DocumentKind: String, Sendable, CaseIterable {
    case agenda, minutes

    /// The Danish word as it heads the printed document.
    public var danishTitle: String { self == .agenda ? "DAGSORDEN" : "REFERAT" }

    public static func named(_ word: String) -> DocumentKind? {
        switch word.lowercased() {
        case "dagsorden", "agenda": .agenda
        case "referat", "minutes", "beslutningsprotokol": .minutes
        default: nil
        }
    }
}

public struct Person: Sendable, Hashable {
    public var name: String
    /// The party as written: a letter (`A`) or a name (`Socialdemokratiet`).
    public var party: String?
    public var role: String?
    public var range: Range<Int>
    public init(name: String, party: String? = nil, role: String? = nil, range: Range<Int>) {
        self.name = name
        self.party = party
        self.role = role
        self.range = range
    }
}

/// How a closed item shows in the contents and above its text.
public enum ClosedItemMarking: String, Sendable, CaseIterable {
    /// The title as it is, with "Lukket punkt" beside it in the contents and under the heading.
    case note
    /// "Lukket: " before the title, in the contents and the heading, as many municipalities print it.
    case titlePrefix
}

public struct Substitution: Sendable, Hashable {
    public var substitute: Person
    public var replaces: String
    public var range: Range<Int>
}

public struct Item: Sendable {
    public var number: Int
    /// False when the number was left out and continues from the previous item.
    public var numberWritten: Bool
    public var closed = false
    /// Marked `uden beslutning`: by nature the item has no decision.
    public var markedWithoutDecision = false
    public var title: String
    public var titleRange: Range<Int>
    /// The `punkt` line.
    public var headerRange: Range<Int>
    /// The whole item.
    public var range: Range<Int>
    public var sections: [Section] = []
    /// The fields an item may or may not have, out of line: an item without
    /// them costs a pointer, not 400 bytes (`ItemFields`).
    private var fields = OutOfLine<ItemFields>()

    public init(number: Int, numberWritten: Bool, title: String, titleRange: Range<Int>, headerRange: Range<Int>, range: Range<Int>) {
        self.number = number
        self.numberWritten = numberWritten
        self.title = title
        self.titleRange = titleRange
        self.headerRange = headerRange
        self.range = range
    }

    public var caseNumber: Located<String>? {
        get { fields.value.caseNumber }
        set { fields.value.caseNumber = newValue }
    }
    /// What the public minutes call a closed item (`offentlig titel:`), when not its own title.
    public var publicTitle: Located<String>? {
        get { fields.value.publicTitle }
        set { fields.value.publicTitle = newValue }
    }
    /// The `fortrolig beslutning` flag: the closed item's decision itself is confidential and is not published.
    public var confidentialDecision: Range<Int>? {
        get { fields.value.confidentialDecision }
        set { fields.value.confidentialDecision = newValue }
    }
    /// The `uden beslutning` line, when written.
    public var noDecisionFlagRange: Range<Int>? {
        get { fields.value.noDecisionFlagRange }
        set { fields.value.noDecisionFlagRange = newValue }
    }
    public var distribution: [DistributionCode] {
        get { fields.value.distribution }
        set { fields.value.distribution = newValue }
    }
    public var distributionRange: Range<Int>? {
        get { fields.value.distributionRange }
        set { fields.value.distributionRange = newValue }
    }
    public var caseworker: Located<String>? {
        get { fields.value.caseworker }
        set { fields.value.caseworker = newValue }
    }
    public var otherCaseworkers: Located<String>? {
        get { fields.value.otherCaseworkers }
        set { fields.value.otherCaseworkers = newValue }
    }
    public var duration: Located<String>? {
        get { fields.value.duration }
        set { fields.value.duration = newValue }
    }
    public var finalAuthority: FinalAuthority? {
        get { fields.value.finalAuthority }
        set { fields.value.finalAuthority = newValue }
    }
    /// Members absent for this item.
    public var absentees: [Person] {
        get { fields.value.absentees }
        set { fields.value.absentees = newValue }
    }
    /// Members who left the item because of a conflict of interest (`inhabil:`),
    /// written as an item field or in the decision.
    public var conflicts: [ConflictOfInterest] {
        get { fields.value.conflicts }
        set { fields.value.conflicts = newValue }
    }

    public var recommendation: Recommendation? {
        for section in sections { if case .recommendation(let value) = section.content { return value } }
        return nil
    }

    public var decision: Decision? {
        for section in sections { if case .decision(let value) = section.content { return value } }
        return nil
    }

    /// Marked `uden beslutning` and without one: a decision written anyway wins (the flag is reported).
    public var isWithoutDecision: Bool { markedWithoutDecision && decision == nil }

    /// The decision as the public minutes of a closed item print it (`offentlig beslutning:`), a prose section.
    public var publicDecision: Section? {
        sections.first { $0.kind == .publicDecision }
    }

    public var attachments: [Attachment] {
        sections.flatMap { section -> [Attachment] in
            if case .attachments(let value) = section.content { return value }
            return []
        }
    }

    public var history: [Treatment] {
        sections.flatMap { section -> [Treatment] in
            if case .history(let value) = section.content { return value }
            return []
        }
    }
}

extension Item {
    /// What the public minutes may show of a closed item: its number, the
    /// public title (`untitled` when none is given), the closed flag, and the
    /// public decision unless the decision itself is confidential. Built from
    /// nothing rather than by clearing fields, so that a field added to `Item`
    /// later stays out of public output until it is added here on purpose.
    public func asPublished(untitled: String) -> Item {
        var shown = Item(number: number, numberWritten: numberWritten, title: publicTitle?.value ?? untitled,
                         titleRange: publicTitle?.range ?? titleRange, headerRange: headerRange, range: range)
        shown.closed = true
        // whether the item had a decision is decided before its sections go
        shown.markedWithoutDecision = isWithoutDecision
        shown.confidentialDecision = confidentialDecision
        if confidentialDecision == nil, let decision = publicDecision,
           case .prose(let prose) = decision.content, !prose.isEmpty {
            shown.sections = [decision]
        }
        return shown
    }
}

/// An item's optional fields (`Item` keeps them out of line).
struct ItemFields: Sendable {
    var caseNumber: Located<String>?
    var publicTitle: Located<String>?
    var confidentialDecision: Range<Int>?
    var noDecisionFlagRange: Range<Int>?
    var distribution: [DistributionCode] = []
    var distributionRange: Range<Int>?
    var caseworker: Located<String>?
    var otherCaseworkers: Located<String>?
    var duration: Located<String>?
    var finalAuthority: FinalAuthority?
    var absentees: [Person] = []
    var conflicts: [ConflictOfInterest] = []
}

/// A value kept behind one pointer, none at all while it is the default:
/// for the parts of a model value most instances leave empty. A copy shares
/// the storage until one side changes it (the enum's box is immutable; a
/// change makes a new one).
struct OutOfLine<Value: OutOfLineValue>: Sendable {
    private enum Storage: Sendable { indirect case stored(Value) }
    private var storage: Storage?

    init() {}

    var value: Value {
        get {
            guard case .stored(let value)? = storage else { return Value() }
            return value
        }
        set { storage = .stored(newValue) }
    }
}

/// What `OutOfLine` can hold: a value with an empty default.
protocol OutOfLineValue: Sendable {
    init()
}

extension ItemFields: OutOfLineValue {}

public struct DistributionCode: Sendable, Hashable {
    public var code: String
    public var marked: Bool
    public var range: Range<Int>
}

public struct FinalAuthority: Sendable, Hashable {
    public enum Phrase: String, Sendable {
        case concludedIn, decidedIn, decidedBy

        /// The sentence's verb phrase, as printed: "Sagen afsluttes i …".
        public var danish: String {
            switch self {
            case .concludedIn: "afsluttes i"
            case .decidedIn: "afgøres i"
            case .decidedBy: "afgøres af"
            }
        }
    }
    public var phrase: Phrase
    public var body: String
    public var range: Range<Int>

    public var sentence: String { "Sagen \(phrase.danish) \(body)." }
}

public enum SectionKind: String, Sendable, CaseIterable {
    case summary, presentation, economy, procedure, recommendation, decision, history, attachments, custom
    /// `offentlig beslutning:`, what the public minutes say a closed item decided.
    case publicDecision
    /// Text that stood where no section opened (reported; kept).
    case untitled
}

public struct Section: Sendable {
    public var kind: SectionKind
    /// The heading as printed.
    public var heading: String
    public var range: Range<Int>
    public var content: SectionContent
}

public enum SectionContent: Sendable {
    case prose(ProseBlocks)
    case recommendation(Recommendation)
    case decision(Decision)
    case attachments([Attachment])
    case history([Treatment])
}

/// A section's prose, made into `Block`s only when asked for. The checker
/// never reads prose, so analysis (what the editor waits for after each
/// keystroke) does not pay for building it; renderers and the IDE read `blocks`.
public struct ProseBlocks: Sendable {
    let source: SourceText
    let leading: [Block]
    let syntax: [BlockSyntax]

    init(source: SourceText, leading: [Block] = [], syntax: [BlockSyntax]) {
        self.source = source
        self.leading = leading
        self.syntax = syntax
    }

    /// Prose already made into blocks.
    public init(_ blocks: [Block]) {
        self.init(source: SourceText(bytes: []), leading: blocks, syntax: [])
    }

    public var blocks: [Block] {
        syntax.isEmpty ? leading : leading + Lowering(source: source).blocks(syntax)
    }

    public var isEmpty: Bool { leading.isEmpty && syntax.isEmpty }
}

public enum Block: Sendable, Hashable {
    case paragraph([Inline], range: Range<Int>)
    /// A sub-heading; `level` 1 for `overskrift:`, 2 for `underoverskrift:` (`Keyword.headingLevel`).
    case heading(String, level: Int, range: Range<Int>)
    case list(ListBlock)
    case table(TableBlock)

    public var range: Range<Int> {
        switch self {
        case .paragraph(_, let range), .heading(_, _, let range): range
        case .list(let list): list.range
        case .table(let table): table.range
        }
    }
}

extension Block {
    /// The block as plain text: list entries one a line, table cells tab-separated.
    public var plainText: String {
        switch self {
        case .paragraph(let content, _): return content.plainText
        case .heading(let text, _, _): return text
        case .list(let list):
            return list.entries.map { entry in
                ([entry.marker + " " + entry.text.plainText] + entry.children.map(\.plainText)).joined(separator: "\n")
            }.joined(separator: "\n")
        case .table(let table): return table.rows.map { $0.map(\.plainText).joined(separator: "\t") }.joined(separator: "\n")
        }
    }
}

public struct ListBlock: Sendable, Hashable {
    public var ordered: Bool
    public var entries: [ListEntry]
    public var range: Range<Int>
}

public struct ListEntry: Sendable, Hashable {
    /// `-`, or the number as written (`1.`).
    public var marker: String
    public var text: [Inline]
    public var children: [Block]
    public var range: Range<Int>
}

public struct TableBlock: Sendable, Hashable {
    public var rows: [[[Inline]]]
    public var hasHeader: Bool
    /// One per column: as written in the dash row (`:--`, `:-:`, `--:`), else
    /// `.right` for a column of numbers, else nil (the renderer's default, left).
    public var alignments: [TableAlignment?]
    /// The last row sums up the others (its first cell is `I alt`, `Total`, `Samlet` …).
    public var hasTotalRow: Bool
    public var range: Range<Int>

    public init(rows: [[[Inline]]], hasHeader: Bool, alignments: [TableAlignment?] = [], hasTotalRow: Bool = false, range: Range<Int>) {
        self.rows = rows
        self.hasHeader = hasHeader
        self.alignments = alignments
        self.hasTotalRow = hasTotalRow
        self.range = range
    }

    /// The alignment of a column, nil where none was written or inferred.
    public func alignment(ofColumn column: Int) -> TableAlignment? {
        alignments.indices.contains(column) ? alignments[column] : nil
    }
}

public enum TableAlignment: String, Sendable, Hashable {
    case left, center, right
}

public enum Inline: Sendable, Hashable {
    case text(String)
    case strong([Inline])
    case emphasis([Inline])
    case link([Inline], url: String)
    /// Where a paragraph's or list entry's line ended in the source: a soft wrap, read as a space,
    /// unless the house style prints lines as written.
    case lineBreak

    /// The words without markup.
    public var plainText: String {
        switch self {
        case .text(let text): text
        case .strong(let inner), .emphasis(let inner), .link(let inner, _): inner.plainText
        case .lineBreak: " "
        }
    }
}

extension Array where Element == Inline {
    public var plainText: String { map(\.plainText).joined() }

    /// The inlines with every line break read as a space, neighbouring text joined.
    public var joiningLines: [Inline] {
        guard contains(.lineBreak) else { return self }
        var result: [Inline] = []
        for inline in self {
            let next = inline == .lineBreak ? Inline.text(" ") : inline
            if case .text(let text) = next, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(next)
            }
        }
        return result
    }
}

extension Block {
    /// The block with the line breaks of its paragraphs and list entries read as spaces.
    public var joiningLines: Block {
        switch self {
        case .paragraph(let inlines, let range): .paragraph(inlines.joiningLines, range: range)
        case .heading, .table: self
        case .list(let list):
            .list(ListBlock(ordered: list.ordered, entries: list.entries.map { entry in
                ListEntry(marker: entry.marker, text: entry.text.joiningLines, children: entry.children.map(\.joiningLines), range: entry.range)
            }, range: list.range))
        }
    }
}

public struct Recommendation: Sendable {
    /// Who recommends (`Direktionen`), when it could be read from the intro.
    public var recommendedBy: String?
    /// The intro as written (`Direktionen indstiller, at`).
    public var intro: String
    public var points: [RecommendationPoint]
    /// Other prose in the section.
    public var blocks: [Block]
    public var range: Range<Int>
}

public struct RecommendationPoint: Sendable, Hashable {
    /// `1.`, `-` or `at`.
    public var marker: String
    public var text: [Inline]
    public var range: Range<Int>
}

public struct Decision: Sendable {
    /// The body that decided (`Beskæftigelses- og Borgerserviceudvalget`), if written.
    public var decidedBy: String?
    public var date: Located<CalendarDate>?
    /// Everything below the `beslutning:` line, in the order it is written.
    public var parts: [DecisionPart]
    public var range: Range<Int>

    public init(decidedBy: String? = nil, date: Located<CalendarDate>? = nil, parts: [DecisionPart] = [], range: Range<Int>) {
        self.decidedBy = decidedBy
        self.date = date
        self.parts = parts
        self.range = range
    }

    /// The decision's own text (every text part, in order).
    public var text: [Block] {
        parts.flatMap { part -> [Block] in
            if case .text(let blocks) = part { return blocks }
            return []
        }
    }

    public var positions: [PartyPosition] {
        parts.compactMap { part in
            if case .position(let position) = part { return position }
            return nil
        }
    }

    public var notesForTheRecord: [RecordNote] {
        parts.compactMap { part in
            if case .note(let note) = part { return note }
            return nil
        }
    }

    public var outcomes: [PointOutcome] {
        parts.compactMap { part in
            if case .outcome(let outcome) = part { return outcome }
            return nil
        }
    }

    public var substitutes: [Substitution] {
        parts.flatMap { part -> [Substitution] in
            if case .substitutes(let substitutes) = part { return substitutes.value }
            return []
        }
    }

    /// Absentees written inside the decision (also copied to the item).
    public var absentees: [Person] {
        parts.flatMap { part -> [Person] in
            if case .absentees(let people) = part { return people.value }
            return []
        }
    }

    public var votes: [Vote] {
        parts.compactMap { part in
            if case .vote(let vote) = part { return vote }
            return nil
        }
    }

    /// Conflicts of interest written inside the decision (also copied to the item).
    public var conflicts: [ConflictOfInterest] {
        parts.compactMap { part in
            if case .conflict(let conflict) = part { return conflict }
            return nil
        }
    }
}

/// One part of a decision. Text, positions and notes hold the lines written
/// below them; the others are one field each.
public enum DecisionPart: Sendable {
    case text([Block])
    case position(PartyPosition)
    case note(RecordNote)
    case outcome(PointOutcome)
    /// One `stedfortræder:` field (its range is the field's).
    case substitutes(Located<[Substitution]>)
    /// One `fraværende:` field, with the list below it when the line has none.
    case absentees(Located<[Person]>)
    /// A vote: `afstemning:` and its sides, each with the reasons below it.
    case vote(Vote)
    /// One `inhabil:` field, with the reason below it.
    case conflict(ConflictOfInterest)

    /// The kind's name in JSON and in the language server's outline.
    public var kindName: String {
        switch self {
        case .text: "text"
        case .position(let position): position.kind.rawValue
        case .note: "note"
        case .outcome: "outcome"
        case .substitutes: "substitutes"
        case .absentees: "absentees"
        case .vote: "vote"
        case .conflict: "conflictOfInterest"
        }
    }

    public var range: Range<Int> {
        switch self {
        case .text(let blocks):
            guard let first = blocks.first, let last = blocks.last else { return 0..<0 }
            return first.range.lowerBound..<max(first.range.lowerBound, last.range.upperBound)
        case .position(let position): return position.range
        case .note(let note): return note.range
        case .outcome(let outcome): return outcome.range
        case .substitutes(let substitutes): return substitutes.range
        case .absentees(let people): return people.range
        case .vote(let vote): return vote.range
        case .conflict(let conflict): return conflict.range
        }
    }
}

public struct PartyPosition: Sendable {
    public enum Kind: String, Sendable { case majority, minority }
    public var kind: Kind
    public var parties: [Located<String>]
    /// Independent members named beside the parties (`flertal: A, V og Hanne Lund (løsgænger)`).
    public var members: [Person] = []
    public var statement: [Block]
    public var range: Range<Int>
}

public struct RecordNote: Sendable {
    public var by: String
    public var text: [Block]
    public var range: Range<Int>
}

public struct PointOutcome: Sendable, Hashable {
    public var point: Int?
    public var outcome: String
    public var range: Range<Int>
}

public struct Attachment: Sendable, Hashable {
    public var title: String
    public var file: Located<String>?
    public var isPublic: Bool
    public var range: Range<Int>
}

/// An earlier treatment of the same case ("Sagens gang").
public struct Treatment: Sendable, Hashable {
    public var body: String
    public var date: CalendarDate?
    public var itemNumber: Int?
    public var outcome: String?
    /// The line as written.
    public var text: String
    public var range: Range<Int>
}

public struct Signatures: Sendable {
    public var digital: Bool
    public var signers: [Person]
    public var range: Range<Int>
}

extension Located: Equatable where Value: Equatable {
    public static func == (a: Located, b: Located) -> Bool { a.value == b.value && a.range == b.range }
}

extension Located: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(range.lowerBound)
        hasher.combine(range.upperBound)
    }
}

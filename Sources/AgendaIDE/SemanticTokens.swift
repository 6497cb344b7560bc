import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// The token types, in legend order (the raw value is the index the LSP encoding uses).
public enum SemanticTokenType: Int, CaseIterable, Hashable, Sendable {
    /// Keywords: `punkt`, `sagsnr`, `resume`, `lukket`, …
    case keyword
    /// Item and outcome numbers, dates, times, durations.
    case number
    /// Bold and italic prose (with the `bold`/`italic` modifiers), link targets, attachment files.
    case string
    case comment
    /// Attachment options (`fil`, `ikke offentlig`) and people's roles (`formand`).
    case property
    /// Fixed values: document kinds, distribution codes, parties, outcomes, `digital`.
    case enumMember
    /// People.
    case variable
    /// Item titles (with `declaration`) and sub-headings.
    case function
    /// Case numbers.
    case type
    /// Committees and the municipality.
    case namespace
    /// List markers and table pipes.
    case `operator`
    /// Escapes: the leading `\` of a prose line, `\|` in a cell.
    case macro

    /// The name in the LSP legend.
    public var name: String {
        switch self {
        case .keyword: "keyword"
        case .number: "number"
        case .string: "string"
        case .comment: "comment"
        case .property: "property"
        case .enumMember: "enumMember"
        case .variable: "variable"
        case .function: "function"
        case .type: "type"
        case .namespace: "namespace"
        case .operator: "operator"
        case .macro: "macro"
        }
    }
}

/// Token modifiers, in legend order (bit `1 << rawValue`). `bold` and
/// `italic` are this language's own; LSP's standard set has no markup.
public enum SemanticTokenModifier: Int, CaseIterable, Hashable, Sendable {
    case declaration, bold, italic

    public var name: String {
        switch self {
        case .declaration: "declaration"
        case .bold: "bold"
        case .italic: "italic"
        }
    }

    public var bit: UInt32 { 1 << UInt32(rawValue) }
}

/// One token: a byte range within one line.
public struct SemanticToken: Hashable, Sendable {
    public var range: Range<Int>
    public var type: SemanticTokenType
    /// The modifiers as the LSP bit set.
    public var modifiers: UInt32

    public init(range: Range<Int>, type: SemanticTokenType, modifiers: UInt32 = 0) {
        self.range = range
        self.type = type
        self.modifiers = modifiers
    }

    public func has(_ modifier: SemanticTokenModifier) -> Bool { modifiers & modifier.bit != 0 }
}

/// Semantic highlighting for the whole document. Tokens are sorted, never
/// overlap, never span a line break and never start inside a character.
public enum SemanticTokens {
    /// The token types and modifiers, by index.
    public static let tokenTypes: [String] = SemanticTokenType.allCases.map(\.name)
    public static let tokenModifiers: [String] = SemanticTokenModifier.allCases.map(\.name)

    public static func tokens(in document: AnalyzedDocument) -> [SemanticToken] {
        var collector = TokenCollector(document: document)
        collector.collect()
        return collector.finished()
    }

    /// The tokens that touch `range` (for `semanticTokens/range`).
    public static func tokens(in document: AnalyzedDocument, within range: Range<Int>) -> [SemanticToken] {
        tokens(in: document).filter { $0.range.lowerBound < range.upperBound && range.lowerBound < $0.range.upperBound }
    }
}

struct TokenCollector {
    let document: AnalyzedDocument
    let pieces: TextPieces
    var tokens: [SemanticToken] = []

    init(document: AnalyzedDocument) {
        self.document = document
        self.pieces = TextPieces(source: document.source)
    }

    var source: SourceText { document.source }
    var bytes: [UInt8] { source.bytes }

    mutating func add(_ range: Range<Int>?, _ type: SemanticTokenType, _ modifiers: UInt32 = 0) {
        guard let range, !range.isEmpty, range.lowerBound >= 0, range.upperBound <= bytes.count else { return }
        tokens.append(SemanticToken(range: range, type: type, modifiers: modifiers))
    }

    mutating func collect() {
        lineTokens()
        meetingTokens()
        for index in document.syntax.items.indices {
            guard let (syntax, model) = DocumentLookup(document).item(index) else { continue }
            itemTokens(syntax, model)
        }
        if let signatures = document.syntax.signatures {
            if let line = signatures.line, !line.valueRange.isEmpty { add(line.valueRange, .enumMember) }
            peopleLines(signatures.body, substitutions: false)
        }
    }

    // MARK: Per line: keywords, comments, markers, pipes, escapes

    mutating func lineTokens() {
        for line in document.syntax.lines {
            switch line.kind {
            case .keyword(let keywordLine):
                add(keywordLine.keywordRange, .keyword)
                if keywordLine.number != nil { add(keywordLine.numberRange, .number) }
            case .comment:
                add(pieces.trim(line.range), .comment)
            case .listEntry(_, let marker, _, _):
                add(marker, .operator)
            case .tableRow:
                tableRow(line.range)
            case .prose(_, let content):
                // `\Bilag: …`: the escape itself
                if content.lowerBound > line.range.lowerBound, bytes[content.lowerBound - 1] == UInt8(ascii: "\\") {
                    add((content.lowerBound - 1)..<content.lowerBound, .macro)
                }
            case .blank:
                break
            }
        }
    }

    mutating func tableRow(_ range: Range<Int>) {
        let row = pieces.trim(range)
        let isSeparator = bytes[row].allSatisfy { [UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ":"), 0x20].contains($0) }
        if isSeparator {
            add(row, .operator)
            return
        }
        for index in row where bytes[index] == UInt8(ascii: "|") {
            if index > row.lowerBound, bytes[index - 1] == UInt8(ascii: "\\") {
                add((index - 1)..<(index + 1), .macro)
            } else {
                add(index..<(index + 1), .operator)
            }
        }
    }

    // MARK: The meeting

    mutating func meetingTokens() {
        let meeting = document.meeting
        add(meeting.committee?.range, .namespace)
        add(meeting.municipality?.range, .namespace)
        add(meeting.date?.range, .number)
        add(meeting.time?.range, .number)
        for entry in document.syntax.header {
            guard let line = entry.line else { continue }
            switch line.keyword {
            case .documentKind where DocumentKind.named(source.text(line.valueRange)) != nil:
                add(line.valueRange, .enumMember)
            case .participants, .absent:
                peopleValue(line.valueRange)
                peopleLines(entry.body, substitutions: false)
            case .substitutes:
                for piece in pieces.split(line.valueRange, on: UInt8(ascii: ",")) { substitution(piece) }
                peopleLines(entry.body, substitutions: true)
            default:
                break
            }
        }
    }

    // MARK: Items

    mutating func itemTokens(_ syntax: ItemSyntax, _ model: Item) {
        add(model.titleRange, .function, SemanticTokenModifier.declaration.bit)
        if let caseNumber = model.caseNumber { add(caseNumber.range, .type) }
        for code in model.distribution { add(code.range, .enumMember) }
        add(model.duration?.range, .number)
        add(model.publicTitle?.range, .function)
        if let authority = model.finalAuthority {
            // the committee, without a closing full stop
            var range = authority.range
            if range.upperBound > range.lowerBound, bytes[range.upperBound - 1] == UInt8(ascii: ".") { range = range.lowerBound..<(range.upperBound - 1) }
            add(range, .namespace)
        }
        for field in [model.caseworker, model.otherCaseworkers].compactMap({ $0 }) {
            for piece in pieces.split(field.range, on: UInt8(ascii: ",")) where source.text(piece) != "-" { add(piece, .variable) }
        }
        for entry in syntax.entries {
            guard let line = entry.line else {
                prose(entry.body)
                continue
            }
            switch line.keyword {
            case .absent:
                peopleValue(line.valueRange)
                peopleLines(entry.body, substitutions: false)
            case .conflictOfInterest:
                peopleValue(line.valueRange)
                prose(entry.body)
            case .decision:
                decision(entry, line: line, model: model.decision)
            case .history:
                for treatment in model.history where entry.range.lowerBound <= treatment.range.lowerBound && treatment.range.upperBound <= entry.range.upperBound {
                    history(treatment.range)
                }
            case .attachments:
                for attachment in model.attachments where entry.range.contains(attachment.range.lowerBound) {
                    attachmentOptions(attachment)
                }
            case .customSection:
                add(line.valueRange, .function)
                prose(entry.body)
            case .summary, .presentation, .economy, .procedure, .recommendation, .publicDecision:
                inline(line.valueRange)
                prose(entry.body)
            default:
                // a field with text below it (reported): still prose
                prose(entry.body)
            }
        }
    }

    mutating func decision(_ entry: EntrySyntax, line: KeywordLine, model: Decision?) {
        if let date = model?.date {
            add(date.range, .number)
            if let decidedBy = model?.decidedBy, !decidedBy.isEmpty {
                add(line.valueRange.lowerBound..<(line.valueRange.lowerBound + decidedBy.utf8.count), .namespace)
            }
        } else if model?.decidedBy != nil {
            add(line.valueRange, .namespace)
        }
        var peopleFollow = false
        // the model's sides by their line, so their counts, members and parties are read once
        var sides: [Int: VoteSide] = [:]
        var subjects: [Int: Vote.Subject] = [:]
        for vote in model?.votes ?? [] {
            for side in vote.sides { sides[side.range.lowerBound] = side }
            if let subject = vote.subject { subjects[vote.range.lowerBound] = subject.value }
        }
        for block in entry.body {
            if peopleFollow, case .list = block {
                peopleLines([block], substitutions: false)
                peopleFollow = false
                continue
            }
            peopleFollow = false
            guard case .keyword(let field) = block else {
                prose([block])
                continue
            }
            switch field.keyword {
            case .majority, .minority:
                for party in pieces.parties(field.valueRange) {
                    // a member named beside the parties: `Hanne Lund (løsgænger)`
                    if !party.isEmpty, bytes[party.upperBound - 1] == UInt8(ascii: ")") { person(pieces.person(party)) } else { add(party, .enumMember) }
                }
            case .votesFor, .votesAgainst, .abstained:
                if let side = sides[field.range.lowerBound] { voteSide(side) }
            case .vote:
                switch subjects[field.range.lowerBound] {
                case .recommendation?, .point?: add(field.valueRange, .enumMember)
                default: add(field.valueRange, .string)
                }
            case .conflictOfInterest:
                peopleValue(field.valueRange)
            case .absent:
                peopleValue(field.valueRange)
                peopleFollow = field.valueRange.isEmpty
            case .substitute:
                for piece in pieces.split(field.valueRange, on: UInt8(ascii: ",")) { substitution(piece) }
            case .noteForTheRecord:
                peopleValue(field.valueRange)
            case .outcome:
                add(field.valueRange, .enumMember)
            case .heading, .subheading:
                add(field.valueRange, .function)
            default:
                break
            }
        }
    }

    /// A side's count, its members (name and party, on any line they run to) and its parties.
    mutating func voteSide(_ side: VoteSide) {
        add(side.count?.range, .number)
        for voter in side.voters { person(pieces.person(voter.range)) }
        for party in side.parties { add(party.range, .enumMember) }
    }

    /// `- Byrådet, 2025-09-30, punkt 4: Godkendt`.
    mutating func history(_ range: Range<Int>) {
        let parts = pieces.history(range)
        add(parts.committee, .namespace)
        add(parts.date, .number)
        add(parts.itemWord, .keyword)
        add(parts.itemNumber, .number)
        add(parts.outcome, .enumMember)
    }

    /// `(fil: bilag/plan.pdf, ikke offentlig)`: the option names, the file, the flags.
    mutating func attachmentOptions(_ attachment: Attachment) {
        guard let file = attachment.file else { return }
        add(file.range, .string)
        let line = source.lineRange(source.line(containing: file.range.lowerBound))
        guard let open = pieces.last(UInt8(ascii: "("), in: line.lowerBound..<file.range.lowerBound),
              let close = pieces.last(UInt8(ascii: ")"), in: file.range.upperBound..<line.upperBound) else { return }
        for option in pieces.split((open + 1)..<close, on: UInt8(ascii: ",")) {
            if let colon = pieces.first(UInt8(ascii: ":"), in: option) {
                add(pieces.trim(option.lowerBound..<colon), .property)
            } else {
                add(option, .property)
            }
        }
    }

    // MARK: People

    /// `Navn (A), Navn (V)` on a field's line.
    mutating func peopleValue(_ range: Range<Int>) {
        for parts in pieces.people(range, ownLine: false) { person(parts) }
    }

    /// One person (or substitution) a line below a field.
    mutating func peopleLines(_ body: [BlockSyntax], substitutions: Bool) {
        for block in body {
            let lines: [Range<Int>] = switch block {
            case .paragraph(let paragraph): paragraph.lines
            case .list(let list): list.entries.flatMap(\.lines)
            case .table, .keyword: []
            }
            for line in lines {
                if substitutions {
                    substitution(line)
                } else {
                    for parts in pieces.people(line, ownLine: true) { person(parts) }
                }
            }
        }
    }

    mutating func person(_ parts: TextPieces.PersonParts?) {
        guard let parts else { return }
        add(parts.name, .variable)
        add(parts.party, .enumMember)
        add(parts.role, .property)
    }

    mutating func substitution(_ range: Range<Int>) {
        let parts = pieces.substitution(range)
        person(parts.substitute)
        add(parts.replaced, .variable)
    }

    // MARK: Prose

    mutating func prose(_ blocks: [BlockSyntax]) {
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                for line in paragraph.lines { inline(line) }
            case .list(let list):
                for entry in list.entries {
                    for line in entry.lines { inline(line) }
                    prose(entry.children)
                }
            case .table(let table):
                for row in table.rows where !row.isSeparator { for cell in row.cells { inline(cell) } }
            case .keyword(let line):
                if line.keyword.role == .heading { add(line.valueRange, .function) }
            }
        }
    }

    /// Bold and italic runs (markers included), link targets and escapes of one line.
    mutating func inline(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        inline(InlineParser.parse(bytes, range), modifiers: 0)
    }

    mutating func inline(_ nodes: [InlineSyntax], modifiers: UInt32) {
        for node in nodes {
            switch node {
            case .text(let range):
                if modifiers != 0 { add(range, .string, modifiers) }
            case .strong(let inner, let range):
                emphasis(inner, range: range, width: 2, modifiers: modifiers | SemanticTokenModifier.bold.bit)
            case .emphasis(let inner, let range):
                emphasis(inner, range: range, width: 1, modifiers: modifiers | SemanticTokenModifier.italic.bit)
            case .link(let inner, let url, _):
                inline(inner, modifiers: modifiers)
                add(url, .string, modifiers)
            case .escaped(_, let range):
                add(range, .macro)
            }
        }
    }

    mutating func emphasis(_ inner: [InlineSyntax], range: Range<Int>, width: Int, modifiers: UInt32) {
        guard range.count >= 2 * width else { return }
        add(range.lowerBound..<(range.lowerBound + width), .string, modifiers)
        inline(inner, modifiers: modifiers)
        add((range.upperBound - width)..<range.upperBound, .string, modifiers)
    }

    // MARK: Result

    /// Sorted, split at line breaks, overlaps dropped (the earlier, longer
    /// token wins), neighbours of the same kind joined.
    func finished() -> [SemanticToken] {
        var split: [SemanticToken] = []
        split.reserveCapacity(tokens.count)
        for token in tokens {
            var start = token.range.lowerBound
            var line = source.line(containing: start)
            while start < token.range.upperBound {
                let end = min(token.range.upperBound, source.lineRange(line).upperBound)
                if end > start { split.append(SemanticToken(range: start..<end, type: token.type, modifiers: token.modifiers)) }
                line += 1
                guard line < source.lineCount else { break }
                start = source.lineStart(line)
            }
        }
        split.sort { ($0.range.lowerBound, -$0.range.upperBound) < ($1.range.lowerBound, -$1.range.upperBound) }
        var result: [SemanticToken] = []
        for token in split {
            if let last = result.last {
                if token.range.lowerBound < last.range.upperBound { continue }
                if token.range.lowerBound == last.range.upperBound, token.type == last.type, token.modifiers == last.modifiers,
                   source.line(containing: token.range.lowerBound) == source.line(containing: last.range.lowerBound) {
                    result[result.count - 1].range = last.range.lowerBound..<token.range.upperBound
                    continue
                }
            }
            result.append(token)
        }
        return result
    }
}

import AgendaBase
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Turns the syntax tree into the model. Every word of the source ends up in
/// the model; what cannot be placed is reported and kept (as an untitled
/// section or the preamble), never dropped.
public struct Lowering {
    let source: SourceText
    var diagnostics: [Diagnostic] = []
    /// Names that `beslutning: Navn` is read as who decided: the settings'
    /// committees and the meeting's own, normalised (`WorkspaceSettings.normalizedCommitteeName`).
    var knownBodies: Set<String> = []
    /// The meeting's date, for the fix that dates a `beslutning:` line.
    var meetingDate: CalendarDate?
    /// Lines the parser reported as a misspelt keyword (AG105); text they start is not reported again.
    var typoLineStarts: Set<Int> = []
    /// The scanned lines, for the fail-safe look at an item's lines (`FailSafeFlags`).
    /// (`scannedLines.firstLine` is not 0 when one segment is lowered alone.)
    var scannedLines = ScannedLines()

    /// `committees`: the committees the workspace settings name.
    public static func lower(_ syntax: DocumentSyntax, committees: [String] = []) -> (meeting: Meeting, diagnostics: [Diagnostic]) {
        var lowering = Lowering(source: syntax.source)
        lowering.knownBodies = Set(committees.map(WorkspaceSettings.normalizedCommitteeName))
        lowering.typoLineStarts = Set(syntax.diagnostics.lazy.filter { $0.rule == .possibleKeywordTypo }.map(\.range.lowerBound))
        let meeting = lowering.meeting(syntax)
        return (meeting, lowering.diagnostics)
    }

    init(source: SourceText) { self.source = source }

    func text(_ range: Range<Int>) -> String { source.text(range) }

    mutating func report(_ rule: Rule, _ range: Range<Int>, _ message: String, fixes: [Fix] = []) {
        diagnostics.append(Diagnostic(rule, range, message, fixes: fixes))
    }

    // MARK: The meeting

    mutating func meeting(_ syntax: DocumentSyntax) -> Meeting {
        scannedLines = syntax.lines
        var meeting = header(syntax.header)
        prepareForItems(meeting)
        var previousNumber: Int?
        // exactly as many as the tree has: growing by doubling would hold twice the items for a moment
        meeting.items.reserveCapacity(syntax.items.count)
        for itemSyntax in syntax.items {
            let item = item(itemSyntax, after: previousNumber)
            previousNumber = item.number
            meeting.items.append(item)
        }
        if let signatures = syntax.signatures { meeting.signatures = self.signatures(signatures) }
        return meeting
    }

    /// The meeting's own fields, from the entries before the first item.
    mutating func header(_ entries: [EntrySyntax]) -> Meeting {
        var meeting = Meeting()
        var seen = SeenKeywords()
        for entry in entries {
            guard let line = entry.line else {
                meeting.preamble += blocks(entry.body)
                continue
            }
            let keyword = line.keyword
            if !keyword.takesPeople, keyword.role == .field, let first = seen[keyword] {
                report(.duplicateField, line.keywordRange,
                       "`\(text(line.keywordRange)):` is given twice (first on line \(source.line(containing: first.lowerBound) + 1)); only the first counts, so remove one")
                meeting.preamble.append(kept(line))
                continue
            }
            seen.record(keyword, line.range)
            let value = text(line.valueRange)
            switch keyword {
            case .committee: meeting.committee = required(line).map { Located($0, line.valueRange) }
            case .municipality: meeting.municipality = required(line).map { Located($0, line.valueRange) }
            case .place: meeting.place = required(line).map { Located($0, line.valueRange) }
            case .documentKind:
                if let kind = DocumentKind.named(value) {
                    meeting.kind = kind
                } else {
                    report(.unknownDocumentKind, line.valueRange.isEmpty ? line.range : line.valueRange,
                           "'\(value)' is not a document kind; write `dagsorden` (agenda) or `referat` (minutes)")
                }
            case .date:
                meeting.date = date(line)
                if meeting.date == nil { meeting.preamble.append(kept(line)) }
            case .time:
                switch MeetingTime.read(value) {
                case .time(let time): meeting.time = Located(time, line.valueRange)
                case .invalid(let reason):
                    report(.invalidTime, line.valueRange.isEmpty ? line.range : line.valueRange, "'\(value)' is not a time: \(reason)")
                    meeting.preamble.append(kept(line))
                }
            case .participants: meeting.participants += people(line, entry.body)
            case .absent: meeting.absentees += people(line, entry.body)
            case .substitutes: meeting.substitutes += substitutions(line, entry.body)
            default:
                // misplaced (reported by the parser): keep the words
                meeting.preamble.append(kept(line))
                meeting.preamble += blocks(entry.body)
                continue
            }
            if !keyword.takesPeople && keyword != .substitutes { keepStrayBody(entry, into: &meeting.preamble) }
        }
        return meeting
    }

    /// What the items read from the meeting's fields: its committee as a deciding body, its date.
    mutating func prepareForItems(_ meeting: Meeting) {
        if let committee = meeting.committee?.value { knownBodies.insert(WorkspaceSettings.normalizedCommitteeName(committee)) }
        meetingDate = meeting.date?.value
    }

    mutating func signatures(_ entry: EntrySyntax) -> Signatures? {
        guard let line = entry.line else { return nil }
        let value = text(line.valueRange).lowercased()
        let signatures = Signatures(digital: value.hasPrefix("digital"), signers: peopleLines(entry.body), range: entry.range)
        if !value.isEmpty && !value.hasPrefix("digital") && value != "papir" && value != "paper" {
            report(.unreadableListLine, line.valueRange, "'\(text(line.valueRange))' after `underskrifter:` is not understood; write `digital`, or nothing for a paper sheet")
        }
        return signatures
    }

    /// A field's value, reporting when it is empty.
    mutating func required(_ line: KeywordLine) -> String? {
        let value = text(line.valueRange)
        if value.isEmpty {
            report(.missingValue, line.range, "`\(text(line.keywordRange)):` has no value; write it after the colon")
            return nil
        }
        return value
    }

    mutating func date(_ line: KeywordLine) -> Located<CalendarDate>? {
        guard let value = required(line) else { return nil }
        switch CalendarDate.read(value) {
        case .date(let date): return Located(date, line.valueRange)
        case .nonexistent(let reason):
            report(.invalidDate, line.valueRange, "'\(value)' does not exist: \(reason); correct the date")
        case .unreadable:
            report(.invalidDate, line.valueRange, "'\(value)' is not a date; write it as 2026-05-04, 04-05-2026 or 4. maj 2026")
        }
        return nil
    }

    /// Text below a one-line field is not the field's: report it and keep it.
    mutating func keepStrayBody(_ entry: EntrySyntax, into blocks: inout [Block]) {
        guard let first = entry.body.first else { return }
        blocks += self.blocks(entry.body)
        guard !typoLineStarts.contains(first.range.lowerBound) else { return }  // one mistake, one finding
        report(.textOutsideSection, source.lineRange(source.line(containing: first.range.lowerBound)),
               "text below `\(entry.line.map { text($0.keywordRange) } ?? "")` does not belong to that field; put a section keyword such as `sagsfremstilling:` above it")
    }

    // MARK: People

    mutating func people(_ line: KeywordLine, _ body: [BlockSyntax]) -> [Person] {
        var result = commaSeparatedPeople(line.valueRange)
        result += peopleLines(body)
        return result
    }

    /// `Navn (A), formand, Navn (V)` on one line.
    func commaSeparatedPeople(_ range: Range<Int>) -> [Person] {
        peopleWithRoles(range, ownLine: false)
    }

    /// One person a line (`- Navn (A), formand`), from lists or plain lines; a
    /// line may also hold several, as on the field's own line.
    mutating func peopleLines(_ body: [BlockSyntax]) -> [Person] {
        lineRanges(body).flatMap { peopleWithRoles($0, ownLine: true) }
    }

    /// People separated by commas. A piece with no party is the role of the
    /// person before it when `RoleWords` says it is one; on a line of its own,
    /// the second of exactly two pieces is always the first one's role
    /// (`- Anna Hansen, Projektleder`), as it always was.
    func peopleWithRoles(_ range: Range<Int>, ownLine: Bool) -> [Person] {
        let pieces = splitOutsideParentheses(range, separator: UInt8(ascii: ","))
        var result: [Person] = []
        for (index, piece) in pieces.enumerated() {
            guard var person = person(piece) else { continue }
            if person.party == nil, var owner = result.last,
               RoleWords.isRole(Substring(person.name)) || (ownLine && pieces.count == 2 && index == 1) {
                owner.role = owner.role.map { "\($0), \(person.name)" } ?? person.name
                owner.range = owner.range.lowerBound..<piece.upperBound
                result[result.count - 1] = owner
                continue
            }
            person.range = piece
            result.append(person)
        }
        return result
    }

    /// Every written line of a body: list entries (nested too) and paragraph lines.
    func lineRanges(_ body: [BlockSyntax]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        func visit(_ blocks: [BlockSyntax]) {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph): ranges += paragraph.lines
                case .list(let list):
                    for entry in list.entries {
                        ranges += entry.lines
                        visit(entry.children)
                    }
                // cells, not rows: `fmt` re-pads a row (`|x` becomes `| x |`), its cells stay
                case .table(let table): ranges += table.rows.filter { !$0.isSeparator }.flatMap(\.cells)
                case .keyword(let line): ranges.append(source.trimmingSpaces(line.range))
                }
            }
        }
        visit(body)
        return ranges
    }

    /// `Navn (A)`: one person, the party optional; roles are read by `peopleWithRoles`.
    func person(_ range: Range<Int>) -> Person? {
        var raw = text(range).trimmedSpaces
        if raw.isEmpty || raw == "-" { return nil }
        var party: String?
        if raw.hasSuffix(")"), let open = raw.lastIndex(of: "(") {
            party = raw[raw.index(after: open)..<raw.index(before: raw.endIndex)].trimmedSpaces
            raw = raw[..<open].trimmedSpaces
        }
        return Person(name: raw, party: party?.isEmpty == true ? nil : party, range: range)
    }

    mutating func substitutions(_ line: KeywordLine, _ body: [BlockSyntax]) -> [Substitution] {
        var ranges = splitOutsideParentheses(line.valueRange, separator: UInt8(ascii: ","))
        ranges += lineRanges(body)
        var result: [Substitution] = []
        for range in ranges {
            let raw = text(range)
            guard !raw.trimmedSpaces.isEmpty else { continue }
            guard let split = raw.rangeOfFirst(" for ") else {
                report(.unreadableListLine, range, "'\(raw)' is not a substitution; write `Stedfortræder (Parti) for Medlem`")
                continue
            }
            let substituteText = String(raw[..<split.lowerBound])
            let substitute = person(range.lowerBound..<(range.lowerBound + substituteText.utf8.count))
                ?? Person(name: substituteText, range: range)
            result.append(Substitution(substitute: substitute, replaces: raw[split.upperBound...].trimmedSpaces, range: range))
        }
        return result
    }

    /// Splits a range at `separator` bytes that are not inside parentheses; pieces are trimmed.
    func splitOutsideParentheses(_ range: Range<Int>, separator: UInt8) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var depth = 0
        var start = range.lowerBound
        for index in range {
            let byte = source.bytes[index]
            if byte == UInt8(ascii: "(") { depth += 1 } else if byte == UInt8(ascii: ")") { depth = max(0, depth - 1) } else if byte == separator, depth == 0 {
                pieces.append(trim(start..<index))
                start = index + 1
            }
        }
        pieces.append(trim(start..<range.upperBound))
        return pieces.filter { !$0.isEmpty }
    }

    func trim(_ range: Range<Int>) -> Range<Int> { source.trimmingSpaces(range) }
}

/// The keywords met so far in one place, for "given twice" findings. A few
/// entries at most, so a list beats hashing the keyword's name each time.
struct SeenKeywords {
    private var entries: [(Keyword, Range<Int>)] = []

    subscript(keyword: Keyword) -> Range<Int>? {
        entries.first { $0.0 == keyword }?.1
    }

    mutating func record(_ keyword: Keyword, _ range: Range<Int>) {
        if let index = entries.firstIndex(where: { $0.0 == keyword }) { entries[index].1 = range } else { entries.append((keyword, range)) }
    }
}

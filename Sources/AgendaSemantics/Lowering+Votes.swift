import AgendaBase
import AgendaSyntax

/// Votes, named members and conflicts of interest, read from their lines.
extension Lowering {
    // MARK: What is voted on

    /// `afstemning: indstillingen`, `afstemning: punkt 2`, or a proposal's title.
    func voteSubject(_ line: KeywordLine) -> Located<Vote.Subject> {
        let value = text(line.valueRange)
        var folded = TextNormalization.nfc(value).lowercased()
        while let last = folded.last, last == "." || last == ":" { folded.removeLast() }
        if folded.hasPrefix("om ") { folded.removeFirst(3) }
        folded = folded.trimmedSpaces
        let range = line.valueRange.isEmpty ? line.keywordRange : line.valueRange
        // empty: the recommendation, unless a proposal is written out below (decided once the lines are read)
        if folded.isEmpty { return Located(.proposal(""), range) }
        if VoteWords.recommendation.contains(folded) { return Located(.recommendation, range) }
        for prefix in VoteWords.pointPrefixes where folded.hasPrefix(prefix + " ") {
            if let number = Int(folded.dropFirst(prefix.count).trimmedSpaces), number >= 0 { return Located(.point(number), range) }
        }
        // `afstemning: om ændringsforslag fra Ø` prints "Afstemning om ændringsforslag fra Ø"
        let title = value.lowercased().hasPrefix("om ") ? value.dropFirst(3).trimmedSpaces : value
        return Located(.proposal(title), range)
    }

    // MARK: Sides in the decision's parts

    /// A side joins the vote just above it; without one (or when that vote has
    /// this side already) it opens a vote of its own, on the recommendation.
    /// Returns the names' splitter when they go on below the line.
    mutating func addSide(_ field: KeywordLine, to parts: inout [DecisionPart]) -> NameSplitter? {
        let kind = VoteSide.Kind(field.keyword) ?? .inFavour
        let (side, open) = voteSide(field, kind: kind)
        if case .vote(var vote)? = parts.last {
            if let earlier = vote.side(kind) {
                report(.duplicateField, field.keywordRange,
                       "this vote already has `\(text(field.keywordRange)):` (line \(source.line(containing: earlier.range.lowerBound) + 1)); start the next vote with `afstemning:` above its sides")
            } else {
                parts.removeLast()
                vote.sides.append(side)
                vote.range = vote.range.lowerBound..<max(vote.range.upperBound, field.range.upperBound)
                parts.append(.vote(vote))
                return open
            }
        }
        parts.append(.vote(Vote(subject: nil, sides: [side], range: field.range)))
        return open
    }

    /// The paragraph below a side whose names are still open: its lines up to
    /// the closing parenthesis are names, the rest are the side's reasons.
    /// False when `block` was not read (it is not a paragraph).
    mutating func readMoreNames(_ splitter: NameSplitter, from block: BlockSyntax, into parts: inout [DecisionPart]) -> Bool {
        guard case .vote(var vote)? = parts.last, !vote.sides.isEmpty else { return false }
        parts.removeLast()
        var splitter = splitter
        let last = vote.sides.count - 1
        var consumed = false
        if case .paragraph(let paragraph) = block {
            var rest = paragraph.lines[...]
            while splitter.isOpen, let next = rest.first {
                splitter.feed(next, source.bytes)
                rest = rest.dropFirst()
            }
            if let first = rest.first, let lastLine = rest.last {
                vote.sides[last].reasons.append(.paragraph(inlines(lines: Array(rest)), range: first.lowerBound..<lastLine.upperBound))
            }
            vote.range = vote.range.lowerBound..<max(vote.range.upperBound, block.range.upperBound)
            consumed = true
        }
        finishNames(splitter, into: &vote.sides[last])
        parts.append(.vote(vote))
        return consumed
    }

    mutating func reportEmptySides(_ vote: Vote) {
        for side in vote.sides where side.count == nil && side.voters.isEmpty && side.parties.isEmpty && !side.namesElided {
            let keyword = side.kind.keyword.canonical
            report(.missingValue, side.range,
                   "`\(keyword):` needs the number of votes and/or the names after the colon: `\(keyword): 2 (Anna Ærø (A), Hanne Lund (løsgænger))`")
        }
    }

    // MARK: One side

    /// `for: 20 (Bo Hilsted (A), …)`: the count, then the names in parentheses
    /// (or directly after the count). When the parenthesis stays open at the
    /// line's end, the names go on below; the returned splitter takes those lines.
    mutating func voteSide(_ field: KeywordLine, kind: VoteSide.Kind) -> (side: VoteSide, openNames: NameSplitter?) {
        var side = VoteSide(kind: kind, label: heading(for: field), count: nil, voters: [], parties: [], namesElided: false, reasons: [], range: field.range)
        let bytes = source.bytes
        let end = field.valueRange.upperBound
        var cursor = field.valueRange.lowerBound
        var digitsEnd = cursor
        while digitsEnd < end, digitsEnd - cursor < 7, bytes[digitsEnd] >= 0x30, bytes[digitsEnd] <= 0x39 { digitsEnd += 1 }
        if digitsEnd > cursor, digitsEnd == end || !(bytes[digitsEnd] >= 0x30 && bytes[digitsEnd] <= 0x39) {
            let number = bytes[cursor..<digitsEnd].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            side.count = Located(number, cursor..<digitsEnd)
            cursor = digitsEnd
        }
        cursor = skipSeparator(from: cursor, to: end)
        let enclosed = cursor < end && bytes[cursor] == UInt8(ascii: "(")
        if enclosed { cursor += 1 }
        var splitter = NameSplitter(enclosed: enclosed)
        if cursor < end || enclosed { splitter.feed(cursor..<end, bytes) }
        if splitter.isOpen { return (side, splitter) }
        finishNames(splitter, into: &side)
        return (side, nil)
    }

    /// Spaces and one `:`, `-` or `–` between the count and the names.
    func skipSeparator(from start: Int, to end: Int) -> Int {
        let bytes = source.bytes
        var cursor = start
        while cursor < end, bytes[cursor] == 0x20 { cursor += 1 }
        if cursor < end, bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: "-") {
            cursor += 1
        } else if cursor + 2 < end, bytes[cursor] == 0xE2, bytes[cursor + 1] == 0x80, bytes[cursor + 2] == 0x93 {
            cursor += 3
        }
        while cursor < end, bytes[cursor] == 0x20 { cursor += 1 }
        return cursor
    }

    /// The names of a side once all its lines are read; text after the closing
    /// parenthesis (other than a full stop) is reported: reasons go below.
    mutating func finishNames(_ splitter: NameSplitter, into side: inout VoteSide) {
        for piece in splitter.pieces {
            for part in piecesAroundOg(trim(piece)) {
                switch namePiece(part) {
                case .person(let person): side.voters.append(person)
                case .party(let party): side.parties.append(party)
                case .elided: side.namesElided = true
                }
            }
        }
        if let after = splitter.closedAt, let lineEnd = splitter.closingLineEnd {
            let trailing = trim(after..<lineEnd)
            if !trailing.isEmpty, text(trailing) != "." {
                report(.unreadableListLine, trailing,
                       "'\(text(trailing))' after the names is not understood; write the side's reasons on the lines below it")
            }
        }
        if splitter.isOpen, let last = splitter.pieces.last {
            report(.unreadableListLine, last, "the names' parenthesis is never closed; end the names with `)`")
        }
    }

    /// The names below a side written as a list, one member a line (`- Bo Hilsted (A)`).
    func listedVoters(_ block: BlockSyntax) -> [Person] {
        lineRanges([block]).compactMap { range in
            switch namePiece(trim(range)) {
            case .person(let person): person
            case .party(let party): Person(name: party.value, range: party.range)
            case .elided: nil
            }
        }
    }

    enum NamePiece {
        case person(Person)
        case party(Located<String>)
        /// `…`: names left out.
        case elided
    }

    /// `A og V` → two pieces; a byte scan, as a side may name thousands of members.
    func piecesAroundOg(_ range: Range<Int>) -> [Range<Int>] {
        let bytes = source.bytes
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index + 4 <= range.upperBound {
            if bytes[index] == 0x20, bytes[index + 1] == UInt8(ascii: "o"), bytes[index + 2] == UInt8(ascii: "g"), bytes[index + 3] == 0x20 {
                pieces.append(trim(start..<index))
                start = index + 4
                index += 4
            } else {
                index += 1
            }
        }
        pieces.append(trim(start..<range.upperBound))
        return pieces.filter { !$0.isEmpty }
    }

    /// A member is written with the party in parentheses (`Bo Hilsted (A)`,
    /// `Hanne Lund (løsgænger)`) or after the word `løsgænger`; anything else is a party.
    func namePiece(_ range: Range<Int>) -> NamePiece {
        let bytes = source.bytes
        // the common case first, on bytes: `Navn (Parti)`
        if let last = range.last, bytes[last] == UInt8(ascii: ")"), bytes[range].contains(UInt8(ascii: "(")), let person = person(range) {
            return .person(person)
        }
        let raw = text(range)
        if raw == "…" || raw == "..." { return .elided }
        let lowered = raw.lowercased()
        for word in VoteWords.independent where lowered.hasPrefix(word + " ") {
            let written = String(raw.prefix(word.count))
            let name = raw.dropFirst(word.count).trimmedSpaces
            return .person(Person(name: name, party: written, range: range))
        }
        return .party(Located(raw, range))
    }

    /// `flertal: A, V og Hanne Lund (løsgænger)`: the parties, and the members named beside them.
    func partiesAndMembers(_ range: Range<Int>) -> (parties: [Located<String>], members: [Person]) {
        var parties: [Located<String>] = []
        var members: [Person] = []
        for piece in splitOutsideParentheses(range, separator: UInt8(ascii: ",")).flatMap(piecesAroundOg) {
            switch namePiece(piece) {
            case .person(let person): members.append(person)
            case .party(let party): parties.append(party)
            case .elided: break
            }
        }
        return (parties, members)
    }

    // MARK: Conflicts of interest

    /// `inhabil: Per Clausen (Ø)`; the reason is the lines below.
    mutating func conflict(_ line: KeywordLine, reason: [Block]) -> ConflictOfInterest {
        let people = splitOutsideParentheses(line.valueRange, separator: UInt8(ascii: ",")).flatMap(splitOnOg)
            .compactMap { person($0) }
        if people.isEmpty {
            report(.missingValue, line.range, "`\(text(line.keywordRange)):` needs who is disqualified after the colon: `inhabil: Per Clausen (Ø)`, the reason on the lines below")
        }
        return ConflictOfInterest(people: people, reason: reason, range: line.range)
    }
}

/// Splits a side's names at commas outside parentheses, line by line, until the
/// parenthesis that opened the names closes. Pieces never span lines.
struct NameSplitter {
    /// The names stand inside `( … )`, so a closing parenthesis at depth 0 ends them.
    let enclosed: Bool
    private var depth = 0
    private(set) var pieces: [Range<Int>] = []
    /// Just after the closing parenthesis.
    private(set) var closedAt: Int?
    /// The end of the line where the names closed.
    private(set) var closingLineEnd: Int?

    init(enclosed: Bool) { self.enclosed = enclosed }

    var isOpen: Bool { enclosed && closedAt == nil }

    mutating func feed(_ range: Range<Int>, _ bytes: [UInt8]) {
        guard closedAt == nil else { return }
        var start = range.lowerBound
        for index in range {
            switch bytes[index] {
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                if depth == 0, enclosed {
                    pieces.append(start..<index)
                    closedAt = index + 1
                    closingLineEnd = range.upperBound
                    return
                }
                depth = max(0, depth - 1)
            case UInt8(ascii: ","):
                if depth == 0 {
                    pieces.append(start..<index)
                    start = index + 1
                }
            default:
                break
            }
        }
        pieces.append(start..<range.upperBound)
        depth = 0  // a name never runs on to the next line
    }
}

import AgendaBase
import AgendaSemantics

/// Byte-level reading of the small structures inside a line (people, history
/// lines, comma lists), mirroring how lowering reads them but keeping the
/// ranges of each part, which the model does not store.
struct TextPieces {
    let source: SourceText

    var bytes: [UInt8] { source.bytes }

    func byte(_ offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    /// `range` without surrounding spaces and tabs.
    func trim(_ range: Range<Int>) -> Range<Int> { source.trimmingSpaces(range) }

    /// The first offset of `byte` in `range`.
    func first(_ byte: UInt8, in range: Range<Int>) -> Int? {
        clamped(range).first { bytes[$0] == byte }
    }

    /// The last offset of `byte` in `range`.
    func last(_ byte: UInt8, in range: Range<Int>) -> Int? {
        clamped(range).last { bytes[$0] == byte }
    }

    func clamped(_ range: Range<Int>) -> Range<Int> {
        let lower = max(0, min(range.lowerBound, bytes.count))
        return lower..<max(lower, min(range.upperBound, bytes.count))
    }

    /// Pieces between `separator` bytes outside parentheses, trimmed, empty ones dropped.
    func split(_ range: Range<Int>, on separator: UInt8) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var depth = 0
        var start = clamped(range).lowerBound
        for index in clamped(range) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth = max(0, depth - 1)
            } else if byte == separator, depth == 0 {
                pieces.append(trim(start..<index))
                start = index + 1
            }
        }
        pieces.append(trim(start..<clamped(range).upperBound))
        return pieces.filter { !$0.isEmpty }
    }

    /// `A, Æ og O`: party pieces of a `flertal:` value.
    func parties(_ range: Range<Int>) -> [Range<Int>] {
        split(range, on: UInt8(ascii: ",")).flatMap(splitOnOg)
    }

    private func splitOnOg(_ range: Range<Int>) -> [Range<Int>] {
        let og = Array(" og ".utf8)
        var cursor = range.lowerBound
        while cursor + og.count <= range.upperBound {
            if Array(bytes[cursor..<(cursor + og.count)]) == og {
                return [trim(range.lowerBound..<cursor)] + splitOnOg(trim((cursor + og.count)..<range.upperBound))
            }
            cursor += 1
        }
        return [range]
    }

    /// The parts of a person as written: `Navn (A), rolle`.
    struct PersonParts {
        var name: Range<Int>
        var party: Range<Int>?
        var role: Range<Int>?
    }

    /// Reads people as lowering does (`peopleWithRoles`): comma-separated, a
    /// piece that `RoleWords` calls a role belongs to the person before it, and
    /// on a line of its own the second of exactly two pieces is the first one's role.
    func people(_ range: Range<Int>, ownLine: Bool) -> [PersonParts] {
        let pieces = split(range, on: UInt8(ascii: ","))
        var result: [PersonParts] = []
        for (index, piece) in pieces.enumerated() {
            guard let parts = person(piece) else { continue }
            if parts.party == nil, var owner = result.last,
               RoleWords.isRole(Substring(source.text(parts.name))) || (ownLine && pieces.count == 2 && index == 1) {
                owner.role = (owner.role?.lowerBound ?? piece.lowerBound)..<piece.upperBound
                result[result.count - 1] = owner
                continue
            }
            result.append(parts)
        }
        return result
    }

    /// One person, `Navn (A)`, without a role.
    func person(_ range: Range<Int>) -> PersonParts? {
        let whole = trim(range)
        guard !whole.isEmpty, !(whole.count == 1 && bytes[whole.lowerBound] == UInt8(ascii: "-")) else { return nil }
        var head = whole
        var party: Range<Int>?
        if let lastByte = byte(head.upperBound - 1), lastByte == UInt8(ascii: ")"), !head.isEmpty,
           let open = last(UInt8(ascii: "("), in: head) {
            party = trim((open + 1)..<(head.upperBound - 1))
            head = trim(head.lowerBound..<open)
        }
        return PersonParts(name: head, party: party?.isEmpty == true ? nil : party, role: nil)
    }

    /// `Anna Hansen (A) for Jens Friis Felber`: the substitute and the member replaced.
    func substitution(_ range: Range<Int>) -> (substitute: PersonParts?, replaced: Range<Int>?) {
        let whole = trim(range)
        let marker = Array(" for ".utf8)
        var cursor = whole.lowerBound
        while cursor + marker.count <= whole.upperBound {
            if Array(bytes[cursor..<(cursor + marker.count)]) == marker {
                return (person(whole.lowerBound..<cursor), trim((cursor + marker.count)..<whole.upperBound))
            }
            cursor += 1
        }
        return (person(whole), nil)
    }

    /// The parts of a history line: `- Byrådet, 2025-09-30, punkt 4: Godkendt`.
    struct HistoryParts {
        var committee: Range<Int>?
        var date: Range<Int>?
        var itemWord: Range<Int>?
        var itemNumber: Range<Int>?
        var outcome: Range<Int>?
    }

    /// Reads a history line as lowering does (`Treatment`), keeping each part's range.
    func history(_ range: Range<Int>) -> HistoryParts {
        let whole = trim(range)
        var parts = HistoryParts()
        var head = whole
        // the outcome follows the first ": ", or else the last ":"
        var colon: Int?
        for index in whole where bytes[index] == UInt8(ascii: ":") {
            if index + 1 < whole.upperBound, bytes[index + 1] == 0x20 { colon = index; break }
            colon = index
        }
        if let colon {
            head = whole.lowerBound..<colon
            let outcome = trim((colon + 1)..<whole.upperBound)
            if !outcome.isEmpty { parts.outcome = outcome }
        }
        for piece in split(head, on: UInt8(ascii: ",")) {
            let text = source.text(piece)
            let lower = text.lowercased()
            if parts.date == nil, case .date = CalendarDate.read(text) {
                parts.date = piece
            } else if ["punkt ", "pkt. ", "pkt ", "item "].contains(where: { lower.hasPrefix($0) }),
                      let space = last(0x20, in: piece), Int(source.text((space + 1)..<piece.upperBound)) != nil {
                parts.itemWord = trim(piece.lowerBound..<space)
                parts.itemNumber = (space + 1)..<piece.upperBound
            } else if parts.committee == nil {
                parts.committee = piece
            } else if let committee = parts.committee {
                // lowering joins the other pieces into the body: so does the range
                parts.committee = committee.lowerBound..<piece.upperBound
            }
        }
        return parts
    }

    /// The word (letters and digits, any script) around `offset`, if the offset touches one.
    func word(at offset: Int, within line: Range<Int>) -> Range<Int>? {
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
        }
        var lower = max(line.lowerBound, min(offset, line.upperBound))
        var upper = lower
        while lower > line.lowerBound, isWordByte(bytes[lower - 1]) { lower -= 1 }
        while upper < line.upperBound, isWordByte(bytes[upper]) { upper += 1 }
        // never split a multi-byte character at the edges
        while lower < upper, (bytes[lower] & 0xC0) == 0x80 { lower += 1 }
        return lower < upper ? lower..<upper : nil
    }

    /// The run of non-space characters around `offset` within a line.
    func token(at offset: Int, within line: Range<Int>) -> Range<Int>? {
        var lower = max(line.lowerBound, min(offset, line.upperBound))
        var upper = lower
        while lower > line.lowerBound, bytes[lower - 1] != 0x20, bytes[lower - 1] != 0x09 { lower -= 1 }
        while upper < line.upperBound, bytes[upper] != 0x20, bytes[upper] != 0x09 { upper += 1 }
        return lower < upper ? lower..<upper : nil
    }
}

import AgendaSemantics
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The meeting's header: the title line, `Mødedato`, `Mødested`, the
/// participants and absentees, and the contents list.
extension Recognizer {
    mutating func readHeader(_ text: LineText, _ line: ImportLine) {
        if let keyword = peopleBelow {
            // `Deltagere:` alone, one person a line below it
            var person = text.plain
            for marker in ["- ", "* ", "• "] where person.hasPrefix(marker) { person = String(person.dropFirst(marker.count)) }
            let labelled = Self.labelledField(text.plain, allowed: { $0.isAllowed(in: .meeting) }) != nil
            if !labelled, Self.looksLikeNames(person) || person.contains("(") {
                appendPeople(keyword, person)
                countStructure(person)
                return
            }
            peopleBelow = nil
        }
        if ImportPatterns.contentsHeadings.contains(text.folded) && (sawTitle || text.folded != "dagsorden") {
            phase = .contents
            countStructure(text.plain)
            return
        }
        if !sawTitle, readTitle(text) {
            sawTitle = true
            countStructure(text.plain)
            return
        }
        if expectCommittee, let first = text.plain.first, first.isLowercase || draft.hasMeetingField(.committee) {
            // `REFERAT` / `fra ordinært møde torsdag den 18. januar 2024 kl. 15.00`
            expectCommittee = false
            let date = Self.date(in: text.plain), time = Self.time(in: text.plain)
            if let date, !draft.hasMeetingField(.date) { draft.setMeetingField(.date, date) }
            if let time, !draft.hasMeetingField(.time) { draft.setMeetingField(.time, time) }
            if date != nil || time != nil {
                countStructure(text.plain)
                dateJustRead = date != nil
                return
            }
        }
        if expectCommittee, text.looksLikeHeading, !draft.hasMeetingField(.committee) {
            expectCommittee = false
            setCommitteeAndDate(text.plain)
            countStructure(text.plain)
            return
        }
        if readHeaderCells(text) || readStartAndEnd(text) || readMeetingField(text) {
            countStructure(text.plain)
            dateJustRead = draft.hasMeetingField(.date)
            return
        }
        if dateJustRead, !draft.hasMeetingField(.place), text.plain.contains(","), text.looksLikeHeading,
           text.plain.first?.isUppercase == true, text.plain.utf8.count <= 80 {
            // `Rådhuset, udvalgsværelse C` below the date: where the meeting is
            dateJustRead = false
            draft.setMeetingField(.place, text.plain)
            countStructure(text.plain)
            return
        }
        dateJustRead = false
        if let absent = absentSentence(text.plain), absent.lead == nil {
            draft.setMeetingField(.absent, absent.who)
            countStructure(text.plain)
            return
        }
        if ImportPatterns.closedItemHeadings.contains(text.folded) {
            pendingClosed = true
            countStructure(text.plain)
            return
        }
        if ImportPatterns.openItemHeadings.contains(text.folded) {
            countStructure(text.plain)
            return
        }
        if ImportPatterns.supplementaryHeadings.contains(text.folded) {
            supplementaryAgenda(line)
            return
        }
        if readHeaderName(text) {
            countStructure(text.plain)
            return
        }
        unplaced(line, reason: "text of the header that is no meeting field", keptIn: Self.headerComment)
        draft.preamble.append(ProseEscaping.singleLine(text.written))
    }

    /// `Mødedato: 04.05.2026 Mødested: Mødelokale 14`: two cells of a header
    /// table that the text extraction set only one space apart, each read as its field.
    private mutating func readHeaderCells(_ text: LineText) -> Bool {
        let cells = Self.headerCells(text.plain)
        guard cells.count >= 2 else { return false }
        for cell in cells {
            let cellText = LineText(cell)
            guard readStartAndEnd(cellText) || readMeetingField(cellText) else { return false }
        }
        return true
    }

    /// The cells of a header line at each meeting label after the first
    /// (`Mødested`, `Fraværende:`); one cell when there is none. A short label
    /// (`Sted`, `Tid`) splits only with its colon, so a name or a word in a
    /// value is not taken for one.
    static func headerCells(_ plain: String) -> [String] {
        guard plain.utf8.count <= 300, labelledField(plain, allowed: { $0.isAllowed(in: .meeting) }) != nil else { return [plain] }
        let words = plain.split(separator: " ")
        var cells: [String] = []
        var current: [Substring] = []
        for (position, word) in words.enumerated() {
            if position > 0, !current.isEmpty, let first = word.first, first.isUppercase, isHeaderLabel(word) {
                cells.append(current.joined(separator: " "))
                current = []
            }
            current.append(word)
        }
        if !current.isEmpty { cells.append(current.joined(separator: " ")) }
        return cells
    }

    private static func isHeaderLabel(_ word: Substring) -> Bool {
        let colon = word.hasSuffix(":")
        let folded = LineText.fold(String(colon ? word.dropLast() : word))
        guard colon || folded.count >= 5 else { return false }
        if ImportPatterns.absentLabels.contains(folded) || ImportPatterns.participantLabels.contains(folded)
            || ImportPatterns.substituteLabels.contains(folded) { return true }
        guard let spelling = KeywordMatcher.spelling(written: Array(folded.utf8)),
              let keyword = Keyword.allCases.first(where: { $0.spellings.contains(spelling) }) else { return false }
        // the committee's label (`Møde`, `Udvalg`) is a word of many values
        return keyword.isAllowed(in: .meeting) && keyword != .committee && keyword != .municipality
    }

    /// `Møde start: 09:00` and `Møde slut: 11:15` → `tid: 09:00-11:15`.
    private mutating func readStartAndEnd(_ text: LineText) -> Bool {
        let isStart = ImportPatterns.meetingStartLabels.contains { text.folded.hasPrefix($0) }
        let isEnd = ImportPatterns.meetingEndLabels.contains { text.folded.hasPrefix($0) }
        guard isStart || isEnd, let clock = Self.clockTime(in: text.plain) else { return false }
        let existing = draft.meetingFields.first(where: { $0.0 == Keyword.time.canonical })?.1
        if isStart || existing == nil {
            draft.setMeetingField(.time, clock)
        } else if let existing, !existing.contains("-") {
            draft.meetingFields.removeAll { $0.0 == Keyword.time.canonical }
            draft.setMeetingField(.time, existing + "-" + clock)
        }
        return true
    }

    /// `16.00 – 18.30` → `16.00-18.30`: a span of two clock times, as `tid:` writes it.
    static func clockRange(_ value: String) -> String? {
        let parts = value.split(whereSeparator: { $0 == "–" || $0 == "-" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = clockTime(in: parts[0]), start == parts[0], let end = clockTime(in: parts[1]), end == parts[1] else {
            return nil
        }
        return start + "-" + end
    }

    /// The first `9:00`, `09.00` or `15:30` in a text.
    static func clockTime(in text: String) -> String? {
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            var word = Substring(token)
            while let last = word.last, last == "." || last == ":" { word = word.dropLast() }
            let parts = word.split(whereSeparator: { $0 == ":" || $0 == "." })
            guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
                  let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { continue }
            return String(word)
        }
        return nil
    }

    /// Where a comment for header text is.
    static let headerComment = "a comment in the meeting's header"

    /// A line of the header that is only a name: the municipality (`Odense
    /// Kommune`, above the title as agendac's own PDFs and many others print
    /// it) or the committee (`Kultur- og Fritidsudvalget` above the title).
    private mutating func readHeaderName(_ text: LineText) -> Bool {
        let name = text.plain
        guard name.utf8.count <= 80, text.looksLikeHeading else { return false }
        let words = name.split(separator: " ")
        if words.count >= 2, words.count <= 4, words.last == "Kommune", BodyNames.looksLikeName(name) {
            if let known = draft.meetingFields.first(where: { $0.0 == Keyword.municipality.canonical }) { return known.1 == name }
            draft.setMeetingField(.municipality, name)
            return true
        }
        if let committee = draft.meetingFields.first(where: { $0.0 == Keyword.committee.canonical })?.1, committee == name {
            // the committee again below a title that named it (`Referat – Ældreudvalget` / `Ældreudvalget`)
            return true
        }
        if !draft.hasMeetingField(.committee), BodyNames.isBodyLike(name) {
            draft.setMeetingField(.committee, name)
            return true
        }
        return false
    }

    /// `REFERAT Beskæftigelsesudvalget d. 13-01-2026`, `Dagsorden til mødet i Byrådet den 12. maj 2026`.
    private mutating func readTitle(_ text: LineText) -> Bool {
        for (word, kind) in ImportPatterns.documentWords {
            guard text.folded == word || text.folded.hasPrefix(word + " ") else { continue }
            draft.setMeetingField(.documentKind, kind)
            isMinutes = kind == "referat"
            var rest = String(text.plain.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
            for linker in ImportPatterns.titleLinkers where LineText.fold(String(rest.prefix(linker.count))) == linker {
                rest = String(rest.dropFirst(linker.count)).trimmingCharacters(in: .whitespaces)
                break
            }
            if rest.isEmpty {
                expectCommittee = true
            } else {
                setCommitteeAndDate(rest)
            }
            return true
        }
        return false
    }

    /// `Beskæftigelsesudvalget d. 13-01-2026` → the committee and, when written, the date.
    mutating func setCommitteeAndDate(_ text: String) {
        var committee = text
        for marker in [" d. ", " den ", " - ", " – ", ", "] {
            guard let range = text.rangeOfLast(marker) else { continue }
            let tail = String(text[range.upperBound...])
            if let date = Self.date(in: tail) {
                committee = String(text[..<range.lowerBound])
                if !draft.hasMeetingField(.date) { draft.setMeetingField(.date, date) }
                break
            }
        }
        committee = committee.trimmingCharacters(in: .whitespaces)
        if !committee.isEmpty { draft.setMeetingField(.committee, committee) }
    }

    /// `Mødedato Mandag d. 04. maj 2026 kl. 15:00`, `Mødested: C3.40`,
    /// `Mødedeltagere …`, `Fraværende: …`, `Afbud: …`.
    private mutating func readMeetingField(_ text: LineText) -> Bool {
        guard let (keyword, value) = Self.labelledField(text.plain, allowed: { $0.isAllowed(in: .meeting) }) else { return false }
        switch keyword {
        case .date:
            if let date = Self.date(in: value) {
                draft.meetingFields.removeAll { $0.0 == Keyword.date.canonical }
                draft.setMeetingField(.date, date)
            }
            if let time = Self.time(in: value) { draft.setMeetingField(.time, time) }
            if Self.date(in: value) == nil && Self.time(in: value) == nil { return false }
        case .time:
            // `Mødetidspunkt: 12.03.2024 kl. 08:30` gives the date too
            if let date = Self.date(in: value), !draft.hasMeetingField(.date) { draft.setMeetingField(.date, date) }
            guard let time = Self.time(in: value) ?? Self.clockRange(value) ?? (value.isEmpty ? nil : value) else { return false }
            draft.setMeetingField(.time, time)
        case .participants, .absent, .substitutes:
            if value.isEmpty {
                peopleBelow = keyword
                return true
            }
            appendPeople(keyword, value)
        case .committee:
            setCommitteeAndDate(value)
        default:
            guard !value.isEmpty else { return false }
            draft.setMeetingField(keyword, value)
        }
        return true
    }

    private mutating func appendPeople(_ keyword: Keyword, _ value: String) {
        var value = value
        // `Stedfortræder: Helle Frederiksen (Ø)` with one member absent: the
        // language writes whom a substitute replaces, and there is only one
        if keyword == .substitutes, !value.contains(" for "),
           let absent = draft.meetingFields.first(where: { $0.0 == Keyword.absent.canonical })?.1,
           !absent.contains(","), !absent.contains(" og ") {
            value += " for " + absent
        }
        if let existing = draft.meetingFields.firstIndex(where: { $0.0 == keyword.canonical }) {
            draft.meetingFields[existing].1 += ", " + value
        } else {
            draft.setMeetingField(keyword, value)
        }
    }

    mutating func readContents(_ text: LineText, _ line: ImportLine) {
        if let entry = LineReading.contentsEntry(line.text.replacingOccurrences(of: "**", with: "")) {
            // `Pkt. 42 Budget`: the entry's title without the item's number
            var title = entry.title
            if let start = itemStart(LineText(entry.title)) { title = start.title }
            contents.append((title, entry.page, line))
            contentsKeys.insert(Self.titleKey(title))
            report.contentsEntries += 1
            return
        }
        if readMeetingField(text) {
            countStructure(text.plain)
            return
        }
        // a line without a page number: a group heading or a wrapped title of the
        // list, or the text after a list that ends without a mark; either way it is
        // kept (as a comment in the header), and a sentence, a case number or a section
        // heading ends the list
        if Self.sectionKeyword(text.folded) != nil || LineReading.caseNumber(text, patterns: caseNumberPatterns) != nil || !text.looksLikeHeading {
            phase = .header
        }
        unplaced(line, reason: "line without a page number where the contents list was read", keptIn: Self.headerComment)
        draft.preamble.append(ProseEscaping.singleLine(text.written))
    }

    /// "Tillægsdagsorden": the language has no mark for items added to the
    /// agenda, so the heading is kept as a comment above the next item.
    mutating func supplementaryAgenda(_ line: ImportLine) {
        pendingComments.append("// " + line.text.trimmingCharacters(in: .whitespaces))
        unplaced(line, reason: "the language has no mark for a supplementary agenda", keptIn: "a comment above the next item")
    }

    mutating func readSignature(_ text: LineText, _ line: ImportLine) {
        // `Underskrifter` / `Godkendes digitalt af:`: the sheet is signed by click
        if ImportPatterns.digitalSignatureHeadings.contains(text.folded), draft.signatures?.count == 1 {
            draft.signatures = ["\(Keyword.signatures.canonical): digital"]
            countStructure(text.plain)
            return
        }
        var written = text.plain
        if written.hasPrefix("- ") || written.hasPrefix("* ") { written = String(written.dropFirst(2)) }
        if written.allSatisfy({ $0 == "_" || $0 == "." || $0 == " " || $0 == "\t" }) { return }
        // signers side by side (`Kristian Tørning      Lars Bjerre`), as a sheet is laid out
        let names = Self.sideBySide(written)
        for name in names {
            let signer = ProseEscaping.singleLine(name.filter { $0 != "_" }).trimmingCharacters(in: .whitespaces)
            guard !signer.isEmpty else { continue }
            countStructure(signer)
            draft.signatures?.append("- " + signer)
        }
    }

    /// `Kristian Tørning      Lars Bjerre` → both: cells set apart by a tab or three spaces or more.
    static func sideBySide(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for character in line {
            if character == " " {
                spaces += 1
                continue
            }
            if character == "\t" || spaces >= 3 {
                if !current.isEmpty { cells.append(current) }
                current = ""
            } else if spaces > 0, !current.isEmpty {
                current += String(repeating: " ", count: spaces)
            }
            spaces = 0
            if character != "\t" { current.append(character) }
        }
        if !current.isEmpty { cells.append(current) }
        return cells
    }

    // MARK: - Readings shared with items

    /// `Label: value`, `Label value` or `**Label** value`, where the label is a
    /// keyword (or an absentee/participant/substitute label of other layouts).
    static func labelledField(_ plain: String, allowed: (Keyword) -> Bool) -> (Keyword, String)? {
        let candidates: [(label: String, value: String)] = {
            var found: [(String, String)] = []
            if let colon = plain.firstIndex(of: ":"), plain.distance(from: plain.startIndex, to: colon) <= 40 {
                found.append((String(plain[..<colon]), String(plain[plain.index(after: colon)...])))
            }
            let words = plain.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
            for count in stride(from: min(3, words.count), through: 1, by: -1) {
                let label = words.prefix(count).joined(separator: " ")
                let value = words.dropFirst(count).joined(separator: " ")
                found.append((label, value))
            }
            return found
        }()
        for (label, value) in candidates {
            let folded = LineText.fold(label.trimmingCharacters(in: .whitespaces))
            let cleanValue = value.trimmingCharacters(in: .whitespaces)
            let keyword: Keyword?
            if ImportPatterns.absentLabels.contains(folded) {
                keyword = .absent
            } else if ImportPatterns.participantLabels.contains(folded) {
                keyword = .participants
            } else if ImportPatterns.substituteLabels.contains(folded) {
                keyword = .substitutes
            } else if let spelling = KeywordMatcher.spelling(written: Array(folded.utf8)) {
                keyword = Keyword.allCases.first { $0.spellings.contains(spelling) }
            } else {
                keyword = nil
            }
            if let keyword, allowed(keyword) { return (keyword, cleanValue) }
        }
        return nil
    }

    /// `X deltog ikke i mødet.` → `X`; `Godkendt. X deltog ikke i mødet.` → `X`
    /// with the sentences before it (`Godkendt.`) as `lead`.
    func absentSentence(_ plain: String) -> (lead: String?, who: String)? {
        guard plain.utf8.count <= 300 else { return nil }
        var sentence = plain
        while let last = sentence.last, last == "." || last == " " { sentence.removeLast() }
        for ending in ImportPatterns.absentSentenceEndings where sentence.hasSuffix(ending) {
            var who = String(sentence.dropLast(ending.count)).trimmingCharacters(in: .whitespaces)
            var lead: String?
            if let stop = who.rangeOfLast(". ") {
                lead = String(who[..<stop.lowerBound]) + "."
                who = String(who[stop.upperBound...])
            }
            guard Self.looksLikeNames(who) else { continue }
            return (lead, who)
        }
        return nil
    }

    /// `Anna Hansen (A) deltog som stedfortræder for Jens Friis Felber.` → `Anna Hansen (A) for Jens Friis Felber`.
    func substituteSentence(_ plain: String) -> String? {
        guard plain.utf8.count <= 300 else { return nil }
        var sentence = plain
        while let last = sentence.last, last == "." || last == " " { sentence.removeLast() }
        for marker in ImportPatterns.substituteSentenceMarkers {
            guard let range = sentence.rangeOfFirst(marker) else { continue }
            let who = String(sentence[..<range.lowerBound]), forWhom = String(sentence[range.upperBound...])
            guard Self.looksLikeNames(who), Self.looksLikeNames(forWhom) else { continue }
            return "\(who) for \(forWhom)"
        }
        return nil
    }

    /// Capitalised names with parties, joined by `,` and `og`.
    static func looksLikeNames(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 200 else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        guard !words.isEmpty else { return false }
        return words.allSatisfy { word in
            word == "og" || word.first.map { $0.isUppercase || $0 == "(" } == true
        }
    }

    /// The first date in a text, as written when `dato:` reads it, else ISO.
    static func date(in text: String) -> String? {
        guard text.utf8.count <= 400 else { return nil }
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { String($0) }
        for start in tokens.indices {
            if case .date(let date) = CalendarDate.read(tokens[start]) { return date.iso }
            if start + 2 < tokens.count {
                let window = tokens[start...(start + 2)].joined(separator: " ")
                if case .date(let date) = CalendarDate.read(window) { return date.iso }
            }
        }
        return nil
    }

    /// `kl. 15:00`, `kl. 15.00-17.00` → `15:00`, `15.00-17.00`.
    static func time(in text: String) -> String? {
        guard text.utf8.count <= 400 else { return nil }
        let tokens = text.split(separator: " ").map { String($0) }
        guard let marker = tokens.firstIndex(where: { $0.lowercased() == "kl." || $0.lowercased() == "kl" }), marker + 1 < tokens.count else { return nil }
        var time = tokens[marker + 1]
        if marker + 3 < tokens.count, tokens[marker + 2] == "-" || tokens[marker + 2] == "–" { time += "-" + tokens[marker + 3] }
        while let last = time.last, last == "." || last == "," { time.removeLast() }
        guard time.first?.isNumber == true else { return nil }
        return time.replacingOccurrences(of: "–", with: "-")
    }

    /// A title's key for matching an item against the contents list: its first
    /// letters and digits, folded (contents lists cut long titles short).
    static func titleKey(_ title: String) -> String {
        var key = ""
        // a contents list may number its entries as the items are ("83. Godkendelse af dagsorden")
        var folded = Substring(LineText.fold(title))
        if let number = folded.firstIndex(where: { !($0.isASCII && $0.isNumber) }), number != folded.startIndex,
           folded[number] == "." || folded[number] == ":", folded[folded.index(after: number)...].first == " " {
            folded = folded[folded.index(after: number)...].drop { $0 == " " }
        }
        // `Lukket punkt: Personalesag` is the item `Personalesag`, closed
        folded = Substring(closedMark(String(folded)).title)
        for character in folded where character.isLetter || character.isNumber {
            key.append(character)
            if key.count == 16 { break }
        }
        return key
    }
}

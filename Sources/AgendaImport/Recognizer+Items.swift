import AgendaSemantics
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Items: their start in its forms, their fields, sections, recommendation,
/// decision with votes and absentees, and attachments.
extension Recognizer {
    /// `Punkt 11: Titel`, `Pkt. 42 Titel`, `Nr.178 - Titel`, or `11. Titel`
    /// when it is a heading or the contents list names it.
    func itemStart(_ text: LineText) -> (number: String, title: String)? {
        guard text.plain.utf8.count <= 600, previousBlank || text.headingLevel > 0 || text.bold || phase == .contents else { return nil }
        let plain = text.plain
        let folded = text.folded
        for prefix in ImportPatterns.itemPrefixes where folded.hasPrefix(prefix) {
            let rest = plain.dropFirst(prefix.count)
            guard let first = rest.drop(while: { $0 == " " }).first, first.isASCII, first.isNumber else { continue }
            // `Punkt 2 blev godkendt` is a sentence: a separator, a heading or a capital title is needed
            guard let (number, title, separated) = Self.numberAndTitle(rest) else { continue }
            let capital = title.first.map { $0.isUppercase || $0.isNumber } ?? false
            if separated || text.headingLevel > 0 || text.bold || capital { return (number, title) }
        }
        // `11. Titel`: only as a heading, or when the contents list has the title
        // (and is not itself an entry of the list: "2. Titel.....⇥3")
        if phase == .contents, LineReading.contentsEntry(plain) != nil { return nil }
        guard let first = plain.first, first.isASCII, first.isNumber,
              let (number, title, separated) = Self.numberAndTitle(Substring(plain)), separated else { return nil }
        if text.headingLevel > 0 && text.headingLevel <= 2 { return (number, title) }
        if phase != .header, !contentsKeys.isEmpty, contentsKeys.contains(Self.titleKey(title)) {
            // a numbered line whose title is in the contents list, and not a list inside a section
            if case .prose = section, !previousBlank { return nil }
            return (number, title)
        }
        // without a contents list: a title (not a sentence) whose next line is a case number or a section heading
        if contentsKeys.isEmpty, previousBlank, section != .recommendation, followsTheLastItem(number),
           title.last.map({ !".,:;".contains($0) }) ?? false, startsAnItem(after: index) {
            return (number, title)
        }
        return nil
    }

    /// The next number after the last item's (any number for the first item).
    private func followsTheLastItem(_ number: String) -> Bool {
        guard let last = draft.items.last else { return true }
        guard let previous = Int(last.number), let this = Int(number) else { return false }
        return this == previous + 1
    }

    /// Whether the first non-blank line after `position` (within three) is a case
    /// number or a section heading, as below an item's title.
    private func startsAnItem(after position: Int) -> Bool {
        var next = position + 1
        while next < lines.count, next <= position + 3 {
            let text = LineText(lines[next].text)
            if !text.isBlank {
                if text.plain.utf8.count > 60 { return false }
                return LineReading.caseNumber(text, patterns: caseNumberPatterns) != nil || Self.sectionKeyword(text.folded) != nil
            }
            next += 1
        }
        return false
    }

    /// ` 11: Titel` → (`11`, `Titel`, separator written).
    static func numberAndTitle(_ text: Substring) -> (String, String, Bool)? {
        let rest = text.drop { $0 == " " }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        var after = rest.dropFirst(digits.count).drop { $0 == " " }
        var separated = false
        if let separator = after.first, ImportPatterns.itemSeparators.contains(separator) {
            separated = true
            after = after.dropFirst().drop { $0 == " " }
        }
        let title = after.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { return nil }
        return (String(digits), title, separated)
    }

    mutating func startItem(number: String, title: String, line: ImportLine) {
        closePending()
        phase = .items
        section = .none
        recommendationHasValue = false
        sectionLine = -1
        let marked = Self.closedMark(title)
        var item = ItemDraft(number: number, title: ProseEscaping.singleLine(marked.title), sourceLine: line.sourceLine)
        item.closed = pendingClosed || marked.closed
        pendingClosed = false
        item.comments = pendingComments
        pendingComments = []
        draft.items.append(item)
        report.items += 1
        countStructure(line.text)
    }

    /// `Lukket punkt: Ekspropriation` → (`Ekspropriation`, closed): the mark some
    /// layouts print in front of a closed item's title.
    static func closedMark(_ title: String) -> (title: String, closed: Bool) {
        for mark in ImportPatterns.closedItemHeadings {
            let folded = LineText.fold(String(title.prefix(mark.count + 2)))
            guard folded.hasPrefix(mark + ":") || folded.hasPrefix(mark + " -") || folded.hasPrefix(mark + " –") else { continue }
            let rest = title.dropFirst(mark.count + 2).trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty { return (rest, true) }
        }
        return (title, false)
    }

    private var itemIndex: Int { draft.items.count - 1 }

    mutating func readItemLine(_ text: LineText, _ line: ImportLine) {
        guard !draft.items.isEmpty else { return }
        if readPending(text) {
            countStructure(text.plain)
            return
        }
        if section == .none, !draft.items[itemIndex].hasField(.caseNumber), let number = LineReading.caseNumber(text, patterns: caseNumberPatterns) {
            draft.items[itemIndex].setField(.caseNumber, number)
            countStructure(text.plain)
            return
        }
        // `2024-012345` alone on the line under the title, where layouts print the
        // case number: a form the checker reads only when the settings name it
        if section == .none, draft.items[itemIndex].fields.isEmpty, draft.items[itemIndex].body.isEmpty,
           let form = CaseNumberForm.of(text.plain) {
            draft.items[itemIndex].setField(.caseNumber, text.plain)
            report.noteCaseNumberForm(form)
            countStructure(text.plain)
            return
        }
        if Self.isSignatureRule(text.plain), section != .none || !draft.items[itemIndex].body.isEmpty {
            // a paper signature sheet after the last item, without a heading
            startSignatures(digital: false)
            return
        }
        if section == .none, readDistributionLine(text) {
            countStructure(text.plain)
            return
        }
        if readLabelledLine(text) {
            countStructure(text.plain)
            return
        }
        // a heading stands after a blank line, is marked, or is a section's name with its colon (`Beslutning:`)
        let namedWithColon = text.written.hasSuffix(":") && Self.sectionKeyword(text.folded) != nil
        if (previousBlank || text.headingLevel > 0 || text.bold || namedWithColon), text.looksLikeHeading, readHeading(text, line) { return }
        if readSentence(text) {
            countStructure(text.plain)
            return
        }
        readSectionLine(text, line)
    }

    // MARK: - Labels with values below them

    private mutating func readPending(_ text: LineText) -> Bool {
        guard let pending else { return false }
        switch pending {
        case .distributionCodes:
            var line = Substring(text.plain)
            if line.hasPrefix("- ") { line = line.dropFirst(2) }
            let codes = line.split(separator: " ")
            if codes.count >= 1, codes.allSatisfy({ $0.allSatisfy { $0.isUppercase || $0.isNumber } }) {
                self.pending = .distributionMark(String(line))
                return true
            }
            self.pending = nil
            return false
        case .distributionMark(let codes):
            self.pending = nil
            if Self.distributionCodes(text.plain) != nil {
                // codes broken over lines (`Kommunikation DIR` / `BFU SOS`)
                self.pending = .distributionMark(codes + " " + text.plain)
                return true
            }
            if text.folded == "x" {
                // the mark's column is lost in the text; it is put on the first code
                let parts = codes.split(separator: " ", maxSplits: 1)
                let marked = parts.first.map { "\($0)(x)" + (parts.count > 1 ? " " + parts[1] : "") } ?? codes
                draft.items[itemIndex].setField(.distribution, marked)
                return true
            }
            draft.items[itemIndex].setField(.distribution, codes)
            return false
        case .absent(let inDecision):
            self.pending = nil
            guard Self.looksLikeNames(text.plain) else { return false }
            addAbsent(text.plain, inDecision: inDecision)
            return true
        }
    }

    /// `Kommunikation DIR BFU SOS`: the label with its codes on one line (the mark may follow below).
    private mutating func readDistributionLine(_ text: LineText) -> Bool {
        guard let (keyword, value) = Self.labelledField(text.plain, allowed: { $0 == .distribution }), keyword == .distribution,
              let codes = Self.distributionCodes(value) else { return false }
        closePending()
        pending = .distributionMark(codes)
        return true
    }

    /// `DIR BFU SOS`: a line of distribution codes only (two to five capitals or digits each), as written.
    static func distributionCodes(_ line: String) -> String? {
        guard line.utf8.count <= 400 else { return nil }
        let codes = line.split(separator: " ")
        guard !codes.isEmpty, codes.allSatisfy({ code in
            (2...5).contains(code.count) && code.allSatisfy { $0.isUppercase || ($0.isASCII && $0.isNumber) } && code.contains { $0.isLetter }
        }) else { return nil }
        return codes.joined(separator: " ")
    }

    mutating func closePending() {
        if case .distributionMark(let codes) = pending, !draft.items.isEmpty {
            draft.items[itemIndex].setField(.distribution, codes)
        }
        pending = nil
    }

    private mutating func addAbsent(_ who: String, inDecision: Bool) {
        if inDecision {
            draft.items[itemIndex].body.append("\(Keyword.absent.canonical): \(who)")
        } else if draft.items[itemIndex].absentNames.insert(who).inserted {
            draft.items[itemIndex].absent.append(who)
        }
    }

    // MARK: - Headings

    /// A section heading of the seeds or of another layout, or a sub-heading.
    private mutating func readHeading(_ text: LineText, _ line: ImportLine) -> Bool {
        let folded = text.folded
        if let decision = decisionHeading(text.plain) {
            openSection(.decision, line: decision.isEmpty ? "\(Keyword.decision.canonical):" : "\(Keyword.decision.canonical): \(decision)")
            draft.items[itemIndex].hasDecision = true
            countStructure(text.plain)
            return true
        }
        if ImportPatterns.closedItemHeadings.contains(folded) {
            if draft.items[itemIndex].body.isEmpty { draft.items[itemIndex].closed = true } else { pendingClosed = true }
            countStructure(text.plain)
            return true
        }
        if ImportPatterns.openItemHeadings.contains(folded) {
            countStructure(text.plain)
            return true
        }
        if ImportPatterns.supplementaryHeadings.contains(folded) {
            supplementaryAgenda(line)
            return true
        }
        let digital = ImportPatterns.digitalSignatureHeadings.contains(folded)
        if digital || ImportPatterns.signatureHeadings.contains(folded), text.headingLevel <= 2,
           section != .none || draft.items[itemIndex].body.isEmpty == false || signaturesFollow() {
            // the signature sheet after the last item
            startSignatures(digital: digital)
            countStructure(text.plain)
            return true
        }
        if let keyword = Self.sectionKeyword(folded), keyword.keyword == .decision || draft.items[itemIndex].openedSections.insert(keyword.keyword).inserted {
            switch keyword.keyword {
            case .recommendation: openSection(.recommendation, line: "\(keyword.spelling):", headingLevel: text.headingLevel)
            case .decision:
                openSection(.decision, line: "\(keyword.spelling):", headingLevel: text.headingLevel)
                draft.items[itemIndex].hasDecision = true
            case .attachments: openSection(.attachments, line: "\(keyword.spelling):", headingLevel: text.headingLevel)
            default: openSection(.prose(keyword.spelling), line: "\(keyword.spelling):", headingLevel: text.headingLevel)
            }
            countStructure(text.plain)
            return true
        }
        // a section the item has had already (`Sagsfremstilling` after text kept as one) is kept under its own heading
        if ImportPatterns.sectionLabels[folded] == .custom || Self.isHistoryHeading(folded) || Self.sectionKeyword(folded) != nil {
            openSection(.prose(text.plain), line: "\(Keyword.customSection.canonical): \(ProseEscaping.singleLine(text.plain))",
                        headingLevel: text.headingLevel)
            countStructure(text.plain)
            return true
        }
        // a field label alone, its value on the lines below
        if let (keyword, value) = Self.labelledField(text.plain, allowed: { $0.isAllowed(in: .item) || $0.isAllowed(in: .decision) }), value.isEmpty {
            switch keyword {
            case .distribution:
                pending = .distributionCodes
                countStructure(text.plain)
                return true
            case .absent:
                pending = .absent(inDecision: section == .decision)
                countStructure(text.plain)
                return true
            default: break
            }
        }
        return readSubheading(text)
    }

    /// Whether the first non-blank line below this one (within three) opens a
    /// signature sheet (`Godkendes digitalt af:`, a line to sign on): an
    /// `Underskrifter` heading under an item without sections (an agenda's
    /// `Eventuelt`) is then the sheet's heading, not the item's text.
    private func signaturesFollow() -> Bool {
        var next = index + 1
        while next < lines.count, next <= index + 3 {
            let text = LineText(lines[next].text)
            if !text.isBlank {
                return ImportPatterns.digitalSignatureHeadings.contains(text.folded) || Self.isSignatureRule(text.plain)
            }
            next += 1
        }
        return false
    }

    mutating func startSignatures(digital: Bool) {
        closePending()
        phase = .signatures
        section = .none
        draft.signatures = [digital ? "\(Keyword.signatures.canonical): digital" : "\(Keyword.signatures.canonical):"]
    }

    /// `____________________`: the line a member signs on, which starts a paper signature sheet.
    static func isSignatureRule(_ plain: String) -> Bool {
        plain.utf8.count >= 5 && plain.utf8.count <= 2_000 && plain.allSatisfy { $0 == "_" || $0 == " " || $0 == "\t" }
            && plain.contains("_____")
    }

    /// `Beslutning i Byrådet den 12-05-2026` → `Byrådet, 12-05-2026`; `Beslutning i Byrådet` → `Byrådet`.
    private func decisionHeading(_ plain: String) -> String? {
        let folded = LineText.fold(plain)
        for prefix in ImportPatterns.decisionPrefixes where folded.hasPrefix(prefix) {
            let rest = String(plain.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            guard let first = rest.first, first.isUppercase || first.isNumber else { continue }
            if let range = rest.rangeOfLast(" den ") {
                let when = String(rest[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                if case .date = CalendarDate.read(when) {
                    return "\(rest[..<range.lowerBound]), \(when)"
                }
            }
            if case .date = CalendarDate.read(rest) { return rest }
            guard BodyNames.looksLikeName(rest) || BodyNames.isBodyLike(rest) else { continue }
            if let date = draft.meetingFields.first(where: { $0.0 == Keyword.date.canonical })?.1 { return "\(rest), \(date)" }
            return rest
        }
        return nil
    }

    /// A section keyword of the table spelt by a heading, or one of the other
    /// layouts' headings that stand for it; with the spelling to write.
    static func sectionKeyword(_ folded: String) -> (keyword: Keyword, spelling: String)? {
        if case .keyword(let keyword)? = ImportPatterns.sectionLabels[folded] { return (keyword, keyword.canonical) }
        guard folded.utf8.count <= 40, let spelling = KeywordMatcher.spelling(written: Array(folded.utf8)),
              let keyword = Keyword.allCases.first(where: { $0.spellings.contains(spelling) }),
              keyword.role == .section, keyword != .history, keyword != .customSection, !keyword.isClosedItemPublication else { return nil }
        return (keyword, spelling)
    }

    private static func isHistoryHeading(_ folded: String) -> Bool { folded == "sagens gang" || folded == "history" }

    private mutating func openSection(_ kind: Section, line: String, headingLevel: Int = 0) {
        closePending()
        sectionHeadingLevel = headingLevel
        section = kind
        recommendationHasValue = false
        if draft.items[itemIndex].body.last != "" { draft.items[itemIndex].body.append("") }
        sectionLine = draft.items[itemIndex].body.count
        draft.items[itemIndex].body.append(line)
        draft.items[itemIndex].sectionCount += 1
        report.sections += 1
    }

    /// A short line standing alone inside prose: a Markdown heading, a bold
    /// line, or (plain text) a line without a sentence's end between blank lines.
    private mutating func readSubheading(_ text: LineText) -> Bool {
        guard case .prose = section else { return false }
        guard let first = text.plain.first, first.isUppercase || first.isNumber, !text.written.hasSuffix(":") else { return false }
        let marked = text.headingLevel >= 2 || text.bold
        if !marked {
            // a short line alone, not a sentence, a label with its value, or a list entry
            guard text.plain.split(separator: " ").count <= 12, !ProseEscaping.isListMarker(text.written), nextLineIsBlank,
                  text.plain.first?.isNumber == false, !text.plain.contains(". "), !text.plain.contains(": ") else { return false }
        }
        // a Markdown heading two levels below its section's heading is a sub-heading's sub-heading
        let level = sectionHeadingLevel > 0 && text.headingLevel >= sectionHeadingLevel + 2 ? Keyword.subheading : Keyword.heading
        if draft.items[itemIndex].body.last != "" { draft.items[itemIndex].body.append("") }
        draft.items[itemIndex].body.append("\(level.canonical): \(ProseEscaping.singleLine(text.plain))")
        countStructure(text.plain)
        return true
    }

    private var nextLineIsBlank: Bool {
        let next = index + 1
        guard next < lines.count else { return true }
        return lines[next].text.allSatisfy { $0 == " " || $0 == "\t" }
    }

    // MARK: - Labelled lines and sentences

    /// `Sagsbehandler: -`, `Fraværende: X`, `For: 20 (…)`, `Stedfortræder: X for Y`.
    private mutating func readLabelledLine(_ text: LineText) -> Bool {
        guard text.written.contains(":") || text.bold || text.written.hasPrefix("**") else { return false }
        let inDecision = section == .decision
        guard let (keyword, value) = Self.labelledField(text.plain, allowed: { keyword in
            if inDecision && keyword.nestsInDecision { return true }
            return keyword.role == .field && keyword.isAllowed(in: .item)
        }) else { return false }
        if keyword == .absent || keyword == .conflictOfInterest, !value.isEmpty, !Self.looksLikeNames(value) { return false }
        // `For stemte 3 medlemmer: A og F.` is a vote told in words: kept as prose, so none are lost
        if [.votesFor, .votesAgainst, .abstained].contains(keyword), Self.voteSide(value) == nil { return false }
        switch keyword {
        case .absent:
            if value.isEmpty {
                pending = .absent(inDecision: inDecision)
            } else {
                addAbsent(value, inDecision: inDecision)
            }
        case .substitutes:
            return false
        case .caseNumber:
            guard !value.isEmpty else { return false }
            draft.items[itemIndex].setField(.caseNumber, value)
            if CaseNumber.parse(value) == nil, !caseNumberPatterns.contains(where: { $0.matches(value) }), let form = CaseNumberForm.of(value) {
                report.noteCaseNumberForm(form)
            }
        default:
            if keyword == .vote, inDecision {
                // `Afstemning om indstillingen:` → `afstemning: indstillingen`
                var subject = Substring(value)
                if subject.lowercased().hasPrefix("om ") { subject = subject.dropFirst(3) }
                draft.items[itemIndex].body.append("\(keyword.canonical): \(subject)")
            } else if keyword.nestsInDecision && inDecision {
                let spelling = keyword.takesNumber ? "\(keyword.canonical) 1" : keyword.canonical
                let written = Self.voteSide(value) ?? value
                draft.items[itemIndex].body.append(written.isEmpty ? "\(spelling):" : "\(spelling): \(written)")
            } else if keyword.role == .field {
                draft.items[itemIndex].setField(keyword, value)
            } else {
                return false
            }
        }
        return true
    }

    /// A side of a vote in the language's form, its closing full stop dropped:
    /// a number (`20`), members or parties in parentheses after it (`6 (B, Ø)`),
    /// members with their parties (`Bo Hilsted (A), …`), or nothing (names below).
    /// Nil for a side told in words (`3 medlemmer: A og F`).
    static func voteSide(_ value: String) -> String? {
        var side = value.trimmingCharacters(in: .whitespaces)
        if side.hasSuffix("."), !side.hasSuffix("..") { side.removeLast() }
        guard side.utf8.count <= 2_000 else { return nil }
        if side.isEmpty { return side }
        let number = side.prefix { $0.isASCII && $0.isNumber }
        let rest = side.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        if !number.isEmpty {
            if rest.isEmpty { return side }
            // the parenthesis may close on a later line
            return rest.hasPrefix("(") ? side : nil
        }
        // names: each with its party in parentheses, no sentence around them
        guard side.contains("("), !side.contains(":"), side.first?.isUppercase == true else { return nil }
        return side
    }

    /// `Sagen afgøres af Byrådet.`, `X deltog ikke i mødet.`, `X deltog som stedfortræder for Y.`
    private mutating func readSentence(_ text: LineText) -> Bool {
        let plain = text.plain
        if plain.utf8.count <= 200 {
            for (prefix, keyword) in ImportPatterns.authoritySentences where plain.hasPrefix(prefix) && plain.hasSuffix(".") {
                let body = String(plain.dropFirst(prefix.count).dropLast()).trimmingCharacters(in: .whitespaces)
                guard !body.isEmpty, !body.contains(". "), !draft.items[itemIndex].hasField(.concludedIn),
                      !draft.items[itemIndex].hasField(.decidedIn), !draft.items[itemIndex].hasField(.decidedBy) else { continue }
                draft.items[itemIndex].setField(keyword, body)
                return true
            }
        }
        if let absent = absentSentence(plain) {
            if let lead = absent.lead {
                // `Godkendt. Hans Okholm deltog ikke …`: the sentences before it stay prose where they stand
                guard section != .none else { return false }
                draft.items[itemIndex].body.append(ProseEscaping.prose(lead))
                countProse(lead)
            }
            addAbsent(absent.who, inDecision: section == .decision)
            return true
        }
        if section == .decision, let substitution = substituteSentence(plain) {
            draft.items[itemIndex].body.append("\(Keyword.substitute.canonical): \(substitution)")
            return true
        }
        return false
    }

    // MARK: - Section text

    private mutating func readSectionLine(_ text: LineText, _ line: ImportLine) {
        switch section {
        case .attachments:
            var title = text.written
            for marker in ["- ", "* ", "• ", "– "] where title.hasPrefix(marker) { title = String(title.dropFirst(marker.count)) }
            draft.items[itemIndex].body.append("- " + ProseEscaping.singleLine(title))
            countStructure(title)
        case .recommendation:
            if !recommendationHasValue, text.folded.contains("indstiller"), text.written.utf8.count <= 200, !ProseEscaping.isListMarker(text.written) {
                recommendationHasValue = true
                // the line replaces the bare keyword line written when the section opened
                if draft.items[itemIndex].body.indices.contains(sectionLine), draft.items[itemIndex].body[sectionLine].hasSuffix(":") {
                    draft.items[itemIndex].body[sectionLine] += " " + text.written
                    // a blank line kept between the heading and this line would now separate the value from its points
                    if draft.items[itemIndex].body.last == "" && draft.items[itemIndex].body.count == sectionLine + 2 {
                        draft.items[itemIndex].body.removeLast()
                    }
                }
                countStructure(text.written)
                return
            }
            recommendationHasValue = true
            appendProse(text, counted: true)
        case .decision:
            if let parties = Self.position(text.plain) {
                let keyword = parties.majority ? Keyword.majority : Keyword.minority
                draft.items[itemIndex].body.append("\(keyword.canonical): \(parties.names)")
                countStructure(parties.names)
            }
            appendProse(text, counted: false)
        case .prose:
            appendProse(text, counted: false)
        case .none:
            unplaced(line, reason: "text before the item's first section heading", keptIn: "punkt \(draft.items[itemIndex].number), sagsfremstilling")
            draft.items[itemIndex].openedSections.insert(.presentation)
            openSection(.prose(Keyword.presentation.canonical), line: "\(Keyword.presentation.canonical):")
            appendProse(text, counted: nil)
        }
    }

    /// A line of prose, a list entry or a table row, escaped as needed.
    /// `counted`: true counts it as structure, false as prose, nil not at all.
    private mutating func appendProse(_ text: LineText, counted: Bool?) {
        let raw = lines[index].text
        let written: String
        if !ProseEscaping.isListMarker(text.written), let cells = LineReading.tableCells(raw) {
            written = tableRow(cells)
        } else if text.written.hasPrefix("|") {
            written = text.written
        } else if ProseEscaping.isListMarker(text.written) && text.indent >= 2 {
            written = String(repeating: " ", count: min(text.indent, 12)) + text.written
        } else {
            written = ProseEscaping.prose(text.written)
        }
        draft.items[itemIndex].body.append(written)
        switch counted {
        case true?: countStructure(text.written)
        case false?: countProse(text.written)
        case nil: break
        }
    }

    /// `Et flertal i udvalget bestående af Socialdemokratiet og Venstre tiltrådte …`:
    /// a position and its parties as written.
    static func position(_ plain: String) -> (majority: Bool, names: String)? {
        let majority: Bool
        if plain.hasPrefix("Et flertal ") || plain.hasPrefix("Flertallet ") {
            majority = true
        } else if plain.hasPrefix("Et mindretal ") || plain.hasPrefix("Mindretallet ") {
            majority = false
        } else {
            return nil
        }
        guard let marker = plain.rangeOfFirst(" bestående af ") else { return nil }
        var names: [Substring] = []
        for word in plain[marker.upperBound...].split(separator: " ") {
            let bare = word.trimming(charactersIn: ",.()")
            guard let first = bare.first, first.isUppercase || bare == "og" || word.hasPrefix("(") else { break }
            names.append(word)
            if word.hasSuffix(".") { break }
        }
        while let last = names.last, last == "og" { names.removeLast() }
        let written = names.joined(separator: " ").trimming(charactersIn: ",. ")
        return written.isEmpty ? nil : (majority, written)
    }

    /// A tab-separated row as a table row; the first row of a table gets the dash row below it.
    private mutating func tableRow(_ cells: [String]) -> String {
        let row = "| " + cells.map { Self.joiningHyphenatedWords($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        if let last = draft.items[itemIndex].body.last, last.hasPrefix("|") { return row }
        // a new table: its first row is the header
        return row + "\n|" + String(repeating: " --- |", count: cells.count)
    }

    /// `Beskæftigel- sesrettet` → `Beskæftigelsesrettet`: a word broken inside a
    /// table cell. `Social- og` (a shared ending) stays as written.
    static func joiningHyphenatedWords(_ cell: String) -> String {
        guard cell.contains("- ") else { return cell }
        let words = cell.split(separator: " ", omittingEmptySubsequences: false)
        var out: [String] = []
        for word in words {
            if let previous = out.last, previous.count > 1, previous.hasSuffix("-"), let first = word.first, first.isLowercase,
               !["og", "eller", "til", "samt"].contains(word) {
                out[out.count - 1] = String(previous.dropLast()) + word
            } else {
                out.append(String(word))
            }
        }
        return out.joined(separator: " ")
    }

    // MARK: - The end

    mutating func finish() {
        closePending()
        for position in draft.items.indices where isMinutes && !draft.items[position].hasDecision {
            draft.items[position].withoutDecision = true
        }
        crossCheckContents()
    }

    /// Every entry of the contents list should be an item; each that is not is reported.
    private mutating func crossCheckContents() {
        guard !contents.isEmpty else { return }
        var itemKeys: [String: Int] = [:]
        for item in draft.items { itemKeys[Self.titleKey(item.title), default: 0] += 1 }
        for entry in contents {
            let key = Self.titleKey(entry.title)
            if let count = itemKeys[key], count > 0 {
                itemKeys[key] = count - 1
                continue
            }
            if ImportPatterns.signatureHeadings.contains(LineText.fold(entry.title)) && draft.signatures != nil { continue }
            report.findings.append(ImportFinding(sourceLine: entry.line.sourceLine, page: entry.line.page, text: entry.title,
                                                 reason: "the contents list names an item the document does not have",
                                                 keptIn: "nowhere: the contents list is made from the items"))
        }
    }
}

extension ProseEscaping {
    /// A value that must stay on one line (a title, a heading).
    static func singleLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ").trimmingCharacters(in: .whitespaces)
    }
}

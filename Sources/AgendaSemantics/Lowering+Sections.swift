import AgendaBase
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

extension Lowering {
    // MARK: Recommendation

    mutating func recommendation(_ entry: EntrySyntax, line: KeywordLine) -> Recommendation {
        var introRange = line.valueRange
        var body = entry.body
        // the intro may stand on the line below `indstilling:`
        if introRange.isEmpty, case .paragraph(let paragraph)? = body.first, paragraph.lines.count == 1,
           text(paragraph.lines[0]).lowercased().contains("indstiller") {
            introRange = paragraph.lines[0]
            body.removeFirst()
        }
        let intro = text(introRange)
        var recommendedBy: String?
        let introBytes = source.bytes[introRange]
        if let verb = Lowering.indstiller.lazy.compactMap({ introBytes.firstRange(of: $0) }).first {
            recommendedBy = text(introRange.lowerBound..<verb.lowerBound)
        } else if !intro.isEmpty {
            recommendedBy = intro
        }
        var points: [RecommendationPoint] = []
        var other: [Block] = []
        for block in body {
            switch block {
            case .list(let list):
                for listEntry in list.entries {
                    var inlines = inlines(lines: listEntry.lines)
                    for child in blocks(listEntry.children) { inlines.append(.text(" " + plainText(child))) }
                    points.append(RecommendationPoint(marker: listEntry.markerText(in: source), text: merged(inlines), range: listEntry.range))
                }
            case .paragraph(let paragraph):
                var proseLines: [Range<Int>] = []
                func flushProse(_ lowering: Lowering) {
                    guard let first = proseLines.first, let last = proseLines.last else { return }
                    other.append(.paragraph(lowering.inlines(lines: proseLines), range: first.lowerBound..<last.upperBound))
                    proseLines = []
                }
                for lineRange in paragraph.lines {
                    let lineText = text(lineRange)
                    if lineText.count > 3, lineText.prefix(3).lowercased() == "at " {
                        flushProse(self)
                        let rest = trim((lineRange.lowerBound + 3)..<lineRange.upperBound)
                        points.append(RecommendationPoint(marker: String(lineText.prefix(2)), text: inlines(rest), range: lineRange))
                    } else if var last = points.last, last.range.upperBound >= lineRange.lowerBound - 2, proseLines.isEmpty,
                              paragraph.lines.first != lineRange {
                        // a wrapped `at …` point continues on the next line
                        last.text = merged(last.text + [.lineBreak] + inlines(lineRange))
                        last.range = last.range.lowerBound..<lineRange.upperBound
                        points[points.count - 1] = last
                    } else {
                        proseLines.append(lineRange)
                    }
                }
                flushProse(self)
            default:
                other.append(self.block(block))
            }
        }
        return Recommendation(recommendedBy: recommendedBy, intro: intro, points: points, blocks: other, range: entry.range)
    }

    func plainText(_ block: Block) -> String {
        switch block {
        case .paragraph(let inlines, _): inlines.plainText
        case .heading(let text, _, _): text
        case .list(let list): list.entries.map { $0.marker + " " + $0.text.plainText + $0.children.map { " " + plainText($0) }.joined() }.joined(separator: " ")
        case .table(let table): table.rows.map { $0.map(\.plainText).joined(separator: " | ") }.joined(separator: " ")
        }
    }

    // MARK: Decision

    mutating func decision(_ entry: EntrySyntax, line: KeywordLine) -> Decision {
        var decision = Decision(range: entry.range)
        var parts: [DecisionPart] = []
        if let firstLine = readDecidedBy(line, into: &decision) { parts.append(.text([firstLine])) }
        var peopleFollow: KeywordLine?
        var openNames: NameSplitter?
        for block in entry.body {
            if let absentLine = peopleFollow {
                peopleFollow = nil
                if case .list = block, case .absentees(let written)? = parts.last {
                    let listed = people(absentLine, [block])
                    parts[parts.count - 1] = .absentees(Located(written.value + listed, written.range.lowerBound..<block.range.upperBound))
                    continue
                }
            }
            if let splitter = openNames {
                // the names of the side above go on below its line
                openNames = nil
                if readMoreNames(splitter, from: block, into: &parts) { continue }
            } else if case .list = block, case .vote(var vote)? = parts.last, var side = vote.sides.last, side.awaitsListedNames {
                // `for: 3` (or nothing) and the members one a line below
                side.voters = listedVoters(block)
                vote.sides[vote.sides.count - 1] = side
                vote.range = vote.range.lowerBound..<block.range.upperBound
                parts[parts.count - 1] = .vote(vote)
                continue
            }
            guard case .keyword(let field) = block else {
                Lowering.append(self.block(block), to: &parts)
                continue
            }
            let value = text(field.valueRange)
            switch field.keyword {
            case .majority, .minority:
                let (parties, members) = partiesAndMembers(field.valueRange)
                if parties.isEmpty && members.isEmpty {
                    report(.missingValue, field.range, "`\(text(field.keywordRange)):` needs the parties after the colon, separated by commas")
                }
                parts.append(.position(PartyPosition(kind: field.keyword == .majority ? .majority : .minority, parties: parties,
                                                     members: members, statement: [], range: field.range)))
            case .vote:
                parts.append(.vote(Vote(subject: voteSubject(field), range: field.range)))
            case .votesFor, .votesAgainst, .abstained:
                openNames = addSide(field, to: &parts)
            case .conflictOfInterest:
                parts.append(.conflict(conflict(field, reason: [])))
            case .noteForTheRecord:
                parts.append(.note(RecordNote(by: value, text: [], range: field.range)))
            case .outcome:
                if field.number == nil, field.numberRange == nil {
                    report(.missingValue, field.keywordRange, "`\(text(field.keywordRange)):` needs the recommendation point's number: `udfald 1: tiltrådt`")
                }
                if value.isEmpty { report(.missingValue, field.range, "`\(text(field.keywordRange)):` needs the outcome after the colon, such as `tiltrådt`") }
                parts.append(.outcome(PointOutcome(point: field.number, outcome: value, range: field.range)))
            case .substitute:
                parts.append(.substitutes(Located(substitutions(field, []), field.range)))
            case .absent:
                parts.append(.absentees(Located(people(field, []), field.range)))
                if field.valueRange.isEmpty { peopleFollow = field }
            case .heading, .subheading:
                Lowering.append(.heading(value, level: field.keyword.headingLevel ?? 1, range: field.range), to: &parts)
            default:
                Lowering.append(.paragraph([.text(text(field.range))], range: field.range), to: &parts)
            }
        }
        if let splitter = openNames, case .vote(var vote)? = parts.last, !vote.sides.isEmpty {
            finishNames(splitter, into: &vote.sides[vote.sides.count - 1])
            parts[parts.count - 1] = .vote(vote)
        }
        for index in parts.indices {
            guard case .vote(var vote) = parts[index] else { continue }
            reportEmptySides(vote)
            if case .proposal("")? = vote.subject?.value, vote.proposalText.isEmpty, let subject = vote.subject {
                // `afstemning:` alone, nothing written below it: the recommendation
                vote.subject = Located(.recommendation, subject.range)
                parts[index] = .vote(vote)
            }
        }
        decision.parts = parts
        return decision
    }

    /// Prose below a position or a note is its statement, below a vote's
    /// `afstemning:` its proposal, below a side its reasons, below `inhabil:`
    /// the reason; anywhere else it is decision text, a part of its own after a one-line field.
    static func append(_ block: Block, to parts: inout [DecisionPart]) {
        guard var last = parts.popLast() else {
            parts.append(.text([block]))
            return
        }
        // `last` is emptied before the append so the array is not copied: appending stays linear
        switch last {
        case .text(var blocks):
            last = .text([])
            blocks.append(block)
            parts.append(.text(blocks))
        case .position(var position):
            last = .text([])
            position.statement.append(block)
            parts.append(.position(position))
        case .note(var note):
            last = .text([])
            note.text.append(block)
            parts.append(.note(note))
        case .vote(var vote):
            last = .text([])
            if vote.sides.isEmpty {
                vote.proposalText.append(block)
            } else {
                vote.sides[vote.sides.count - 1].reasons.append(block)
            }
            vote.range = vote.range.lowerBound..<max(vote.range.upperBound, block.range.upperBound)
            parts.append(.vote(vote))
        case .conflict(var conflict):
            last = .text([])
            conflict.reason.append(block)
            parts.append(.conflict(conflict))
        default:
            parts.append(last)
            parts.append(.text([block]))
        }
    }

    /// The value on the `beslutning:` line is who decided and/or when when it
    /// reads as such: a date, `Navn, dato`, `Navn den dato`, or a body's name
    /// (the meeting's committee, a committee in the settings, or a name ending
    /// like one, `BodyNames`). A sentence ending in `.` and anything else is the
    /// decision's first line, returned as a paragraph. Works on the source bytes:
    /// this runs for every decision on every keystroke.
    mutating func readDecidedBy(_ line: KeywordLine, into decision: inout Decision) -> Block? {
        let range = line.valueRange
        guard !range.isEmpty else { return nil }
        var split: (bodyEnd: Int, dateStart: Int)?
        if let comma = source.bytes[range].lastIndex(of: UInt8(ascii: ",")) {
            split = (comma, comma + 1)
        } else if let den = lastOccurrence(of: Lowering.den, in: range) {
            split = (den.lowerBound, den.upperBound)
        }
        if let split {
            let dateRange = trim(split.dateStart..<range.upperBound)
            let dateText = text(dateRange)
            let body = text(trim(range.lowerBound..<split.bodyEnd))
            switch CalendarDate.read(dateText) {
            case .date(let date):
                decision.date = Located(date, dateRange)
                decision.decidedBy = body
                return nil
            case .nonexistent(let reason):
                report(.invalidDate, dateRange, "'\(dateText)' does not exist: \(reason); correct the date")
                decision.decidedBy = body
                return nil
            case .unreadable:
                break
            }
        }
        let value = text(range)
        if case .date(let date) = CalendarDate.read(value) {
            decision.date = Located(date, range)
            return nil
        }
        if !value.hasSuffix("."), isKnownBody(value) || BodyNames.isBodyLike(value) {
            decision.decidedBy = value
            return nil
        }
        if !value.hasSuffix("."), value.contains(" "), BodyNames.looksLikeName(value) {
            var fixes = [Fix(title: "End it with a full stop: it is the decision's text", edits: [TextEdit(range: range.upperBound..<range.upperBound, replacement: ".")])]
            if let date = meetingDate {
                fixes.append(Fix(title: "Add the meeting's date: it names who decided", edits: [TextEdit(range: range.upperBound..<range.upperBound, replacement: ", \(date.iso)")]))
            }
            report(.decisionLineAmbiguous, range,
                   "'\(value)' is read as the decision's first line, since it is no known committee; end it with a full stop if it is text, or write `\(value), dato` if it names who decided", fixes: fixes)
        }
        return .paragraph(inlines(range), range: range)
    }

    /// The meeting's committee or one in the settings, ignoring case and a trailing term.
    func isKnownBody(_ value: String) -> Bool {
        knownBodies.contains(WorkspaceSettings.normalizedCommitteeName(value))
    }

    static let den = Array(" den ".utf8)
    static let og = Array(" og ".utf8)

    static let indstiller = [" indstiller", " Indstiller", " INDSTILLER"].map { Array($0.utf8) }

    /// Where `needle` last occurs inside `range` of the source.
    func lastOccurrence(of needle: [UInt8], in range: Range<Int>) -> Range<Int>? {
        source.bytes[range].ranges(of: needle).last
    }

    /// `Socialdemokratiet og Venstre` → two parties.
    func splitOnOg(_ range: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for og in source.bytes[range].ranges(of: Lowering.og) {
            pieces.append(trim(start..<og.lowerBound))
            start = og.upperBound
        }
        pieces.append(trim(start..<range.upperBound))
        return pieces.filter { !$0.isEmpty }
    }

    // MARK: Attachments

    /// One attachment a line: `Titel (fil: bilag/plan.pdf, ikke offentlig)`. A count
    /// written as printed minutes do (`Bilag (3):`, `Bilag: 3 bilag`) is no attachment;
    /// it is checked against the attachments listed.
    mutating func attachments(_ entry: EntrySyntax, line: KeywordLine) -> [Attachment] {
        var ranges = lineRanges(entry.body)
        var count: (written: Int, digits: Range<Int>)?
        if let number = line.number, let range = line.numberRange { count = (number, digits(in: range)) }
        if let written = attachmentCount(line.valueRange) {
            count = written
        } else if !line.valueRange.isEmpty {
            ranges.insert(line.valueRange, at: 0)
        }
        let attachments = ranges.compactMap { attachment($0) }
        if let count, count.written != attachments.count {
            let listed = attachments.count == 1 ? "1 is listed" : "\(attachments.count) are listed"
            report(.attachmentCount, count.digits,
                   "the count says \(count.written) attachment\(count.written == 1 ? "" : "s"), but \(listed) below; correct the count, or leave it out",
                   fixes: [Fix(title: "Change the count to \(attachments.count)", edits: [TextEdit(range: count.digits, replacement: String(attachments.count))])])
        }
        return attachments
    }

    /// `3`, `3 bilag`, `(3)` as the value of `bilag:`: the number and where its digits stand.
    func attachmentCount(_ range: Range<Int>) -> (written: Int, digits: Range<Int>)? {
        guard !range.isEmpty else { return nil }
        let digits = digits(in: range)
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        let rest = text(digits.upperBound..<range.upperBound).trimmedSpaces.lowercased()
        let before = text(range.lowerBound..<digits.lowerBound).trimmedSpaces
        guard before.isEmpty || before == "(", ["", ")", "bilag", "stk.", "stk"].contains(rest) else { return nil }
        return (Int(text(digits)) ?? 0, digits)
    }

    /// The first run of digits in `range` (empty at its end when there is none).
    func digits(in range: Range<Int>) -> Range<Int> {
        let bytes = source.bytes
        var start = range.lowerBound
        while start < range.upperBound, !(bytes[start] >= 0x30 && bytes[start] <= 0x39) { start += 1 }
        var end = start
        while end < range.upperBound, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
        return start..<end
    }

    /// The `(` that the final `)` of `text` closes, so that a file name with
    /// parentheses of its own (`fil: bilag/plan (rev. 2).pdf`) stays whole.
    static func openingParenthesis(closedAtEndOf text: String.UnicodeScalarView) -> String.UnicodeScalarView.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            switch text[index] {
            case ")": depth += 1
            case "(":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    mutating func attachment(_ range: Range<Int>) -> Attachment? {
        let raw = text(range).trimmedSpaces
        guard !raw.isEmpty else { return nil }
        var title = raw
        var file: Located<String>?
        var isPublic = true
        // by scalars: an invisible joiner after `(` would make `(` part of another character
        let scalars = raw.unicodeScalars
        // unbalanced (`(a) ikke offentlig)`): the last `(`, so that a note is still read and nothing published by mistake
        if scalars.last == ")", let open = Lowering.openingParenthesis(closedAtEndOf: scalars) ?? scalars.lastIndex(of: "("),
           open < scalars.index(before: scalars.endIndex) {
            let inside = String(scalars[scalars.index(after: open)..<scalars.index(before: scalars.endIndex)])
            var understood = false
            let insideStart = range.lowerBound + text(range).utf8.count - raw.utf8.count + String(scalars[...open]).utf8.count
            var offset = insideStart
            for part in inside.split(separator: ",", omittingEmptySubsequences: false) {
                let partLength = part.utf8.count
                let word = part.trimmedSpaces
                let lower = word.lowercased()
                if lower.hasPrefix("fil:") || lower.hasPrefix("file:") {
                    let path = word[word.index(after: word.firstIndex(of: ":") ?? word.startIndex)...].trimmedSpaces
                    let leading = part.utf8.count - part.drop(while: { $0 == " " }).utf8.count
                    let pathStart = offset + leading + word.utf8.count - path.utf8.count
                    // offsets counted in decoded text are only byte offsets when the line is valid UTF-8
                    let pathRange = pathStart..<(pathStart + path.utf8.count)
                    file = Located(path, text(range).utf8.count == range.count ? pathRange : range)
                    understood = true
                } else if Keyword.withheldAttachmentWords.contains(lower) {
                    isPublic = false
                    understood = true
                } else if ["offentlig", "public"].contains(lower) {
                    understood = true
                } else if FailSafeFlags.meansWithheld(lower) {
                    // `ikke-offentlig`, `ikke offentligt`, `fortroligt`: withheld all the same
                    isPublic = false
                    understood = true
                    let leading = part.utf8.count - part.drop(while: { $0 == " " }).utf8.count
                    let counted = (offset + leading)..<(offset + leading + word.utf8.count)
                    // offsets counted in decoded text are off when the line holds invalid
                    // UTF-8 (each bad byte decodes to three): then the finding covers the line
                    let exact = counted.lowerBound >= range.lowerBound && counted.upperBound <= range.upperBound
                    let wordRange = exact ? counted : range
                    let meant = Keyword.withheldAttachmentWords[0]
                    report(.nearMissWithheldAttachment, wordRange,
                           "'\(Lowering.visible(word))' is not the attachment note `\(meant)` but looks meant as it: the attachment is kept out of public versions all the same, and the public version is refused until the note is written `\(meant)`",
                           fixes: exact ? [Fix(title: "Write `\(meant)`", edits: [TextEdit(range: wordRange, replacement: meant)])] : [])
                }
                offset += partLength + 1
            }
            if understood { title = String(scalars[..<open]).trimmedSpaces }
        }
        return Attachment(title: title, file: file, isPublic: isPublic, range: range)
    }

    // MARK: History

    /// One earlier treatment a line: `Byrådet, 2025-09-30, punkt 4: Godkendt`.
    mutating func history(_ entry: EntrySyntax, line: KeywordLine) -> [Treatment] {
        var ranges = lineRanges(entry.body)
        if !line.valueRange.isEmpty { ranges.insert(line.valueRange, at: 0) }
        return ranges.compactMap { range in
            let raw = text(range).trimmedSpaces
            guard !raw.isEmpty else { return nil }
            var head = raw
            var outcome: String?
            if let colon = raw.rangeOfFirst(": ") ?? raw.rangeOfLast(":") {
                head = String(raw[..<colon.lowerBound])
                let rest = raw[colon.upperBound...].trimmedSpaces
                outcome = rest.isEmpty ? nil : rest
            }
            let parts = head.split(separator: ",").map { $0.trimmedSpaces }
            var body: [String] = []
            var date: CalendarDate?
            var itemNumber: Int?
            for part in parts {
                let lower = part.lowercased()
                if date == nil, case .date(let value) = CalendarDate.read(part) {
                    date = value
                } else if lower.hasPrefix("punkt ") || lower.hasPrefix("pkt. ") || lower.hasPrefix("pkt ") || lower.hasPrefix("item "),
                          let number = Int(lower.split(separator: " ").last ?? "") {
                    itemNumber = number
                } else {
                    body.append(part)
                }
            }
            if date == nil {
                report(.unreadableHistory, range, "'\(raw)' has no date that can be read; write `- Udvalg, 2025-09-30, punkt 4: Udfald`")
            }
            return Treatment(body: body.joined(separator: ", "), date: date, itemNumber: itemNumber, outcome: outcome, text: raw, range: range)
        }
    }
}

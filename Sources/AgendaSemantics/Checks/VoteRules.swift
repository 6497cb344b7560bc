import AgendaBase
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Votes, named members of a majority or minority, and conflicts of interest,
/// against the item's attendance and the workspace's members. Every lookup is a
/// set or dictionary built once, so the work is linear in the names written.
enum VoteRules {
    /// `roll`: the meeting's, built once for all its items.
    static func itemFindings(_ item: Item, roll: Roll, source: SourceText) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for conflict in item.conflicts where conflict.reason.isEmpty && !conflict.people.isEmpty {
            findings.append(Diagnostic(.conflictWithoutReason, source.trimmingSpaces(conflict.range),
                "the minutes do not say why \(names(conflict.people)) \(conflict.people.count == 1 ? "is" : "are") disqualified; write the reason on the line below `inhabil:`"))
        }
        guard let decision = item.decision, !decision.votes.isEmpty || decision.positions.contains(where: { !$0.members.isEmpty }) else { return findings }
        let attendance = Attendance(item, decision: decision, roll: roll)
        for vote in decision.votes {
            findings += check(vote, item: item, attendance: attendance, roll: roll, source: source)
        }
        for position in decision.positions {
            let phrase = position.kind == .majority ? "is named in the majority" : "is named in a minority"
            for member in position.members {
                if let finding = attendanceFinding(member, key: Roll.key(member.name), phrase: phrase, item: item, attendance: attendance, roll: roll, source: source) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    static func check(_ vote: Vote, item: Item, attendance: Attendance, roll: Roll, source: SourceText) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if vote.sides.isEmpty {
            findings.append(Diagnostic(.voteWithoutSides, source.trimmingSpaces(source.lineRange(source.line(containing: vote.range.lowerBound))),
                "the vote records no sides; write `for:`, `imod:` and `undlod at stemme:` below it, each with the number of votes and/or the names"))
        }
        if let subject = vote.subject, case .point(let number) = subject.value {
            let points = item.recommendation?.points.count ?? 0
            if number < 1 || number > points {
                let has = points == 0 ? "item \(item.number) has no recommendation points" : "the recommendation has \(points) point\(points == 1 ? "" : "s")"
                findings.append(Diagnostic(.voteOnMissingPoint, subject.range, "\(has), so there is no point \(number) to vote on; check the number"))
            }
        }
        var seen: [String: Range<Int>] = [:]
        for side in vote.sides {
            if let count = side.count, side.namesAreComplete, count.value != side.voters.count {
                let counted = side.voters.count
                findings.append(Diagnostic(.voteCountMismatch, count.range,
                    "`\(side.kind.keyword.canonical):` gives \(count.value) vote\(count.value == 1 ? "" : "s"), but names \(counted) member\(counted == 1 ? "" : "s"); correct the number, or add the missing names",
                    fixes: [Fix(title: "Change the number to \(counted)", edits: [TextEdit(range: count.range, replacement: String(counted))])]))
            } else if let count = side.count, !side.voters.isEmpty, side.voters.count > count.value {
                findings.append(Diagnostic(.voteCountMismatch, count.range,
                    "`\(side.kind.keyword.canonical):` gives \(count.value) vote\(count.value == 1 ? "" : "s"), but names more members (\(side.voters.count)); correct the number or the names"))
            }
            if let settings = roll.settings, !settings.parties.isEmpty {
                for party in side.parties where settings.partyName(party.value) == nil {
                    findings.append(Diagnostic(.unknownParty, party.range,
                        "'\(party.value)' is not a party in \(settings.url.lastPathComponent); write a letter or name listed under `parties`, or a member as `Navn (Parti)`"))
                }
            }
            for voter in side.voters {
                let key = Roll.key(voter.name)
                if let first = seen[key] {
                    findings.append(Diagnostic(.voterNamedTwice, voter.range,
                        "\(voter.name) is already named in this vote (line \(source.line(containing: first.lowerBound) + 1)); a member votes once, so remove one",
                        fixes: removal(of: voter, from: side, source: source)))
                    continue
                }
                seen[key] = voter.range
                if var finding = attendanceFinding(voter, key: key, phrase: "votes", item: item, attendance: attendance, roll: roll, source: source) {
                    if finding.rule == .absentVoter || finding.rule == .disqualifiedVoter { finding.fixes += removal(of: voter, from: side, source: source) }
                    findings.append(finding)
                }
            }
        }
        // more votes than present only when nothing else is wrong with the vote: one mistake, one finding
        if findings.isEmpty, let present = attendance.present, vote.total > present {
            let range = source.trimmingSpaces(vote.subject == nil ? (vote.sides.first?.range ?? vote.range) : vote.range.lowerBound..<source.lineRange(source.line(containing: vote.range.lowerBound)).upperBound)
            findings.append(Diagnostic(.moreVotesThanPresent, range,
                "the vote counts \(vote.total) votes, but only \(present) member\(present == 1 ? " is" : "s are") present for item \(item.number) (\(roll.basis), less those absent and disqualified); check the counts, `fraværende:` and `inhabil:`"))
        }
        return findings
    }

    /// One finding at most for a named member: disqualified, absent, not a participant, not a member, or another party.
    static func attendanceFinding(_ person: Person, key: String, phrase: String, item: Item, attendance: Attendance, roll: Roll,
                                  source: SourceText) -> Diagnostic? {
        if let conflict = attendance.disqualified[key] {
            return Diagnostic(.disqualifiedVoter, person.range,
                "\(person.name) \(phrase), but is disqualified for item \(item.number) (`inhabil:` on line \(source.line(containing: conflict.lowerBound) + 1)) and so takes no part in it; remove the name or correct `inhabil:`")
        }
        if let absence = attendance.absence(key) {
            return Diagnostic(.absentVoter, person.range,
                "\(person.name) \(phrase), but is absent for item \(item.number) (line \(source.line(containing: absence.lowerBound) + 1)); remove the name or correct the absence")
        }
        if !roll.participants.isEmpty, !roll.participants.contains(key), !attendance.isSubstitute(key) {
            return Diagnostic(.voterNotParticipant, person.range,
                "\(person.name) \(phrase), but is not among the participants (`deltagere:`) or substitutes; add them there or check the spelling")
        }
        guard let committee = roll.committee, let settings = roll.settings, !committee.members.isEmpty else { return nil }
        guard let member = roll.members[key] else {
            if attendance.isSubstitute(key) { return nil }  // substitutes are not members
            return Diagnostic(.unknownMember, person.range,
                "\(person.name) is not a member of \(committee.name) in \(settings.url.lastPathComponent); check the spelling or add the member")
        }
        return partyFinding(person, member: member, settings: settings, source: source)
    }

    /// The party written after a member against the one in the settings.
    static func partyFinding(_ person: Person, member: WorkspaceSettings.Member, settings: WorkspaceSettings, source: SourceText) -> Diagnostic? {
        guard let written = person.party else { return nil }
        let listedIndependent = member.party.map { $0.isEmpty || VoteWords.isIndependent($0) } ?? true
        let same: Bool
        if person.isIndependent || listedIndependent {
            same = person.isIndependent && listedIndependent
        } else if let writtenName = settings.partyName(written), let listedName = member.party.flatMap(settings.partyName) {
            same = writtenName == listedName
        } else {
            same = TextNormalization.nfc(written).lowercased() == TextNormalization.nfc(member.party ?? "").lowercased()
        }
        if same { return nil }
        let listed = listedIndependent ? VoteWords.independent[0] : (member.party ?? "")
        let listedText = listedIndependent ? "an independent member (\(listed))" : "a member of \(listed)\(settings.partyName(listed).map { " (\($0))" } ?? "")"
        var fixes: [Fix] = []
        if let partyRange = partyRange(of: person, source: source) {
            fixes.append(Fix(title: "Change the party to \(listed)", edits: [TextEdit(range: partyRange, replacement: listed)]))
        }
        return Diagnostic(.voterPartyDiffers, person.range,
            "\(person.name) is written (\(written)), but \(settings.url.lastPathComponent) lists them as \(listedText); correct the party",
            fixes: fixes)
    }

    /// Takes a member out of a side's names on its line (with the comma beside
    /// it), and one vote off the side's number when the number counts them.
    /// Nothing for members written one a line, where the line is theirs to delete.
    static func removal(of voter: Person, from side: VoteSide?, source: SourceText) -> [Fix] {
        let bytes = source.bytes
        let name = source.trimmingSpaces(voter.range)
        // names may run over several lines, so line breaks count as space here
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var before = name.lowerBound
        while before > 0, isSpace(bytes[before - 1]) { before -= 1 }
        var after = name.upperBound
        while after < bytes.count, isSpace(bytes[after]) { after += 1 }
        let previous: UInt8? = before > 0 ? bytes[before - 1] : nil
        let next: UInt8? = after < bytes.count ? bytes[after] : nil
        let cut: Range<Int>
        if next == UInt8(ascii: ",") {
            var end = after + 1
            while end < bytes.count, bytes[end] == 0x20 { end += 1 }  // the next name's line break stays
            cut = name.lowerBound..<end
        } else if previous == UInt8(ascii: ",") {
            cut = (before - 1)..<name.upperBound
        } else if previous == UInt8(ascii: "("), next == UInt8(ascii: ")") {
            // the only name: the parentheses go too
            var start = before - 1
            while start > 0, bytes[start - 1] == 0x20 { start -= 1 }
            cut = start..<(after + 1)
        } else {
            return []
        }
        var edits = [TextEdit(range: cut, replacement: "")]
        if let side, let count = side.count, count.value > 0,
           count.value == side.voters.count || !side.parties.isEmpty || side.namesElided {
            edits.insert(TextEdit(range: count.range, replacement: String(count.value - 1)), at: 0)
        }
        return [Fix(title: "Remove \(voter.name) from the vote", edits: edits)]
    }

    /// The party inside the trailing parentheses of `Bo Hilsted (A)`.
    static func partyRange(of person: Person, source: SourceText) -> Range<Int>? {
        let range = source.trimmingSpaces(person.range)
        let bytes = source.bytes
        guard range.count > 2, bytes[range.upperBound - 1] == UInt8(ascii: ")"),
              let open = bytes[range].lastIndex(of: UInt8(ascii: "(")) else { return nil }
        let inner = source.trimmingSpaces((open + 1)..<(range.upperBound - 1))
        return inner.isEmpty ? nil : inner
    }

    static func names(_ people: [Person]) -> String {
        people.map(\.name).joined(separator: ", ")
    }
}

/// The meeting's roll, built once: participants, substitutes, absentees, committee
/// members, and how many were present at the meeting.
struct Roll {
    var participants: Set<String>
    var substitutes: Set<String>
    /// Absent from the meeting, or replaced by a substitute, with where it is written.
    var absent: [String: Range<Int>]
    var settings: WorkspaceSettings?
    var committee: WorkspaceSettings.Committee?
    var members: [String: WorkspaceSettings.Member]
    /// Who is counted: the participants, or else the committee's members (empty: not known).
    var base: Set<String>
    var basis: String
    /// Meeting substitutes not in `base`.
    var extra: Set<String>
    /// Those of `base` and `extra` absent from the meeting.
    var away: Set<String>

    init(_ meeting: Meeting, context: CheckContext) {
        participants = Set(meeting.participants.map { Roll.key($0.name) })
        substitutes = Set(meeting.substitutes.map { Roll.key($0.substitute.name) })
        absent = [:]
        for person in meeting.absentees where absent[Roll.key(person.name)] == nil { absent[Roll.key(person.name)] = person.range }
        for substitution in meeting.substitutes where absent[Roll.key(substitution.replaces)] == nil {
            absent[Roll.key(substitution.replaces)] = substitution.range
        }
        settings = context.settings
        committee = meeting.committee.flatMap { context.settings?.committee(named: $0.value) }
        members = [:]
        for member in committee?.members ?? [] where members[Roll.key(member.name)] == nil { members[Roll.key(member.name)] = member }
        if !participants.isEmpty {
            base = participants
            basis = "the participants and substitutes"
        } else {
            base = Set(members.keys)
            basis = "the committee's members and substitutes"
        }
        extra = substitutes.subtracting(base)
        away = []
        for key in absent.keys where base.contains(key) || extra.contains(key) { away.insert(key) }
    }

    func counts(_ key: String) -> Bool { base.contains(key) || extra.contains(key) }

    /// A name folded for comparing (NFC, lower case, single spaces), on bytes:
    /// this runs once for every member named, and a vote may name thousands.
    static func key(_ name: String) -> String {
        let folded = KeywordMatcher.fold(name.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(folded.count)
        for byte in folded {
            if byte == 0x20 || byte == 0x09 {
                if let last = out.last, last != 0x20 { out.append(0x20) }
            } else {
                out.append(byte)
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Who may vote on one item: the meeting's roll, less the item's own absentees
/// and disqualified members, plus its own substitutes. Holds only the item's
/// names; the meeting's are looked up in the roll, never copied.
struct Attendance {
    let roll: Roll
    /// Absent for the item (or replaced for it), with where it is written.
    var itemAbsent: [String: Range<Int>] = [:]
    /// Disqualified (`inhabil:`), with the line.
    var disqualified: [String: Range<Int>] = [:]
    var itemSubstitutes: Set<String> = []
    /// Members present for the item, when the participants or the committee's members are known.
    var present: Int?

    init(_ item: Item, decision: Decision, roll: Roll) {
        self.roll = roll
        for person in item.absentees where itemAbsent[Roll.key(person.name)] == nil { itemAbsent[Roll.key(person.name)] = person.range }
        for substitution in decision.substitutes {
            itemSubstitutes.insert(Roll.key(substitution.substitute.name))
            if itemAbsent[Roll.key(substitution.replaces)] == nil { itemAbsent[Roll.key(substitution.replaces)] = substitution.range }
        }
        for conflict in item.conflicts {
            for person in conflict.people where disqualified[Roll.key(person.name)] == nil { disqualified[Roll.key(person.name)] = conflict.range }
        }
        guard !roll.base.isEmpty else { return }
        let extra = itemSubstitutes.filter { !roll.counts($0) }
        var away: Set<String> = []
        for key in Array(itemAbsent.keys) + Array(disqualified.keys) where !roll.away.contains(key) && (roll.counts(key) || extra.contains(key)) {
            away.insert(key)
        }
        present = roll.base.count + roll.extra.count - roll.away.count + extra.count - away.count
    }

    func absence(_ key: String) -> Range<Int>? { itemAbsent[key] ?? roll.absent[key] }

    func isSubstitute(_ key: String) -> Bool { itemSubstitutes.contains(key) || roll.substitutes.contains(key) }
}

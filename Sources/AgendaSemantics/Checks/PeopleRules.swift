import AgendaBase
import Foundation

/// Participants, absentees, parties and distribution codes, against each other and the workspace.
enum PeopleRules {
    static func check(_ meeting: Meeting, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let participants = Set(meeting.participants.map { normalized($0.name) })
        let absentees = meeting.absentees + meeting.items.flatMap(\.absentees)
        if !participants.isEmpty {
            for person in absentees where !participants.contains(normalized(person.name)) {
                findings.append(Diagnostic(.absenteeNotParticipant, person.range,
                    "\(person.name) is absent but not among the participants (`deltagere:`); add them there or check the spelling"))
            }
        }
        guard let settings = context.settings else { return findings }
        var committee: WorkspaceSettings.Committee?
        if let name = meeting.committee {
            committee = settings.committee(named: name.value)
            if committee == nil, !settings.committees.isEmpty {
                findings.append(Diagnostic(.unknownCommittee, name.range,
                    "\(settings.url.lastPathComponent) does not list the committee '\(name.value)'; add it there to check its members"))
            }
        }
        if let committee, !committee.members.isEmpty {
            let members = Set(committee.members.map { normalized($0.name) })
            for person in meeting.participants + absentees where !members.contains(normalized(person.name)) {
                findings.append(Diagnostic(.unknownMember, person.range,
                    "\(person.name) is not a member of \(committee.name) in \(settings.url.lastPathComponent); check the spelling or add the member"))
            }
        }
        if !settings.parties.isEmpty {
            let written = meeting.participants.compactMap { person in person.party.map { ($0, person.range) } }
            let positions = meeting.items.compactMap(\.decision).flatMap(\.positions).flatMap { $0.parties.map { ($0.value, $0.range) } }
            for (party, range) in written + positions where settings.partyName(party) == nil {
                findings.append(Diagnostic(.unknownParty, range,
                    "'\(party)' is not a party in \(settings.url.lastPathComponent); write a letter or name listed under `parties`"))
            }
            if let committee, !committee.members.isEmpty {
                let committeeParties = Set(committee.members.compactMap { $0.party.flatMap(settings.partyName) })
                if !committeeParties.isEmpty {
                    for (party, range) in positions {
                        if let name = settings.partyName(party), !committeeParties.contains(name) {
                            findings.append(Diagnostic(.unknownParty, range, "\(name) has no member in \(committee.name); check the party"))
                        }
                    }
                }
            }
        }
        if !settings.distributionCodes.isEmpty {
            let known = Set(settings.distributionCodes.map { $0.code.uppercased() })
            for item in meeting.items {
                for code in item.distribution where !known.contains(code.code.uppercased()) {
                    findings.append(Diagnostic(.unknownDistributionCode, code.range,
                        "'\(code.code)' is not a distribution code in \(settings.url.lastPathComponent); use one of \(settings.distributionCodes.map(\.code).joined(separator: ", "))"))
                }
            }
        }
        return findings
    }

    static func normalized(_ name: String) -> String {
        TextNormalization.nfc(name).lowercased().split(separator: " ").joined(separator: " ")
    }
}

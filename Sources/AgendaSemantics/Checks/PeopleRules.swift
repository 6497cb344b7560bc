import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Participants, absentees, parties and distribution codes, against each other and the workspace.
/// The meeting's names are gathered once (`PeopleRules.Scope`); each item is checked against them.
enum PeopleRules {
    struct Scope {
        var participants: Set<String>
        var settings: WorkspaceSettings?
        var committee: WorkspaceSettings.Committee?
        /// The committee's members, when it lists any.
        var members: Set<String>?
        /// The parties the committee's members belong to (empty: not known).
        var committeeParties: Set<String> = []
        var distributionCodes: Set<String> = []

        init(_ meeting: Meeting, context: CheckContext) {
            participants = Set(meeting.participants.map { PeopleRules.normalized($0.name) })
            settings = context.settings
            guard let settings else { return }
            committee = meeting.committee.flatMap { settings.committee(named: $0.value) }
            if let committee, !committee.members.isEmpty {
                members = Set(committee.members.map { PeopleRules.normalized($0.name) })
                committeeParties = Set(committee.members.compactMap { $0.party.flatMap(settings.partyName) })
            }
            distributionCodes = Set(settings.distributionCodes.map { $0.code.uppercased() })
        }
    }

    static func meetingFindings(_ meeting: Meeting, scope: Scope) -> [Diagnostic] {
        var findings = absenteeFindings(meeting.absentees, scope: scope)
        guard let settings = scope.settings else { return findings }
        if let name = meeting.committee, scope.committee == nil, !settings.committees.isEmpty {
            findings.append(Diagnostic(.unknownCommittee, name.range,
                "\(settings.url.lastPathComponent) does not list the committee '\(name.value)'; add it there to check its members"))
        }
        findings += memberFindings(meeting.participants, scope: scope)
        if !settings.parties.isEmpty {
            for person in meeting.participants {
                guard let party = person.party, settings.partyName(party) == nil else { continue }
                findings.append(Diagnostic(.unknownParty, person.range,
                    "'\(party)' is not a party in \(settings.url.lastPathComponent); write a letter or name listed under `parties`"))
            }
        }
        return findings
    }

    static func itemFindings(_ item: Item, scope: Scope) -> [Diagnostic] {
        var findings = absenteeFindings(item.absentees, scope: scope)
        guard let settings = scope.settings else { return findings }
        findings += memberFindings(item.absentees, scope: scope)
        if !settings.parties.isEmpty {
            let positions = (item.decision?.positions ?? []).flatMap { $0.parties.map { ($0.value, $0.range) } }
            for (party, range) in positions where settings.partyName(party) == nil {
                findings.append(Diagnostic(.unknownParty, range,
                    "'\(party)' is not a party in \(settings.url.lastPathComponent); write a letter or name listed under `parties`"))
            }
            if let committee = scope.committee, !scope.committeeParties.isEmpty {
                for (party, range) in positions {
                    if let name = settings.partyName(party), !scope.committeeParties.contains(name) {
                        findings.append(Diagnostic(.unknownParty, range, "\(name) has no member in \(committee.name); check the party"))
                    }
                }
            }
        }
        if !scope.distributionCodes.isEmpty {
            for code in item.distribution where !scope.distributionCodes.contains(code.code.uppercased()) {
                findings.append(Diagnostic(.unknownDistributionCode, code.range,
                    "'\(code.code)' is not a distribution code in \(settings.url.lastPathComponent); use one of \(settings.distributionCodes.map(\.code).joined(separator: ", "))"))
            }
        }
        return findings
    }

    static func absenteeFindings(_ absentees: [Person], scope: Scope) -> [Diagnostic] {
        guard !scope.participants.isEmpty else { return [] }
        return absentees.filter { !scope.participants.contains(normalized($0.name)) }.map { person in
            Diagnostic(.absenteeNotParticipant, person.range,
                "\(person.name) is absent but not among the participants (`deltagere:`); add them there or check the spelling")
        }
    }

    static func memberFindings(_ people: [Person], scope: Scope) -> [Diagnostic] {
        guard let members = scope.members, let committee = scope.committee, let settings = scope.settings else { return [] }
        return people.filter { !members.contains(normalized($0.name)) }.map { person in
            Diagnostic(.unknownMember, person.range,
                "\(person.name) is not a member of \(committee.name) in \(settings.url.lastPathComponent); check the spelling or add the member")
        }
    }

    static func normalized(_ name: String) -> String {
        TextNormalization.nfc(name).lowercased().split(separator: " ").joined(separator: " ")
    }
}

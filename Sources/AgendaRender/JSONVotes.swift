import AgendaBase
import AgendaSemantics

/// Votes and conflicts of interest in JSON (schema `docs/schema.json`, `vote`, `voteSide`, `conflictOfInterest`).
enum JSONVotes {
    static func vote(_ vote: Vote) -> JSON { .object(voteMembers(vote)) }

    static func voteMembers(_ vote: Vote) -> [(String, JSON)] {
        [
            ("subject", vote.subject.map { subject($0.value) } ?? .null),
            ("proposalText", JSONBlocks.blocks(vote.proposalText)),
            ("sides", .array(vote.sides.map(side))),
            ("total", .int(vote.total)),
        ]
    }

    static func subject(_ subject: Vote.Subject) -> JSON {
        switch subject {
        case .recommendation:
            .object([("kind", .string("recommendation")), ("point", .null), ("title", .null)])
        case .point(let number):
            .object([("kind", .string("point")), ("point", .int(number)), ("title", .null)])
        case .proposal(let title):
            .object([("kind", .string("proposal")), ("point", .null), ("title", title.isEmpty ? .null : .string(title))])
        }
    }

    static func side(_ side: VoteSide) -> JSON {
        .object([
            ("kind", .string(side.kind.rawValue)),
            ("count", side.count.map { JSON.int($0.value) } ?? .null),
            ("votes", .int(side.votes)),
            ("members", .array(side.voters.map(JSONRenderer.person))),
            ("parties", .array(side.parties.map { .string($0.value) })),
            ("namesElided", .bool(side.namesElided)),
            ("reasons", JSONBlocks.blocks(side.reasons)),
        ])
    }

    static func conflict(_ conflict: ConflictOfInterest) -> JSON { .object(conflictMembers(conflict)) }

    static func conflictMembers(_ conflict: ConflictOfInterest) -> [(String, JSON)] {
        [("people", .array(conflict.people.map(JSONRenderer.person))), ("reason", JSONBlocks.blocks(conflict.reason))]
    }
}

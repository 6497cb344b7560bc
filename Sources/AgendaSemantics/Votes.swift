import AgendaBase
import AgendaSyntax

/// A vote recorded in a decision: what was voted on, then each side as written
/// (`for: 20 (Bo Hilsted (A), …)`, `imod: 6 (B)`, `undlod at stemme: 1`).
public struct Vote: Sendable {
    public enum Subject: Sendable, Hashable {
        /// The item's recommendation as a whole.
        case recommendation
        /// One point of the recommendation (`punkt 2`).
        case point(Int)
        /// A proposal made at the meeting, such as an amendment; its text is `proposalText`.
        case proposal(String)
    }

    /// What was voted on; nil when the sides stand without an `afstemning:` line
    /// (then it is the recommendation, and nothing is printed above the sides).
    public var subject: Located<Subject>?
    /// The proposal written out below `afstemning:`.
    public var proposalText: [Block]
    public var sides: [VoteSide]
    public var range: Range<Int>

    public init(subject: Located<Subject>?, proposalText: [Block] = [], sides: [VoteSide] = [], range: Range<Int>) {
        self.subject = subject
        self.proposalText = proposalText
        self.sides = sides
        self.range = range
    }

    /// Every vote cast, as far as the sides tell (a side with neither count nor names counts 0).
    public var total: Int { sides.reduce(0) { $0 + $1.votes } }

    public func side(_ kind: VoteSide.Kind) -> VoteSide? { sides.first { $0.kind == kind } }
}

public struct VoteSide: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case inFavour = "for", against, abstained

        public var keyword: Keyword {
            switch self {
            case .inFavour: .votesFor
            case .against: .votesAgainst
            case .abstained: .abstained
            }
        }

        public init?(_ keyword: Keyword) {
            switch keyword {
            case .votesFor: self = .inFavour
            case .votesAgainst: self = .against
            case .abstained: self = .abstained
            default: return nil
            }
        }
    }

    public var kind: Kind
    /// The label as printed: the Danish label, or a Danish spelling as written (`Hverken for eller imod`).
    public var label: String
    /// The number written (`20`), with its range.
    public var count: Located<Int>?
    /// The members named, each with a party or as an independent member.
    public var voters: [Person]
    /// Parties named without members (`20 (A, V)`).
    public var parties: [Located<String>]
    /// True when the names were cut short with `…`: they are not all there.
    public var namesElided: Bool
    /// The side's reasons, the lines below it.
    public var reasons: [Block]
    /// The side's keyword line.
    public var range: Range<Int>

    /// The votes this side cast: the count written, or else the members named.
    public var votes: Int { count?.value ?? voters.count }

    /// Nothing but perhaps a count yet, so a list right below holds the names.
    public var awaitsListedNames: Bool { voters.isEmpty && parties.isEmpty && !namesElided && reasons.isEmpty }

    /// Whether the names are the whole side, so a written count must equal them.
    public var namesAreComplete: Bool { !voters.isEmpty && parties.isEmpty && !namesElided }
}

/// Members who left an item because of a conflict of interest (`inhabil:`),
/// one line with one reason. They count as absent from the item's votes.
public struct ConflictOfInterest: Sendable {
    public var people: [Person]
    /// Why, the lines below `inhabil:`.
    public var reason: [Block]
    /// The `inhabil:` line.
    public var range: Range<Int>

    public init(people: [Person], reason: [Block] = [], range: Range<Int>) {
        self.people = people
        self.reason = reason
        self.range = range
    }
}

/// Words of vote values: what a vote is on, and how an independent member
/// ("løsgænger", no party) is marked. The parser's keywords are in `Keyword`;
/// these are values, read by the lowering, the checker and completion.
public enum VoteWords {
    /// `afstemning: indstillingen`: the recommendation as a whole.
    public static let recommendation = ["indstillingen", "indstilling", "the recommendation", "recommendation"]
    /// `afstemning: punkt 2` or `indstillingens punkt 2`: one point of it.
    public static let pointPrefixes = ["indstillingens punkt", "indstillingens pkt.", "punkt", "pkt.", "point"]
    /// In place of a party: `Hanne Lund (løsgænger)`, or before the name: `løsgænger Hanne Lund`.
    public static let independent = ["løsgænger", "uden for partierne", "ufp", "independent"]

    /// Whether a party as written marks an independent member.
    public static func isIndependent(_ party: String) -> Bool {
        independent.contains(TextNormalization.nfc(party).lowercased())
    }
}

extension Person {
    /// A member outside the parties: written `(løsgænger)`.
    public var isIndependent: Bool { party.map(VoteWords.isIndependent) ?? false }
}

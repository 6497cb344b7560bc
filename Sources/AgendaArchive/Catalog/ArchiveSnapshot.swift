import AgendaBase
import AgendaSemantics

/// The archive as every reader downstream of the store sees it: the meetings
/// in date order, each with its public model. Case history, search, the
/// site, OParl and PostgreSQL exports all start here, so none of them can
/// reach closed content the public version left out.
public struct ArchiveSnapshot: Sendable {
    public var meetings: [ArchivedMeeting]
    public var municipality: String?

    public init(meetings: [ArchivedMeeting], municipality: String? = nil) {
        self.meetings = meetings.sorted { $0.id < $1.id }
        self.municipality = municipality
    }

    public func meeting(_ id: MeetingID) -> ArchivedMeeting? {
        meetings.first { $0.id == id }
    }

    /// Every treatment of every case, grouped by case key; made in one pass.
    public func caseIndex() -> CaseIndex { CaseIndex(self) }
}

/// One treatment of a case: a public item carrying the case number.
public struct CaseTreatment: Sendable, Hashable {
    public var caseNumber: String
    public var meeting: MeetingID
    public var committee: String
    public var date: CalendarDate
    public var itemNumber: Int
    public var itemTitle: String
    /// The recommendation as plain text (empty when the item has none).
    public var recommendation: String
    /// The decision as plain text (empty before the meeting or when none).
    public var outcome: String
    public var stage: ArchivedMeeting.Stage
}

/// Cases by key (`CaseIndex.key(_:)`), each with its treatments in date order.
public struct CaseIndex: Sendable {
    public private(set) var treatmentsByCase: [String: [CaseTreatment]] = [:]

    init(_ snapshot: ArchiveSnapshot) {
        for meeting in snapshot.meetings {
            for item in meeting.publicMeeting.items {
                guard let written = item.caseNumber?.value else { continue }
                let treatment = CaseTreatment(
                    caseNumber: written, meeting: meeting.id, committee: meeting.committee, date: meeting.date,
                    itemNumber: item.number, itemTitle: item.title,
                    recommendation: item.recommendation.map(CaseIndex.plainText) ?? "",
                    outcome: item.decision.map { CaseIndex.plainText($0.text) } ?? "",
                    stage: meeting.stage)
                treatmentsByCase[CaseIndex.key(written), default: []].append(treatment)
            }
        }
        // meetings come sorted, so each list is already in date order
    }

    /// The treatments of one case, oldest first; empty when the archive has none.
    public func treatments(ofCase number: String) -> [CaseTreatment] {
        treatmentsByCase[CaseIndex.key(number)] ?? []
    }

    /// The key a case number is filed under: its canonical form when it reads
    /// as one, else its text normalised (NFC, uppercase, spaces trimmed).
    public static func key(_ written: String) -> String {
        if let parsed = CaseNumber.parse(written) { return parsed.text }
        return TextNormalization.nfc(written).uppercased().trimmedSpaces
    }

    static func plainText(_ recommendation: Recommendation) -> String {
        let points = recommendation.points.map { $0.marker + " " + $0.text.plainText }
        return ([recommendation.intro] + points).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func plainText(_ blocks: [Block]) -> String {
        blocks.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

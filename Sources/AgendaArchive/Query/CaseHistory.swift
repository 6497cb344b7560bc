import AgendaBase
import AgendaSemantics

/// A case's history across the archive: every item carrying its number, and
/// every item a `sagens gang:` line links to one of them (either way: an item of
/// the case naming an earlier one, or an item naming an item of the case).
/// Built once per snapshot in one pass over its items; each case is then a lookup.
public struct CaseHistory: Sendable {
    /// How an item came into a case's history.
    public enum Link: String, Sendable {
        /// It carries the case number.
        case caseNumber = "sagsnr"
        /// A `sagens gang:` line links it to an item that carries it.
        case history = "sagens gang"
    }

    public struct Entry: Sendable {
        public var treatment: CaseTreatment
        public var link: Link
        /// The archived meeting's source file (relative to the archive), when the store keeps one.
        public var sourceFile: String?
        /// The item's `punkt` line and its `sagsnr:` value in that source.
        public var headerRange: Range<Int>
        public var caseNumberRange: Range<Int>?
    }

    public let lookup: ArchiveItemLookup
    var placesByCase: [String: [ArchiveItemLookup.Place]] = [:]
    var linkedByCase: [String: [ArchiveItemLookup.Place]] = [:]

    public init(_ snapshot: ArchiveSnapshot) {
        lookup = ArchiveItemLookup(snapshot)
        for (meetingIndex, meeting) in snapshot.meetings.enumerated() {
            for (itemIndex, item) in meeting.publicMeeting.items.enumerated() {
                let place = ArchiveItemLookup.Place(meeting: meetingIndex, item: itemIndex)
                let key = item.caseNumber.map { CaseIndex.key($0.value) }
                if let key { placesByCase[key, default: []].append(place) }
                for treatment in item.history {
                    guard case .item(let named) = lookup.resolve(treatment), named != place else { continue }
                    let namedKey = lookup.item(named)?.caseNumber.map { CaseIndex.key($0.value) }
                    if let key, namedKey != key { linkedByCase[key, default: []].append(named) }
                    if let namedKey, namedKey != key { linkedByCase[namedKey, default: []].append(place) }
                }
            }
        }
    }

    /// Every treatment of the case, oldest first (same day: by meeting, then item number).
    public func entries(ofCase number: String) -> [Entry] {
        let key = CaseIndex.key(number)
        var seen = Set<ArchiveItemLookup.Place>()
        var entries: [Entry] = []
        for (places, link) in [(placesByCase[key] ?? [], Link.caseNumber), (linkedByCase[key] ?? [], .history)] {
            for place in places where seen.insert(place).inserted {
                if let entry = entry(place, link: link, caseNumber: number) { entries.append(entry) }
            }
        }
        return entries.sorted {
            ($0.treatment.date, $0.treatment.meeting, $0.treatment.itemNumber) < ($1.treatment.date, $1.treatment.meeting, $1.treatment.itemNumber)
        }
    }

    func entry(_ place: ArchiveItemLookup.Place, link: Link, caseNumber: String) -> Entry? {
        guard let meeting = lookup.meeting(place), let item = lookup.item(place) else { return nil }
        let treatment = CaseTreatment(
            caseNumber: item.caseNumber?.value ?? "", meeting: meeting.id, committee: meeting.committee, date: meeting.date,
            itemNumber: item.number, itemTitle: item.title,
            recommendation: item.recommendation.map(CaseIndex.plainText) ?? "",
            outcome: item.decision.map { CaseIndex.plainText($0.text) } ?? CaseHistory.publicDecision(item),
            stage: meeting.stage)
        return Entry(treatment: treatment, link: link, sourceFile: meeting.files.first { $0.kind == .source }?.path,
                     headerRange: item.headerRange, caseNumberRange: item.caseNumber?.range)
    }

    static func publicDecision(_ item: Item) -> String {
        guard let section = item.publicDecision, case .prose(let prose) = section.content else { return "" }
        return CaseIndex.plainText(prose.blocks)
    }
}


import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One meeting of the workspace: a document's committee and date.
public struct IndexedMeeting: Hashable, Sendable {
    public var documentID: String
    /// The committee as written after `møde:`.
    public var committee: String?
    public var date: CalendarDate?
    public var kind: DocumentKind
    /// Where the committee is named, or the document's start when it is not.
    public var range: Range<Int>
}

/// One item of the workspace, with what cross-meeting features show of it.
public struct IndexedItem: Hashable, Sendable {
    public var documentID: String
    /// The meeting's committee and date, for "where else this case appears".
    public var committee: String?
    public var date: CalendarDate?
    public var number: Int
    public var title: String
    /// The case number as written, and its canonical text (nil when it is not a valid case number).
    public var caseNumber: String?
    public var caseKey: String?
    public var caseNumberRange: Range<Int>?
    /// The `punkt` line, the title on it, and the whole item.
    public var headerRange: Range<Int>
    public var titleRange: Range<Int>
    public var range: Range<Int>

    /// `Punkt 3: Titel`, as symbols and hovers name an item.
    public var displayName: String { "Punkt \(number): \(title)" }

    /// `Beskæftigelsesudvalget 2026-01-13`, the meeting an item belongs to.
    public var meetingName: String { IndexedItem.meetingName(committee: committee, date: date) }

    static func meetingName(committee: String?, date: CalendarDate?) -> String {
        [committee, date?.iso].compactMap { $0 }.joined(separator: " ").nilIfEmpty ?? "Møde uden udvalg og dato"
    }
}

/// One line of a `sagens gang:` section: an earlier treatment another meeting refers to.
public struct IndexedHistoryLine: Hashable, Sendable {
    public var documentID: String
    /// The item whose history holds the line.
    public var holderItemNumber: Int
    /// The committee, date and item number the line names.
    public var committee: String
    public var date: CalendarDate?
    public var referencedItemNumber: Int?
    public var outcome: String?
    public var range: Range<Int>
}

/// Many analysed documents, keyed by an identifier such as a URI, and the
/// lookups the cross-meeting features need: items by case number, meetings by
/// committee and date, and history lines by the meeting they name.
///
/// Updating one document costs time in proportion to that document's items,
/// not the workspace's; lookups are dictionary reads.
public struct WorkspaceIndex: Sendable {
    private var documents: [String: AnalyzedDocument] = [:]
    private var summaries: [String: DocumentSummary] = [:]
    private var itemsByCase: [String: [IndexedItem]] = [:]
    private var meetingsByCommittee: [String: [IndexedMeeting]] = [:]
    private var historyByCommittee: [String: [IndexedHistoryLine]] = [:]

    public init() {}

    public init(documents: [String: AnalyzedDocument]) {
        for (id, document) in documents { update(document, id: id) }
    }

    /// Adds a document, or replaces the one with the same identifier.
    public mutating func update(_ document: AnalyzedDocument, id: String) {
        remove(id: id)
        let summary = DocumentSummary(id: id, document: document)
        documents[id] = document
        summaries[id] = summary
        for item in summary.items {
            if let key = item.caseKey { itemsByCase[key, default: []].append(item) }
        }
        if let committee = summary.meeting.committee {
            meetingsByCommittee[Fold.committee(committee), default: []].append(summary.meeting)
        }
        for line in summary.history {
            historyByCommittee[Fold.committee(line.committee), default: []].append(line)
        }
    }

    /// Forgets a document.
    public mutating func remove(id: String) {
        guard let old = summaries.removeValue(forKey: id) else { return }
        documents[id] = nil
        for key in Set(old.items.compactMap(\.caseKey)) {
            itemsByCase[key]?.removeAll { $0.documentID == id }
            if itemsByCase[key]?.isEmpty == true { itemsByCase[key] = nil }
        }
        if let committee = old.meeting.committee {
            let key = Fold.committee(committee)
            meetingsByCommittee[key]?.removeAll { $0.documentID == id }
            if meetingsByCommittee[key]?.isEmpty == true { meetingsByCommittee[key] = nil }
        }
        for key in Set(old.history.map { Fold.committee($0.committee) }) {
            historyByCommittee[key]?.removeAll { $0.documentID == id }
            if historyByCommittee[key]?.isEmpty == true { historyByCommittee[key] = nil }
        }
    }

    /// A copy with one document added or replaced.
    public func updating(_ document: AnalyzedDocument, id: String) -> WorkspaceIndex {
        var copy = self
        copy.update(document, id: id)
        return copy
    }

    public var count: Int { documents.count }

    /// The identifiers, sorted.
    public var documentIDs: [String] { documents.keys.sorted() }

    public func document(_ id: String) -> AnalyzedDocument? { documents[id] }

    public func meeting(_ id: String) -> IndexedMeeting? { summaries[id]?.meeting }

    /// The items of one document, in document order.
    public func items(inDocument id: String) -> [IndexedItem] { summaries[id]?.items ?? [] }

    /// Every item of the workspace, by meeting date (undated last), document and number.
    public var allItems: [IndexedItem] { summaries.values.flatMap(\.items).sorted(by: IndexedItem.chronological) }

    /// The items carrying a case number (written in any valid form), by meeting date.
    public func items(withCaseNumber caseNumber: String) -> [IndexedItem] {
        guard let key = Fold.caseKey(caseNumber) else { return [] }
        return (itemsByCase[key] ?? []).sorted(by: IndexedItem.chronological)
    }

    /// Every valid case number used in the workspace, in canonical form, sorted.
    public var caseNumbers: [String] { itemsByCase.keys.sorted() }

    /// The meetings of a committee (ignoring case and a term suffix), by date; only on `date` when given.
    public func meetings(committee: String, date: CalendarDate? = nil) -> [IndexedMeeting] {
        (meetingsByCommittee[Fold.committee(committee)] ?? [])
            .filter { date == nil || $0.date == date }
            .sorted { a, b in
                dateSortKey(a.date) != dateSortKey(b.date) ? dateSortKey(a.date) < dateSortKey(b.date) : a.documentID < b.documentID
            }
    }

    /// The committees holding meetings in the workspace, as first written, sorted.
    public var committees: [String] {
        meetingsByCommittee.values.compactMap { $0.first?.committee }.sorted()
    }

    /// History lines naming a meeting of `committee` on `date` (and item `itemNumber`, when given).
    public func historyLines(referringTo committee: String, date: CalendarDate, itemNumber: Int? = nil) -> [IndexedHistoryLine] {
        (historyByCommittee[Fold.committee(committee)] ?? [])
            .filter { $0.date == date && (itemNumber == nil || $0.referencedItemNumber == itemNumber) }
            .sorted { ($0.documentID, $0.range.lowerBound) < ($1.documentID, $1.range.lowerBound) }
    }
}

extension IndexedItem {
    /// Meeting date (undated last), then document, then position.
    static func chronological(_ a: IndexedItem, _ b: IndexedItem) -> Bool {
        if dateSortKey(a.date) != dateSortKey(b.date) { return dateSortKey(a.date) < dateSortKey(b.date) }
        return (a.documentID, a.range.lowerBound) < (b.documentID, b.range.lowerBound)
    }
}

/// Sorts dated meetings by date and undated ones after them.
func dateSortKey(_ date: CalendarDate?) -> (Int, Int, Int, Int) {
    guard let date else { return (1, 0, 0, 0) }
    return (0, date.year, date.month, date.day)
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// What the index keeps of one document.
struct DocumentSummary: Sendable {
    var meeting: IndexedMeeting
    var items: [IndexedItem]
    var history: [IndexedHistoryLine]

    init(id: String, document: AnalyzedDocument) {
        let model = document.meeting
        let committee = model.committee?.value
        let date = model.date?.value
        meeting = IndexedMeeting(documentID: id, committee: committee, date: date, kind: model.kind, range: model.committee?.range ?? 0..<0)
        items = model.items.map { item in
            IndexedItem(documentID: id, committee: committee, date: date, number: item.number, title: item.title,
                        caseNumber: item.caseNumber?.value, caseKey: item.caseNumber.flatMap { Fold.caseKey($0.value) },
                        caseNumberRange: item.caseNumber?.range, headerRange: item.headerRange, titleRange: item.titleRange, range: item.range)
        }
        history = model.items.flatMap { item in
            item.history.map { treatment in
                IndexedHistoryLine(documentID: id, holderItemNumber: item.number, committee: treatment.body, date: treatment.date,
                                   referencedItemNumber: treatment.itemNumber, outcome: treatment.outcome, range: treatment.range)
            }
        }
    }
}

/// The index as one request sees it: the current document's entries come from
/// the document the feature was given, the rest from the index.
struct WorkspaceView {
    let index: WorkspaceIndex
    let currentID: String
    let current: DocumentSummary

    func items(withCaseKey key: String) -> [IndexedItem] {
        let others = index.items(withCaseNumber: key).filter { $0.documentID != currentID }
        return (others + current.items.filter { $0.caseKey == key }).sorted(by: IndexedItem.chronological)
    }

    /// Every item with a valid case number, current document first.
    var itemsWithCaseNumbers: [IndexedItem] {
        let others = index.caseNumbers.flatMap { index.items(withCaseNumber: $0) }.filter { $0.documentID != currentID }
        return current.items.filter { $0.caseKey != nil } + others
    }

    func meetings(committee: String, date: CalendarDate) -> [IndexedMeeting] {
        var found = index.meetings(committee: committee, date: date).filter { $0.documentID != currentID }
        if let own = current.meeting.committee, Fold.committee(own) == Fold.committee(committee), current.meeting.date == date {
            found.insert(current.meeting, at: 0)
        }
        return found
    }

    func items(inDocument id: String) -> [IndexedItem] {
        id == currentID ? current.items : index.items(inDocument: id)
    }

    func historyLines(referringTo committee: String, date: CalendarDate, itemNumber: Int?) -> [IndexedHistoryLine] {
        let wanted = Fold.committee(committee)
        let own = current.history.filter {
            Fold.committee($0.committee) == wanted && $0.date == date && (itemNumber == nil || $0.referencedItemNumber == itemNumber)
        }
        return own + index.historyLines(referringTo: committee, date: date, itemNumber: itemNumber).filter { $0.documentID != currentID }
    }

    var committees: [String] { [current.meeting.committee].compactMap { $0 } + index.committees }
}

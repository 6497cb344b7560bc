import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The semantic rules. Each rule is a small function over the meeting; they
/// all read codes, severities and explanations from `Rule`.
///
/// Rules come in three kinds, so that an edit re-checks only what it touches
/// (`IncrementalAnalysis`): the meeting's own fields (`CheckScope.meetingFindings`),
/// one item against the meeting (`CheckScope.itemFindings`), and the few rules
/// across items, worked out from each item's `ItemFacts` in one pass
/// (`Checker.acrossItems`).
public enum Checker {
    public static func check(_ meeting: Meeting, source: SourceText, context: CheckContext) -> [Diagnostic] {
        let scope = CheckScope(meeting, context: context)
        var findings = scope.meetingFindings(source: source)
        // the facts across items are read from the items again when asked: no second value per item
        var caseKeys: [String?] = []
        for (index, item) in meeting.items.enumerated() {
            let (itemFindings, caseKey) = scope.findings(item, source: source)
            findings += itemFindings
            if let caseKey {
                if caseKeys.isEmpty { caseKeys = Array(repeating: nil, count: meeting.items.count) }
                caseKeys[index] = caseKey
            }
        }
        findings += acrossItems(ItemFactsList(meeting.items, caseKeys: caseKeys, source: source), source: source)
        return findings
    }

    /// Numbering (AG400, AG401) and reused case numbers, from the items' facts in order.
    static func acrossItems(_ facts: ItemFactsList, source: SourceText) -> [Diagnostic] {
        ItemRules.numberingFindings(facts, source: source) + CaseNumberRules.reuseFindings(facts)
    }
}

/// The items' facts in order: kept ones (`IncrementalAnalysis`, from its
/// segments) or made from the items when read (a full check, which so holds
/// no second value per item: a document of a million one-line items keeps
/// its items, not also a hundred bytes of facts each).
struct ItemFactsList: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case kept([ItemFacts])
        /// `caseKeys` is empty when no item has a key, else one entry an item.
        case read([Item], caseKeys: [String?], source: SourceText)
    }
    private let storage: Storage

    init(_ facts: [ItemFacts]) { storage = .kept(facts) }

    init(_ items: [Item], caseKeys: [String?], source: SourceText) {
        storage = .read(items, caseKeys: caseKeys, source: source)
    }

    var startIndex: Int { 0 }
    var endIndex: Int {
        switch storage {
        case .kept(let facts): facts.count
        case .read(let items, _, _): items.count
        }
    }

    subscript(index: Int) -> ItemFacts {
        switch storage {
        case .kept(let facts): return facts[index]
        case .read(let items, let caseKeys, let source):
            let key = caseKeys.isEmpty ? nil : caseKeys[index]
            return ItemFacts(items[index], caseKey: key, source: source)
        }
    }
}

/// What the rules across items need of one item, with ranges into the text it was checked in.
struct ItemFacts: Sendable {
    var number: Int
    var numberWritten: Bool
    var title: String
    var headerRange: Range<Int>
    /// The number in `punkt 3:`, or the keyword when the number was left out.
    var numberRange: Range<Int>
    /// The case number's key for reuse, when it is well-formed enough to count.
    var caseNumberKey: String?
    var caseNumberRange: Range<Int>?

    init(_ item: Item, caseKey: String?, source: SourceText) {
        number = item.number
        numberWritten = item.numberWritten
        title = item.title
        headerRange = item.headerRange
        numberRange = ItemRules.numberRange(of: item, source: source)
        caseNumberKey = caseKey
        caseNumberRange = caseKey == nil ? nil : item.caseNumber?.range
    }

    func shifted(by delta: Int) -> ItemFacts {
        guard delta != 0 else { return self }
        var moved = self
        moved.headerRange = (headerRange.lowerBound + delta)..<(headerRange.upperBound + delta)
        moved.numberRange = (numberRange.lowerBound + delta)..<(numberRange.upperBound + delta)
        moved.caseNumberRange = caseNumberRange.map { ($0.lowerBound + delta)..<($0.upperBound + delta) }
        return moved
    }
}

/// The meeting's fields and the workspace as every item's rules read them, worked out once a document.
struct CheckScope: Sendable {
    let meeting: Meeting
    let context: CheckContext
    let roll: Roll
    let people: PeopleRules.Scope
    let attachmentFolders: (folder: String, allowed: [String])?

    /// `meeting`: only its own fields are read, never its items.
    init(_ meeting: Meeting, context: CheckContext) {
        var fields = meeting
        fields.items = []
        self.meeting = fields
        self.context = context
        roll = Roll(meeting, context: context)
        people = PeopleRules.Scope(meeting, context: context)
        attachmentFolders = AttachmentRules.folders(context)
    }

    func meetingFindings(source: SourceText) -> [Diagnostic] {
        MeetingRules.check(meeting, source: source) + PeopleRules.meetingFindings(meeting, scope: people)
    }

    /// One item's findings, and its facts for the rules across items.
    func check(_ item: Item, source: SourceText) -> ([Diagnostic], ItemFacts) {
        let (findings, caseKey) = findings(item, source: source)
        return (findings, ItemFacts(item, caseKey: caseKey, source: source))
    }

    /// One item's findings, and its case number's key for the rules across items.
    func findings(_ item: Item, source: SourceText) -> ([Diagnostic], caseKey: String?) {
        let (caseFindings, caseKey) = CaseNumberRules.itemFindings(item, meetingDate: meeting.date?.value, context: context)
        var findings = caseFindings
        findings += ItemRules.itemFindings(item, kind: meeting.kind, source: source)
        findings += PeopleRules.itemFindings(item, scope: people)
        findings += VoteRules.itemFindings(item, roll: roll, source: source)
        findings += AttachmentRules.itemFindings(item, folders: attachmentFolders, context: context)
        findings += ClosedItemRules.itemFindings(item, isMinutes: meeting.isMinutes, source: source)
        return (findings, caseKey)
    }
}

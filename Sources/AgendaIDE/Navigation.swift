import AgendaBase
import AgendaSemantics

/// A range in some document of the workspace.
public struct Location: Hashable, Sendable {
    public var documentID: String
    public var range: Range<Int>

    public init(documentID: String, range: Range<Int>) {
        self.documentID = documentID
        self.range = range
    }
}

/// Go to definition and find references, across the workspace.
///
/// - On a case number: the definition is the case's first treatment (the
///   earliest meeting; undated meetings last, the current document first
///   among equals); the references are every item carrying the number.
/// - On a `sagens gang:` line: the definition is the item (or, without an
///   item number, the meeting) of that committee on that date.
/// - On a case number in a workspace with an archive: also the case's
///   treatments in the archive (by case number and `sagens gang:`), in their archived source files.
/// - On an item's `punkt` line: the references are the history lines in other
///   meetings that name the item, and the items sharing its case number.
public enum Navigation {
    public static func definition(in document: AnalyzedDocument, at offset: Int, context: IDEContext = IDEContext()) -> [Location] {
        let request = NavigationRequest(document: document, context: context, offset: DocumentLookup(document).clamp(offset))
        switch request.target() {
        case .caseNumber(let key, _)?:
            guard let first = request.view.items(withCaseKey: key).min(by: request.firstTreatment) else { return [] }
            return [Location(documentID: first.documentID, range: first.headerRange)]
        case .history(let line)?:
            if let item = request.referencedItem(line) { return [Location(documentID: item.documentID, range: item.headerRange)] }
            return request.referencedMeetings(line).map { Location(documentID: $0.documentID, range: $0.range) }
        case .item?, nil:
            return []
        }
    }

    public static func references(in document: AnalyzedDocument, at offset: Int, context: IDEContext = IDEContext(),
                                  includeDeclaration: Bool = true) -> [Location] {
        let request = NavigationRequest(document: document, context: context, offset: DocumentLookup(document).clamp(offset))
        switch request.target() {
        case .caseNumber(let key, let own)?:
            let inWorkspace = request.view.items(withCaseKey: key)
                .filter { includeDeclaration || !request.isCurrent($0, own) }
                .map { Location(documentID: $0.documentID, range: $0.caseNumberRange ?? $0.headerRange) }
            // the archive's treatments too, in their archived sources (once, if the workspace holds them as well)
            let archived = context.archive?.locations(ofCase: own.caseNumber ?? key) ?? []
            var seen = Set(inWorkspace)
            return inWorkspace + archived.filter { seen.insert($0).inserted && $0.documentID != context.documentID }
        case .item(let item)?:
            return request.references(to: item, includeDeclaration: includeDeclaration)
        case .history(let line)?:
            if let item = request.referencedItem(line) { return request.references(to: item, includeDeclaration: includeDeclaration) }
            guard let date = line.date else { return [] }
            return request.view.historyLines(referringTo: line.committee, date: date, itemNumber: line.referencedItemNumber)
                .map { Location(documentID: $0.documentID, range: request.trimmed($0)) }
        case nil:
            return []
        }
    }
}

struct NavigationRequest {
    let document: AnalyzedDocument
    let context: IDEContext
    let offset: Int
    let lookup: DocumentLookup
    let view: WorkspaceView

    init(document: AnalyzedDocument, context: IDEContext, offset: Int) {
        self.document = document
        self.context = context
        self.offset = offset
        self.lookup = DocumentLookup(document)
        self.view = context.view(with: document)
    }

    enum Target {
        /// A case number, and the current document's item that carries it.
        case caseNumber(key: String, item: IndexedItem)
        case history(IndexedHistoryLine)
        case item(IndexedItem)
    }

    func touches(_ range: Range<Int>) -> Bool { range.lowerBound <= offset && offset <= range.upperBound && !range.isEmpty }

    /// What stands at the offset, as the index knows it.
    func target() -> Target? {
        guard let model = lookup.itemContaining(offset)?.model,
              let item = view.current.items.first(where: { $0.headerRange == model.headerRange }) else { return nil }
        if let range = item.caseNumberRange, touches(range) {
            return item.caseKey.map { .caseNumber(key: $0, item: item) }
        }
        if let line = view.current.history.first(where: { touches($0.range) }) { return .history(line) }
        if touches(item.headerRange) { return .item(item) }
        return nil
    }

    func isCurrent(_ candidate: IndexedItem, _ own: IndexedItem) -> Bool {
        candidate.documentID == own.documentID && candidate.headerRange == own.headerRange
    }

    /// Orders treatments of a case: earlier meetings first, undated last, this document first among equals.
    func firstTreatment(_ a: IndexedItem, _ b: IndexedItem) -> Bool {
        if dateSortKey(a.date) != dateSortKey(b.date) { return dateSortKey(a.date) < dateSortKey(b.date) }
        let currentA = a.documentID == context.documentID
        let currentB = b.documentID == context.documentID
        if currentA != currentB { return currentA }
        return IndexedItem.chronological(a, b)
    }

    /// The meetings a history line names: that committee on that date.
    func referencedMeetings(_ line: IndexedHistoryLine) -> [IndexedMeeting] {
        guard let date = line.date else { return [] }
        return view.meetings(committee: line.committee, date: date)
    }

    /// The item a history line names, when its meeting is in the workspace and has that item.
    func referencedItem(_ line: IndexedHistoryLine) -> IndexedItem? {
        guard let number = line.referencedItemNumber else { return nil }
        for meeting in referencedMeetings(line) {
            if let item = view.items(inDocument: meeting.documentID).first(where: { $0.number == number }) { return item }
        }
        return nil
    }

    /// History lines naming the item, then the other items with its case number.
    func references(to item: IndexedItem, includeDeclaration: Bool) -> [Location] {
        var locations: [Location] = []
        if includeDeclaration { locations.append(Location(documentID: item.documentID, range: item.headerRange)) }
        if let committee = item.committee, let date = item.date {
            locations += view.historyLines(referringTo: committee, date: date, itemNumber: item.number)
                .map { Location(documentID: $0.documentID, range: trimmed($0)) }
        }
        if let key = item.caseKey {
            locations += view.items(withCaseKey: key).filter { !isCurrent($0, item) }
                .map { Location(documentID: $0.documentID, range: $0.headerRange) }
        }
        return locations
    }

    /// A history line's range without surrounding spaces (in its own document).
    func trimmed(_ line: IndexedHistoryLine) -> Range<Int> {
        let source = line.documentID == view.currentID ? document.source : context.workspace.document(line.documentID)?.source
        guard let source else { return line.range }
        return TextPieces(source: source).trim(line.range)
    }
}

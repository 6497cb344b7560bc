import AgendaBase
import AgendaSemantics

/// An item found by a workspace-wide symbol search.
public struct WorkspaceSymbol: Hashable, Sendable {
    /// `Punkt 3: Titel`.
    public var name: String
    /// The case number, if the item has one.
    public var detail: String?
    /// The meeting: `Udvalg 2026-05-04`.
    public var containerName: String
    public var documentID: String
    /// The whole item, and its title.
    public var range: Range<Int>
    public var selectionRange: Range<Int>
}

/// Items across the workspace whose number, title or case number match a
/// query: a case-insensitive substring first, then a fuzzy match (the query's
/// letters in order). Better matches come first, then newer meetings.
public enum WorkspaceSymbols {
    public static func search(_ query: String, in index: WorkspaceIndex, limit: Int = 500) -> [WorkspaceSymbol] {
        let wanted = Fold.text(query)
        var scored: [(score: Int, item: IndexedItem)] = []
        for item in index.allItems {
            let score = self.score(wanted, item)
            if score > 0 { scored.append((score, item)) }
        }
        scored.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            let dateA = dateSortKey(a.item.date)
            let dateB = dateSortKey(b.item.date)
            if dateA.0 != dateB.0 { return dateA.0 < dateB.0 }  // dated before undated
            if dateA != dateB { return dateA > dateB }  // newer first
            return IndexedItem.chronological(a.item, b.item)
        }
        return scored.prefix(max(0, limit)).map { entry in
            let item = entry.item
            return WorkspaceSymbol(name: item.displayName, detail: item.caseNumber, containerName: item.meetingName,
                                   documentID: item.documentID, range: item.range,
                                   selectionRange: item.titleRange.isEmpty ? item.headerRange : item.titleRange)
        }
    }

    /// 0: no match; higher is better. An empty query matches everything a little.
    static func score(_ query: String, _ item: IndexedItem) -> Int {
        guard !query.isEmpty else { return 1 }
        let title = Fold.text(item.title)
        let name = Fold.text(item.displayName)
        let caseNumber = Fold.text(item.caseNumber ?? "")
        if title.hasPrefix(query) || caseNumber.hasPrefix(query) { return 5 }
        if title.split(separator: " ").contains(where: { $0.hasPrefix(query) }) { return 4 }
        if name.contains(query) || caseNumber.contains(query) { return 3 }
        if isSubsequence(query, of: name) || isSubsequence(query, of: caseNumber) { return 2 }
        return 0
    }

    /// Whether the query's characters (spaces ignored) appear in order in `text`.
    static func isSubsequence(_ query: String, of text: String) -> Bool {
        var remaining = query.filter { $0 != " " }[...]
        for character in text where remaining.first == character {
            remaining = remaining.dropFirst()
            if remaining.isEmpty { return true }
        }
        return remaining.isEmpty
    }
}

import AgendaBase
import AgendaSearch
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A search of the archive: words (each must match, by stem, as `AgendaSearch`
/// reads them) and filters on committee, case, decided and a date range.
public struct ArchiveSearchQuery: Sendable {
    public var text: String
    /// A committee's name or its slug (`beskaeftigelsesudvalget`).
    public var committee: String?
    public var caseNumber: String?
    public var decidedOnly: Bool
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var limit: Int

    public init(_ text: String, committee: String? = nil, caseNumber: String? = nil, decidedOnly: Bool = false,
                from: CalendarDate? = nil, to: CalendarDate? = nil, limit: Int = 10) {
        self.text = text
        self.committee = committee
        self.caseNumber = caseNumber
        self.decidedOnly = decidedOnly
        self.from = from
        self.to = to
        self.limit = limit
    }

    /// The words searched: the query's, and the case number when one is asked for
    /// (it matches the `case` field and scores nothing).
    var searchedText: String {
        guard let caseNumber else { return text }
        return text + " " + CaseIndex.key(caseNumber)
    }

    func searchQuery(limit: Int) -> SearchQuery {
        var filters: [String: String] = [:]
        if let committee { filters[ItemRecord.Attribute.committee] = committee.trimmedSpaces }
        if decidedOnly { filters[ItemRecord.Attribute.decided] = "ja" }
        var dates: ClosedRange<Int>?
        if from != nil || to != nil {
            let low = from.map(ItemRecord.dateNumber) ?? Int.min, high = to.map(ItemRecord.dateNumber) ?? Int.max
            dates = low <= high ? low...high : nil
            if dates == nil { filters["-"] = "-" }  // an empty range matches nothing
        }
        return SearchQuery(searchedText, filters: filters, dates: dates, limit: limit)
    }
}

/// One item found, with the place of the passage that matched.
public struct ArchiveSearchResult: Equatable, Sendable {
    public var meeting: String
    public var committee: String
    public var date: CalendarDate
    public var itemNumber: Int
    public var itemTitle: String
    public var caseNumber: String?
    public var score: Double
    /// `title`, `sections`, `recommendation` or `decision`; nil when only filters matched.
    public var field: String?
    /// The section's heading when the match is in a section.
    public var section: String?
    public var passage: SearchSnippet?
}

extension ArchiveSearchIndex {
    /// The best items for a query across every segment, best first. Each segment
    /// reads its manifest's columns and only the postings of the query's words; records are
    /// read for the hits shown only.
    public func search(_ query: ArchiveSearchQuery) throws(ArchiveIndexError) -> [ArchiveSearchResult] {
        guard query.limit > 0, let catalog = try IndexCatalog.read(from: folder) else { return [] }
        struct Candidate {
            var segment: Int
            var number: Int
            var score: Double
            var date: Int
        }
        var candidates: [Candidate] = []
        var indexes: [Int: SearchIndex] = [:]
        for (position, segment) in catalog.segments.enumerated() {
            let searchQuery = query.searchQuery(limit: query.limit + segment.retiredCount)
            let index = try IndexSegment.index(of: segment, in: folder, for: searchQuery)
            // a case number the segment lacks would be matched by its parts: no item here carries it
            if let caseNumber = query.caseNumber, !index.holdsTerm(of: CaseIndex.key(caseNumber)) { continue }
            let hits = index.search(searchQuery)
            var kept = 0
            for hit in hits {
                guard let number = Int(hit.id), number >= 0, number < segment.items, !segment.isRetired(item: number) else { continue }
                candidates.append(Candidate(segment: position, number: number, score: hit.score, date: 0))
                kept += 1
                if kept == query.limit { break }
            }
            if kept > 0 { indexes[position] = index }
        }
        // scores first; among equals, the segment written later (newer meetings) first
        candidates.sort { ($0.score, $0.segment, -$0.number) > ($1.score, $1.segment, -$1.number) }
        let shown = candidates.prefix(query.limit)
        var records: [Int: [Int: ItemRecord]] = [:]
        for (segment, group) in Dictionary(grouping: shown, by: \.segment) {
            records[segment] = try IndexSegment.records(group.map(\.number), of: catalog.segments[segment], in: folder)
        }
        return shown.compactMap { candidate in
            guard let record = records[candidate.segment]?[candidate.number] else { return nil }
            let passage = indexes[candidate.segment]?.snippet(for: query.text, in: record.texts)
            let section = passage?.field == "sections" ? passage.flatMap { record.sectionHeading(at: $0.matchByteRange.lowerBound) } : nil
            return ArchiveSearchResult(
                meeting: record.meeting, committee: record.committee, date: record.date, itemNumber: record.itemNumber,
                itemTitle: record.title, caseNumber: record.caseNumber, score: candidate.score,
                field: passage?.field, section: section, passage: passage)
        }
    }
}

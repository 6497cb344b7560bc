import AgendaBase
import AgendaSearch
import AgendaSemantics

/// One public item as the search index keeps it: its place (meeting, item
/// number and title), its case, and its searchable texts with where each
/// section starts, so a hit can say which section matched. Made from the
/// public model only; everything a search result shows comes from here.
struct ItemRecord: Equatable, Sendable {
    var meeting: String
    var committee: String
    var date: CalendarDate
    var itemNumber: Int
    var title: String
    var caseNumber: String?
    var decided: Bool
    /// In the order of `ItemRecord.textFields`.
    var texts: [String]
    /// Where each section starts in the sections text, and its heading.
    var sectionStarts: [SectionStart]

    init(meeting: String, committee: String, date: CalendarDate, itemNumber: Int, title: String, caseNumber: String?,
         decided: Bool, texts: [String], sectionStarts: [SectionStart]) {
        self.meeting = meeting
        self.committee = committee
        self.date = date
        self.itemNumber = itemNumber
        self.title = title
        self.caseNumber = caseNumber
        self.decided = decided
        self.texts = texts
        self.sectionStarts = sectionStarts
    }

    struct SectionStart: Equatable, Sendable {
        var offset: Int
        var heading: String
    }

    /// Title counts most, then the decision, the recommendation, the sections.
    /// The last field, `case`, holds the case number as a term that adds nothing
    /// to a score: the case filter is a term, so that a hundred thousand distinct
    /// case numbers cost nothing until a query names one (an attribute would be
    /// read with every query's manifest).
    static let fields = textFields + [SearchField(name: "case", weight: 0)]
    /// The fields a record keeps the text of (all but `case`), in the order of `texts`.
    static let textFields = [
        SearchField(name: "title", weight: 3), SearchField(name: "sections", weight: 1),
        SearchField(name: "recommendation", weight: 1.5), SearchField(name: "decision", weight: 2),
    ]
    static var textFieldCount: Int { textFields.count }

    /// Filter attribute names, as `ArchiveSearchQuery` uses them: few values each.
    enum Attribute {
        static let committee = "committee", decided = "decided"
    }

    static func records(of meeting: ArchivedMeeting) -> [ItemRecord] {
        meeting.publicMeeting.items.map { item in
            var sections = ""
            var starts: [SectionStart] = []
            var decision = item.decision.map { CaseIndex.plainText($0.text) } ?? ""
            for section in item.sections {
                guard case .prose(let prose) = section.content else { continue }
                let text = CaseIndex.plainText(prose.blocks)
                if section.kind == .publicDecision {
                    decision += (decision.isEmpty ? "" : "\n") + text
                    continue
                }
                guard !text.isEmpty else { continue }
                if !sections.isEmpty { sections += "\n" }
                starts.append(SectionStart(offset: sections.utf8.count, heading: section.heading))
                sections += text
            }
            let recommendation = item.recommendation.map(CaseIndex.plainText) ?? ""
            return ItemRecord(
                meeting: meeting.id.path, committee: meeting.committee, date: meeting.date,
                itemNumber: item.number, title: item.title, caseNumber: item.caseNumber?.value,
                decided: item.decision != nil || item.publicDecision != nil,
                texts: [item.title, sections, recommendation, decision], sectionStarts: starts)
        }
    }

    static func dateNumber(_ date: CalendarDate) -> Int { date.year * 10_000 + date.month * 100 + date.day }

    /// The document for the index; `id` is the record's number in its segment.
    func document(id: Int) -> SearchDocument {
        let attributes: [String: [String]] = [
            Attribute.committee: [committee, Slug.make(committee)],
            Attribute.decided: [decided ? "ja" : "nej"],
        ]
        return SearchDocument(id: String(id), texts: texts + [caseNumber.map(CaseIndex.key) ?? ""], attributes: attributes,
                              date: ItemRecord.dateNumber(date))
    }

    /// The heading of the section holding a byte offset of the sections text.
    func sectionHeading(at offset: Int) -> String? {
        sectionStarts.last { $0.offset <= offset }?.heading
    }

    // MARK: Bytes

    var json: JSON {
        var object = JSONObjectBuilder()
        object.set("meeting", meeting)
        object.set("committee", committee)
        object.set("date", date.iso)
        object.set("item", itemNumber)
        object.set("title", title)
        object.set("case", caseNumber)
        object.set("decided", decided)
        object.set("texts", .array(texts.map { .string($0) }))
        object.set("sections", .array(sectionStarts.map { .array([.int($0.offset), .string($0.heading)]) }))
        return object.json
    }

    init?(json: JSON) {
        guard let meeting = json["meeting"]?.stringValue, let committee = json["committee"]?.stringValue,
              let dateText = json["date"]?.stringValue, case .date(let date) = CalendarDate.read(dateText),
              let itemNumber = json["item"]?.intValue, let title = json["title"]?.stringValue,
              let decided = json["decided"]?.boolValue,
              let texts = json["texts"]?.arrayValue?.compactMap(\.stringValue), texts.count == ItemRecord.textFieldCount,
              let sections = json["sections"]?.arrayValue else { return nil }
        var starts: [SectionStart] = []
        for entry in sections {
            guard let offset = entry[0]?.intValue, let heading = entry[1]?.stringValue else { return nil }
            starts.append(SectionStart(offset: offset, heading: heading))
        }
        self.init(meeting: meeting, committee: committee, date: date, itemNumber: itemNumber, title: title,
                  caseNumber: json["case"]?.stringValue, decided: decided, texts: texts, sectionStarts: starts)
    }
}

import AgendaBase
import AgendaSemantics

/// How `agendac archive search` and `archive case` print their answers: as
/// text for people, or as JSON (stable keys) for programs.
public enum ArchiveReports {
    // MARK: Search

    public static func searchText(_ results: [ArchiveSearchResult]) -> String {
        guard !results.isEmpty else { return "no items found\n" }
        var out = ""
        for (rank, result) in results.enumerated() {
            out += "\(rank + 1). \(result.committee), \(result.date.iso), punkt \(result.itemNumber): \(oneLine(result.itemTitle))\n"
            var place = "   \(result.meeting)"
            if let caseNumber = result.caseNumber { place += " · sag \(caseNumber)" }
            if let field = result.field { place += " · " + (result.section.map { "\(field): \(oneLine($0))" } ?? field) }
            out += place + "\n"
            if let passage = result.passage { out += "   " + oneLine(passage.marked()) + "\n" }
        }
        return out
    }

    public static func searchJSON(_ query: ArchiveSearchQuery, _ results: [ArchiveSearchResult]) -> String {
        var object = JSONObjectBuilder()
        object.set("query", query.text)
        object.set("results", .array(results.map { result in
            var entry = JSONObjectBuilder()
            entry.set("meeting", result.meeting)
            entry.set("committee", result.committee)
            entry.set("date", result.date.iso)
            entry.set("item", result.itemNumber)
            entry.set("title", result.itemTitle)
            entry.set("case", result.caseNumber)
            entry.set("score", .number((result.score * 10_000).rounded() / 10_000))
            entry.set("field", result.field)
            entry.set("section", result.section)
            if let passage = result.passage {
                entry.set("passage", passage.parts.map(\.text).joined())
                entry.set("marked", passage.marked())
            }
            return entry.json
        }))
        return object.json.prettyPrinted() + "\n"
    }

    // MARK: Case history

    public static func caseText(_ number: String, _ entries: [CaseHistory.Entry]) -> String {
        guard !entries.isEmpty else { return "case \(number): no treatment in the archive\n" }
        var out = "case \(number): \(entries.count) treatment\(entries.count == 1 ? "" : "s")\n"
        for entry in entries {
            let treatment = entry.treatment
            out += "\n\(treatment.date.iso)  \(treatment.committee), punkt \(treatment.itemNumber): \(oneLine(treatment.itemTitle))\n"
            var facts = "   \(treatment.meeting.path) · \(treatment.stage.rawValue)"
            if entry.link == .history { facts += " · linked by sagens gang (sag \(treatment.caseNumber.isEmpty ? "none" : treatment.caseNumber))" }
            out += facts + "\n"
            if !treatment.recommendation.isEmpty { out += "   recommendation: \(oneLine(treatment.recommendation))\n" }
            out += "   outcome: \(treatment.outcome.isEmpty ? "none recorded" : oneLine(treatment.outcome))\n"
        }
        return out
    }

    public static func caseJSON(_ number: String, _ entries: [CaseHistory.Entry]) -> String {
        var object = JSONObjectBuilder()
        object.set("case", number)
        object.set("treatments", .array(entries.map { entry in
            let treatment = entry.treatment
            var item = JSONObjectBuilder()
            item.set("date", treatment.date.iso)
            item.set("committee", treatment.committee)
            item.set("meeting", treatment.meeting.path)
            item.set("stage", treatment.stage.rawValue)
            item.set("item", treatment.itemNumber)
            item.set("title", treatment.itemTitle)
            item.set("case", treatment.caseNumber.isEmpty ? nil : treatment.caseNumber)
            item.set("link", entry.link.rawValue)
            item.set("recommendation", treatment.recommendation)
            item.set("outcome", treatment.outcome)
            item.set("source", entry.sourceFile)
            return item.json
        }))
        return object.json.prettyPrinted() + "\n"
    }

    /// Line breaks and runs of spaces read as one space, so each fact stays on its line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

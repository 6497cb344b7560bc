import AgendaArchive

extension Hover {
    /// The case's treatments in the workspace's archive, oldest first, each with
    /// its outcome's first line; at most `archivedShown`, then how many more.
    static func archivedHistory(_ entries: [CaseHistory.Entry]) -> [String] {
        guard !entries.isEmpty else { return ["Sagen står ikke i arkivet."] }
        var lines = ["**Sagens gang i arkivet:**", ""]
        for entry in entries.prefix(archivedShown) {
            let treatment = entry.treatment
            var line = "- \(treatment.date.iso) \(treatment.committee), punkt \(treatment.itemNumber): \(treatment.itemTitle)"
            if let outcome = treatment.outcome.split(separator: "\n").first { line += " — \(outcome)" }
            if entry.link == .history { line += " (via sagens gang)" }
            lines.append(line)
        }
        if entries.count > archivedShown { lines.append("- … og \(entries.count - archivedShown) behandlinger mere (`agendac archive case`)") }
        return lines
    }

    static let archivedShown = 20
}

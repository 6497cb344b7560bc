import AgendaSemantics

/// An item's searchable texts as the archive's search indexes them: title,
/// the prose sections (one after the other), the recommendation, and the
/// decision (a closed item's public decision counts as its decision).
/// Public model only.
struct PostgresItemTexts {
    var title: String
    var sections: String
    var recommendation: String
    var decision: String
    var decided: Bool

    init(_ item: Item) {
        title = item.title
        var sections = ""
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
            sections += text
        }
        self.sections = sections
        self.decision = decision
        recommendation = item.recommendation.map(CaseIndex.plainText) ?? ""
        decided = item.decision != nil || item.publicDecision != nil
    }
}

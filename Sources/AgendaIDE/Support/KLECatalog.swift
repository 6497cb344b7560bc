import AgendaSemantics

/// KLE titles for completion and hover: the configured plan when there is
/// one, else the open OS2KLE list for subjects and the facts every
/// municipality shares (`KLEFacts`) for main groups and facets.
struct KLECatalog {
    let plan: KLEPlan?

    struct Entry: Hashable {
        /// `15`, `15.00`, `15.00.00` or `A00`.
        var code: String
        var title: String
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    func mainGroupTitle(_ number: Int) -> String? {
        plan?.mainGroups[KLECatalog.two(number)] ?? KLEFacts.mainGroups[number]
    }

    func groupTitle(_ code: String) -> String? { plan?.groups[code] }

    /// The plan's title (also of a retired or moved subject) when there is a plan, else OS2KLE's.
    func subjectTitle(_ code: String) -> String? {
        if let plan, !plan.subjects.isEmpty { return plan.subjects[code] }
        return KLESubjectList.os2kle.subject(code)?.title
    }

    /// The current subjects: the plan's when it has any, else OS2KLE's.
    var subjects: KLESubjectList {
        if let plan, !plan.subjectList.isEmpty { return plan.subjectList }
        return KLESubjectList.os2kle
    }

    func facetTitle(_ code: String) -> String? { plan?.facets[code] ?? KLEFacts.facetTitles[code] }

    func familyTitle(_ letter: Character) -> String? { KLEFacts.facetFamilies[letter] }

    /// Every main group, by number.
    var mainGroups: [Entry] {
        var titles: [String: String] = [:]
        for (number, title) in KLEFacts.mainGroups { titles[KLECatalog.two(number)] = title }
        for (code, title) in plan?.mainGroups ?? [:] { titles[code] = title }
        return titles.map { Entry(code: $0.key, title: $0.value) }.sorted { $0.code < $1.code }
    }

    /// Facets in the plan's family order (A P S Ø G K I), then by number.
    var facets: [Entry] {
        var titles = KLEFacts.facetTitles
        for (code, title) in plan?.facets ?? [:] { titles[code] = title }
        return titles.map { Entry(code: $0.key, title: $0.value) }.sorted(by: KLECatalog.facetOrder)
    }

    /// The action-facet families (`A` Organisering mv.), in the plan's order.
    var families: [Entry] {
        KLEFacts.facetFamilyOrder.compactMap { letter in KLEFacts.facetFamilies[letter].map { Entry(code: String(letter), title: $0) } }
    }

    static func facetOrder(_ a: Entry, _ b: Entry) -> Bool {
        let order = KLEFacts.facetFamilyOrder
        let rankA = a.code.first.flatMap { order.firstIndex(of: $0) } ?? order.count
        let rankB = b.code.first.flatMap { order.firstIndex(of: $0) } ?? order.count
        return rankA != rankB ? rankA < rankB : a.code < b.code
    }
}

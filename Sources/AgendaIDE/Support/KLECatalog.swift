import AgendaSemantics

/// KLE titles for completion and hover: the configured plan when there is
/// one, else the facts every municipality shares (`KLEFacts`).
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

    func subjectTitle(_ code: String) -> String? { plan?.subjects[code] }

    func facetTitle(_ code: String) -> String? { plan?.facets[code] ?? KLEFacts.facetTitles[code] }

    func familyTitle(_ letter: Character) -> String? { KLEFacts.facetFamilies[letter] }

    /// Every main group, by number.
    var mainGroups: [Entry] {
        var titles: [String: String] = [:]
        for (number, title) in KLEFacts.mainGroups { titles[KLECatalog.two(number)] = title }
        for (code, title) in plan?.mainGroups ?? [:] { titles[code] = title }
        return titles.map { Entry(code: $0.key, title: $0.value) }.sorted { $0.code < $1.code }
    }

    /// The groups and subjects of a main group (`15`), from the plan, by code.
    /// Without a plan only `NN.00.00`, the main group in general, is known.
    func groupsAndSubjects(of mainGroup: String) -> [Entry] {
        guard let plan, !(plan.groups.isEmpty && plan.subjects.isEmpty) else {
            guard let number = Int(mainGroup), let title = mainGroupTitle(number) else { return [] }
            return [Entry(code: "\(mainGroup).00.00", title: "\(title) i almindelighed")]
        }
        let prefix = mainGroup + "."
        let groups = plan.groups.filter { $0.key.hasPrefix(prefix) }.map { Entry(code: $0.key, title: $0.value) }
        let subjects = plan.subjects.filter { $0.key.hasPrefix(prefix) }.map { Entry(code: $0.key, title: $0.value) }
        return (groups + subjects).sorted { $0.code < $1.code }
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

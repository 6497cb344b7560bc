import AgendaSemantics

/// A case number written in a form the checker does not read by itself
/// (Aalborg's `2024-012345`), told by its shape, and the form as
/// `agendac.json`'s `caseNumberPatterns` names it (`yyyy-nnnnnn`), so that the
/// import can say which setting makes its case numbers check.
public enum CaseNumberForm {
    /// Shorter or longer values are no case number a case system prints.
    private static let lengths = 5...30
    private static let separators: Set<Character> = ["-", "/", "."]

    /// The form of `value` when it has a case number's shape: runs of digits
    /// (six or more in all) joined by single `-`, `/` or `.`, neither a date
    /// (`05.02.2025`, `2025-02-05`) nor an amount (`12.500.000`). A four-digit
    /// year in the first or last place is `yyyy`; other runs are `n` as many
    /// times as they have digits.
    static func of(_ value: String) -> String? {
        guard lengths.contains(value.count) else { return nil }
        var groups: [Substring] = []
        var joints: [Character] = []
        var start = value.startIndex
        for index in value.indices {
            let character = value[index]
            if separators.contains(character) {
                guard index > start else { return nil }
                groups.append(value[start..<index])
                joints.append(character)
                start = value.index(after: index)
            } else if !(character.isASCII && character.isNumber) {
                return nil
            }
        }
        guard start < value.endIndex else { return nil }
        groups.append(value[start...])
        guard groups.count >= 2, groups.reduce(0, { $0 + $1.count }) >= 6 else { return nil }
        if isDate(groups) || isAmount(groups, joints) { return nil }
        var form = ""
        for (place, group) in groups.enumerated() {
            if place > 0 { form.append(joints[place - 1]) }
            let isYear = group.count == 4 && (place == 0 || place == groups.count - 1) && (Int(group).map { (1950...2099).contains($0) } ?? false)
            form += isYear ? "yyyy" : String(repeating: "n", count: group.count)
        }
        return form
    }

    /// Forms that differ only in the length of a digit run (`yyyy-nnnnn`,
    /// `yyyy-nnnnnn`) become one, that run a running number of any length (`yyyy-n`).
    public static func merged(_ forms: [String]) -> [String] {
        var order: [String] = []
        var bySkeleton: [String: [[Substring]]] = [:]
        for form in forms {
            let runs = runsOf(form)
            let skeleton = runs.map { $0.first == "n" ? "n" : String($0) }.joined()
            if bySkeleton[skeleton] == nil { order.append(skeleton) }
            bySkeleton[skeleton, default: []].append(runs)
        }
        return order.compactMap { skeleton in
            guard let all = bySkeleton[skeleton], let first = all.first else { return nil }
            return first.indices.map { place in
                all.allSatisfy({ $0[place] == first[place] }) ? String(first[place]) : "n"
            }.joined()
        }
    }

    /// The settings that let the checker read `forms` beside the forms it reads
    /// by itself: `caseNumberPatterns` replaces those, so it names them too.
    public static func settingsJSON(_ forms: [String]) -> String {
        let all = forms + CaseNumberPattern.builtInForms.filter { !forms.contains($0) }
        return "{\n  \"caseNumberPatterns\": [" + all.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n}\n"
    }

    /// `yyyy-nnnnnn` → [`yyyy`, `-`, `nnnnnn`].
    private static func runsOf(_ form: String) -> [Substring] {
        var runs: [Substring] = []
        var start = form.startIndex
        for index in form.indices where index > start && form[index] != form[form.index(before: index)] {
            runs.append(form[start..<index])
            start = index
        }
        if start < form.endIndex { runs.append(form[start...]) }
        return runs
    }

    /// `05.02.2025`, `5-2-2025`, `2025-02-05`, `2024-01`: day, month and year in either order.
    private static func isDate(_ groups: [Substring]) -> Bool {
        // `2024-01`: a year and a month
        if groups.count == 2, groups[0].count == 4, groups[1].count <= 2, let month = Int(groups[1]), (1...12).contains(month) { return true }
        guard groups.count == 3, let a = Int(groups[0]), let b = Int(groups[1]), let c = Int(groups[2]) else { return false }
        let dayFirst = groups[0].count <= 2 && groups[1].count <= 2 && (groups[2].count == 4 || groups[2].count == 2)
            && (1...31).contains(a) && (1...12).contains(b)
        let yearFirst = groups[0].count == 4 && groups[1].count <= 2 && groups[2].count <= 2
            && (1...12).contains(b) && (1...31).contains(c)
        return dayFirst || yearFirst
    }

    /// `12.500.000`: thousands set apart by full stops.
    private static func isAmount(_ groups: [Substring], _ joints: [Character]) -> Bool {
        joints.allSatisfy { $0 == "." } && groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

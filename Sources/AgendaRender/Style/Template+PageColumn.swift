extension Template {
    /// Characters a contents template may write as a leader between the title and the page column.
    static let leaderCharacters: Set<Character> = [".", "…", "·", "_", "\t", " "]

    /// The template without what the PDF sets itself beside a contents entry: its `{page}` slot
    /// (with the optional part holding it) and a trailing page column in the seeds' manner, a
    /// leader of dots or a tab and the slots after it (`{title}.....\t{number}` becomes
    /// `{title}`), so the PDF's own dot leader and right-aligned page number stand alone.
    /// A template without such a column is kept as written, but for its trailing spaces.
    func withoutPageColumn() -> Template {
        var copy = self
        copy.parts = Template.trimmingLeader(Template.removingPage(parts))
        return copy
    }

    private static func removingPage(_ parts: [Part]) -> [Part] {
        parts.compactMap { part in
            switch part {
            case .slot(let name, _) where name == "page":
                return nil
            case .optional(let inner):
                return inner.contains(where: holdsPage) ? nil : .optional(inner)
            default:
                return part
            }
        }
    }

    private static func holdsPage(_ part: Part) -> Bool {
        switch part {
        case .slot(let name, _): name == "page"
        case .optional(let inner): inner.contains(where: holdsPage)
        case .literal: false
        }
    }

    /// Cuts the last literal's trailing leader and what follows it, when all that follows is the
    /// page column's kind of slot (`{number}`, or leader text around it).
    private static func trimmingLeader(_ parts: [Part]) -> [Part] {
        guard let last = parts.lastIndex(where: { if case .literal = $0 { true } else { false } }),
              case .literal(let text) = parts[last],
              parts[(last + 1)...].allSatisfy(isColumnFiller) else { return parts }
        let keptCount = text.reversed().drop(while: leaderCharacters.contains).count
        let kept = text.prefix(keptCount), cut = text.dropFirst(keptCount)
        // a lone space before `{number}` is a phrase, not a leader: only dots or a tab make a column
        let isLeader = cut.contains { $0 != " " } || last == parts.count - 1
        guard isLeader, !cut.isEmpty else { return parts }
        var trimmed = Array(parts[..<last])
        if !kept.isEmpty { trimmed.append(.literal(String(kept))) }
        return trimmed
    }

    private static func isColumnFiller(_ part: Part) -> Bool {
        switch part {
        case .slot(let name, _): name == "number"
        case .literal(let text): text.allSatisfy(leaderCharacters.contains)
        case .optional(let inner): inner.allSatisfy(isColumnFiller)
        }
    }
}

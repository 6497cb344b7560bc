import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Items: numbering, decisions, recommendations, outcomes.
enum ItemRules {
    /// Titles of items that by nature have no decision.
    static let titlesWithoutDecision = ["eventuelt", "underskrift", "underskriftsark", "underskriftsside", "evt."]

    /// Numbers repeated or out of sequence (AG400, AG401), from the items' facts in order.
    static func numberingFindings(_ items: ItemFactsList, source: SourceText) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var seenNumbers = FirstItems(count: items.count)
        var previous: ItemFacts?
        // one renumbering fix for the whole document, its edits worked out only when resolved
        let renumber = renumberFix(items, source: source)
        for index in items.indices {
            let item = items[index]
            if let firstIndex = seenNumbers[item.number] {
                let first = items[firstIndex]
                findings.append(Diagnostic(.duplicateItemNumber, item.numberRange,
                    "item number \(item.number) is also item '\(first.title)' on line \(source.line(containing: first.headerRange.lowerBound) + 1); renumber the items",
                    fixes: renumber))
            } else {
                if let previous, item.numberWritten, item.number != previous.number + 1 {
                    findings.append(Diagnostic(.itemNumberSequence, item.numberRange,
                        "item \(item.number) follows item \(previous.number); expected \(previous.number + 1)",
                        fixes: renumber))
                }
                seenNumbers[item.number] = index
            }
            previous = item
        }
        return findings
    }

    /// The first item of each number, by its index. Numbers below the item
    /// count plus a margin (nearly all, numbered from 1) are kept in one array
    /// slot each, four bytes an item; others in a dictionary.
    struct FirstItems {
        private var dense: [UInt32]
        private var sparse: [Int: Int] = [:]

        init(count: Int) {
            dense = count < Int(UInt32.max) ? Array(repeating: UInt32.max, count: count + 64) : []
        }

        subscript(number: Int) -> Int? {
            get {
                if dense.indices.contains(number) { return dense[number] == UInt32.max ? nil : Int(dense[number]) }
                return sparse[number]
            }
            set {
                guard let newValue else { return }
                if dense.indices.contains(number) { dense[number] = UInt32(truncatingIfNeeded: newValue) } else { sparse[number] = newValue }
            }
        }
    }

    /// Decisions, the `uden beslutning` flag, recommendations and outcomes of one item.
    static func itemFindings(_ item: Item, kind: DocumentKind, source: SourceText) -> [Diagnostic] {
        var findings = decisionFindings(item, kind: kind, source: source)
        findings += flagFindings(item, source: source)
        if item.recommendation == nil, let decision = item.decision {
            for outcome in decision.outcomes {
                findings.append(Diagnostic(.outcomeWithoutRecommendation, outcome.range,
                    "item \(item.number) has no `indstilling:`, so `udfald\(outcome.point.map { " \($0)" } ?? ""):` has no point to record; add the recommendation with its points, or write the outcome as decision text"))
            }
        }
        if let recommendation = item.recommendation {
            if recommendation.points.isEmpty {
                findings.append(Diagnostic(.recommendationWithoutPoints, keywordRange(recommendation.range, source: source),
                    "the recommendation has no points; list them below `indstilling:` as `1. …`, `- …` or `at …`"))
            }
            if let decision = item.decision {
                for outcome in decision.outcomes {
                    if let point = outcome.point, point < 1 || point > recommendation.points.count {
                        findings.append(Diagnostic(.outcomeForMissingPoint, outcome.range,
                            "the recommendation has \(recommendation.points.count) point\(recommendation.points.count == 1 ? "" : "s"), so there is no point \(point)"))
                    }
                }
            }
        }
        return findings
    }

    static func decisionFindings(_ item: Item, kind: DocumentKind, source: SourceText) -> [Diagnostic] {
        if kind == .minutes, item.decision == nil, !item.markedWithoutDecision, !hasNoDecisionByNature(item) {
            let end = item.headerRange.upperBound
            return [Diagnostic(.missingDecision, item.headerRange,
                "item \(item.number) has no decision, and this is minutes; add `beslutning:` with the decision, or the flag `uden beslutning`",
                fixes: [Fix(title: "Add a decision", edits: [TextEdit(range: item.range.upperBound..<item.range.upperBound, replacement: "\n\nbeslutning:\n")]),
                        Fix(title: "Mark the item `uden beslutning`", edits: [TextEdit(range: end..<end, replacement: "\nuden beslutning")])])]
        }
        if kind == .agenda, let decision = item.decision {
            return [Diagnostic(.decisionInAgenda, keywordRange(decision.range, source: source),
                "this is an agenda (`dokument: dagsorden`), yet item \(item.number) has a decision; change `dokument:` to `referat` once the meeting is held")]
        }
        return []
    }

    /// `uden beslutning` on an item that has a decision: one finding at the flag, fixed by removing it.
    static func flagFindings(_ item: Item, source: SourceText) -> [Diagnostic] {
        guard item.markedWithoutDecision, let flag = item.noDecisionFlagRange, let decision = item.decision else { return [] }
        let decisionLine = source.line(containing: decision.range.lowerBound) + 1
        return [Diagnostic(.noDecisionFlagWithDecision, flag,
            "item \(item.number) is marked `uden beslutning` but has a decision (line \(decisionLine)); remove the flag, or the decision if there was none",
            fixes: [Fix(title: "Remove `uden beslutning`", edits: [TextEdit(range: wholeLine(containing: flag.lowerBound, source: source), replacement: "")])])]
    }

    /// The line with its line break, so removing it leaves no blank line.
    static func wholeLine(containing offset: Int, source: SourceText) -> Range<Int> {
        let line = source.line(containing: offset)
        let start = source.lineRange(line).lowerBound
        let end = line + 1 < source.lineCount ? source.lineRange(line + 1).lowerBound : source.bytes.count
        return start..<max(start, end)
    }

    static func hasNoDecisionByNature(_ item: Item) -> Bool {
        let title = item.title.lowercased()
        return titlesWithoutDecision.contains { title == $0 || title.hasPrefix($0) || title.hasSuffix(" " + $0) }
            || title.contains("underskrift")
    }

    /// The number in `punkt 3:`, or the keyword when the number was left out.
    static func numberRange(of item: Item, source: SourceText) -> Range<Int> {
        let line = item.headerRange
        guard let colon = source.bytes[line].firstIndex(of: UInt8(ascii: ":")) else { return line }
        return line.lowerBound..<colon
    }

    static func keywordRange(_ range: Range<Int>, source: SourceText) -> Range<Int> {
        source.lineRange(source.line(containing: range.lowerBound))
    }

    /// Rewrites every written item number to run on from the first item's;
    /// deferred, since it touches every item.
    static func renumberFix(_ items: ItemFactsList, source: SourceText) -> [Fix] {
        guard let first = items.first else { return [] }
        return [Fix(title: "Renumber the items from \(first.number)", deferred: DeferredEdits {
            renumberEdits(items, source: source)
        })]
    }

    static func renumberEdits(_ items: ItemFactsList, source: SourceText) -> [TextEdit] {
        guard let first = items.first else { return [] }
        var edits: [TextEdit] = []
        var next = first.number
        for item in items {
            defer { next &+= 1 }
            guard item.numberWritten, item.number != next else { continue }
            // the digits after the last space of `punkt 12`
            guard let space = source.bytes[item.numberRange].lastIndex(of: 0x20) else { continue }
            edits.append(TextEdit(range: (space + 1)..<item.numberRange.upperBound, replacement: String(next)))
        }
        return edits
    }
}

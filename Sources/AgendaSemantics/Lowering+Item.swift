import AgendaBase
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

extension Lowering {
    mutating func item(_ syntax: ItemSyntax, after previous: Int?) -> Item {
        let line = syntax.line
        let number = line.number ?? ((previous ?? 0) + 1)
        var item = Item(number: number, numberWritten: line.number != nil, title: text(line.valueRange), titleRange: line.valueRange,
                        headerRange: line.range, range: syntax.range)
        var seen = SeenKeywords()
        for entry in syntax.entries {
            guard let entryLine = entry.line else {
                item.sections.append(Section(kind: .untitled, heading: "", range: entry.range, content: .prose(ProseBlocks(source: source, syntax: entry.body))))
                continue
            }
            let keyword = entryLine.keyword
            let repeatable = keyword == .absent || keyword == .conflictOfInterest || keyword == .customSection || keyword == .attachments || keyword == .history
            if !repeatable, let first = seen[keyword] {
                report(.duplicateField, entryLine.keywordRange,
                       "`\(text(entryLine.keywordRange)):` is given twice in this item (first on line \(source.line(containing: first.lowerBound) + 1)); merge the two")
            }
            if seen[keyword] == nil { seen.record(keyword, entryLine.range) }
            let value = text(entryLine.valueRange)
            switch keyword {
            case .caseNumber: item.caseNumber = required(entryLine).map { Located($0, entryLine.valueRange) }
            case .closed: item.closed = !["nej", "no", "false"].contains(value.lowercased())
            case .noDecision:
                item.markedWithoutDecision = !["nej", "no", "false"].contains(value.lowercased())
                item.noDecisionFlagRange = entryLine.range
            case .confidentialDecision:
                item.confidentialDecision = ["nej", "no", "false"].contains(value.lowercased()) ? nil : entryLine.range
            case .publicTitle: item.publicTitle = required(entryLine).map { Located($0, entryLine.valueRange) }
            case .distribution:
                item.distribution = distributionCodes(entryLine.valueRange)
                item.distributionRange = entryLine.valueRange
            case .caseworker: item.caseworker = Located(value, entryLine.valueRange)
            case .otherCaseworkers: item.otherCaseworkers = Located(value, entryLine.valueRange)
            case .duration: item.duration = required(entryLine).map { Located($0, entryLine.valueRange) }
            case .concludedIn, .decidedIn, .decidedBy:
                if let first = item.finalAuthority {
                    // three spellings of one fact: the first counts, a second is reported and kept as written
                    report(.duplicateField, entryLine.keywordRange,
                           "the item's final authority is given twice (first on line \(source.line(containing: first.range.lowerBound) + 1)); only the first counts, so remove one")
                    item.sections.append(Section(kind: .untitled, heading: "", range: entry.range,
                                                 content: .prose(ProseBlocks(source: source, leading: [kept(entryLine)], syntax: entry.body))))
                    continue
                }
                if var body = required(entryLine) {
                    if body.hasSuffix(".") { body.removeLast() }
                    let phrase: FinalAuthority.Phrase = keyword == .concludedIn ? .concludedIn : keyword == .decidedIn ? .decidedIn : .decidedBy
                    item.finalAuthority = FinalAuthority(phrase: phrase, body: body, range: entryLine.valueRange)
                }
            case .absent:
                item.absentees += people(entryLine, entry.body)
                continue
            case .conflictOfInterest:
                item.conflicts.append(conflict(entryLine, reason: blocks(entry.body)))
                continue
            case _ where keyword.role == .section:
                item.sections.append(section(entry, line: entryLine))
                continue
            default:
                // a meeting field inside an item (reported by the parser): keep its words
                item.sections.append(Section(kind: .untitled, heading: "", range: entry.range,
                                             content: .prose(ProseBlocks(source: source, leading: [kept(entryLine)], syntax: entry.body))))
                continue
            }
            if !entry.body.isEmpty {
                var kept: [Block] = []
                keepStrayBody(entry, into: &kept)
                item.sections.append(Section(kind: .untitled, heading: "", range: entry.range, content: .prose(ProseBlocks(kept))))
            }
        }
        item.sections = item.sections.trimmingCapacity()
        applyFailSafeFlags(syntax, to: &item)
        if let decision = item.decision {
            item.absentees += decision.absentees
            item.conflicts += decision.conflicts
        }
        return item
    }

    /// `DIR(x) BFU SOS`: codes separated by spaces or commas; `(x)` marks the code before it.
    func distributionCodes(_ range: Range<Int>) -> [DistributionCode] {
        var codes: [DistributionCode] = []
        var cursor = range.lowerBound
        let bytes = source.bytes
        while cursor < range.upperBound {
            while cursor < range.upperBound, bytes[cursor] == 0x20 || bytes[cursor] == UInt8(ascii: ",") { cursor += 1 }
            let start = cursor
            while cursor < range.upperBound, bytes[cursor] != 0x20, bytes[cursor] != UInt8(ascii: ","), bytes[cursor] != UInt8(ascii: "(") { cursor += 1 }
            var marked = false
            let codeEnd = cursor
            var lookahead = cursor
            while lookahead < range.upperBound, bytes[lookahead] == 0x20 { lookahead += 1 }
            if lookahead + 2 < range.upperBound + 0, bytes[lookahead] == UInt8(ascii: "("), lookahead + 2 < range.upperBound,
               bytes[lookahead + 1] | 0x20 == UInt8(ascii: "x"), bytes[lookahead + 2] == UInt8(ascii: ")") {
                marked = true
                cursor = lookahead + 3
            } else if cursor < range.upperBound, bytes[cursor] == UInt8(ascii: "(") {
                cursor += 1  // a stray parenthesis: skip it rather than loop
            }
            if codeEnd > start { codes.append(DistributionCode(code: text(start..<codeEnd), marked: marked, range: start..<codeEnd)) }
        }
        return codes
    }

    /// The heading a section prints: the Danish label, or the Danish spelling as written (`Sagsresume`).
    func heading(for line: KeywordLine) -> String {
        if line.keyword == .customSection { return text(line.valueRange) }
        // `Resumé` and `Beslutninger` print as the spelling they stand for
        let spelling = KeywordMatcher.spelling(written: source.bytes[line.keywordRange]) ?? text(line.keywordRange).lowercased()
        if spelling == line.keyword.canonical || line.keyword.english.contains(spelling) { return line.keyword.label }
        return spelling.prefix(1).uppercased() + spelling.dropFirst()
    }

    mutating func section(_ entry: EntrySyntax, line: KeywordLine) -> Section {
        let heading = heading(for: line)
        let kind: SectionKind
        let content: SectionContent
        switch line.keyword {
        case .recommendation:
            kind = .recommendation
            content = .recommendation(recommendation(entry, line: line))
        case .decision:
            kind = .decision
            content = .decision(decision(entry, line: line))
        case .attachments:
            kind = .attachments
            content = .attachments(attachments(entry, line: line))
        case .history:
            kind = .history
            content = .history(history(entry, line: line))
        default:
            kind = switch line.keyword {
            case .summary: .summary
            case .presentation: .presentation
            case .economy: .economy
            case .procedure: .procedure
            case .publicDecision: .publicDecision
            default: .custom
            }
            if line.keyword == .customSection, line.valueRange.isEmpty {
                report(.missingValue, line.range, "`\(text(line.keywordRange)):` needs the section's heading after the colon")
            }
            var leading: [Block] = []
            if line.keyword != .customSection, !line.valueRange.isEmpty {
                leading.append(.paragraph(inlines(line.valueRange), range: line.valueRange))
            }
            content = .prose(ProseBlocks(source: source, leading: leading, syntax: entry.body))
        }
        return Section(kind: kind, heading: heading, range: entry.range, content: content)
    }
}

import AgendaSyntax

/// KLE subjects proposed for an item from the words of its title and text.
extension AnalyzedDocument {
    /// The best `limit` subjects for the item, best first; empty when none of OS2KLE's keywords occur.
    public func suggestedSubjects(for item: Item, limit: Int = 3) -> [KLESuggestion] {
        KLEKeywordIndex.os2kle.rank(title: item.title, text: subjectText(of: item), limit: limit)
    }

    /// The main groups whose subjects' keywords occur in the item: when its own is not among them, its subject has nothing to do with its text.
    public func mainGroupsMentioned(in item: Item) -> Set<Int> {
        KLEKeywordIndex.os2kle.mainGroupsMentioned(title: item.title, text: subjectText(of: item))
    }

    /// What a reader sees of an item below its title: field values and section
    /// text, without keywords and without the case number (which must not vote for itself).
    public func subjectText(of item: Item) -> String {
        guard let syntax = itemSyntax(startingAt: item.headerRange.lowerBound) else { return "" }
        var ranges: [Range<Int>] = []
        for entry in syntax.entries {
            if let line = entry.line, line.keyword != .caseNumber { ranges.append(line.valueRange) }
            for block in entry.body {
                if case .keyword(let line) = block { ranges.append(line.valueRange) } else { ranges.append(block.range) }
            }
        }
        return ranges.map { source.text($0) }.joined(separator: "\n")
    }

    /// The item whose `punkt` line starts at `offset`, by binary search.
    func itemSyntax(startingAt offset: Int) -> ItemSyntax? {
        var low = 0, high = syntax.items.count
        while low < high {
            let middle = (low + high) / 2
            if syntax.items[middle].line.range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low < syntax.items.count && syntax.items[low].line.range.lowerBound == offset ? syntax.items[low] : nil
    }
}

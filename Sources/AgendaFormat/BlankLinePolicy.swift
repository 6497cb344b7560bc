import AgendaBase
import AgendaSyntax

/// Decides the blank lines: one above every section, sub-heading, item and
/// signature sheet; none between an item's `punkt` line and its leading fields;
/// at most one anywhere else; none at the start or the end. Comments directly
/// above a keyword line belong to it, so the blank line goes above them.
struct BlankLinePolicy {
    let document: DocumentSyntax
    let plan: LinePlan

    /// `texts[i]` is line i's new text, nil when blank.
    func apply(to texts: [String?]) -> FormattedLines {
        let wanted = wantedBlanks()
        var output = [[String]](repeating: [], count: texts.count)
        var pendingBlanks: [Int] = []
        var wroteText = false
        for (index, text) in texts.enumerated() {
            guard let text else {
                pendingBlanks.append(index)
                continue
            }
            let count = wroteText ? (wanted[index] ?? min(pendingBlanks.count, 1)) : 0
            // keep the first blank lines of the run as they are, so the edits stay small
            for blank in pendingBlanks.prefix(count) { output[blank] = [""] }
            output[index] = Array(repeating: "", count: max(0, count - pendingBlanks.count)) + [text]
            pendingBlanks = []
            wroteText = true
        }
        return FormattedLines(source: document.source, lines: output)
    }

    /// Blank lines required above a line, nil where the author's (at most one) stand.
    private func wantedBlanks() -> [Int?] {
        var wanted = [Int?](repeating: nil, count: document.lines.count)
        for (index, line) in document.lines.enumerated() {
            guard case .keyword(let keywordLine) = line.kind, let count = required(keywordLine, at: index) else { continue }
            if count == 0 {
                // a leading field pulls up every comment above it, blank lines or not
                for above in commentsAbove(index, acrossBlankLines: true) { wanted[above] = 0 }
                wanted[index] = 0
            } else {
                wanted[commentsAbove(index, acrossBlankLines: false).last ?? index] = count
            }
        }
        return wanted
    }

    /// The comment lines directly above `index`, nearest first.
    private func commentsAbove(_ index: Int, acrossBlankLines: Bool) -> [Int] {
        var result: [Int] = []
        var cursor = index - 1
        while cursor >= 0 {
            switch document.lines[cursor].kind {
            case .comment: result.append(cursor)
            case .blank where acrossBlankLines: break
            default: return result
            }
            cursor -= 1
        }
        return result
    }

    private func required(_ line: KeywordLine, at index: Int) -> Int? {
        if plan.tightLines.contains(index) { return 0 }
        switch line.keyword.role {
        case .section, .heading, .itemStart, .signatures: return 1
        default: return nil
        }
    }
}

/// The formatted document as the lines each source line became.
struct FormattedLines {
    let source: SourceText
    /// `lines[i]`: what source line i becomes, each to be ended by a newline.
    let lines: [[String]]

    func replacement(ofLine index: Int) -> String {
        lines[index].map { $0 + "\n" }.joined()
    }

    var text: String {
        var result = ""
        result.reserveCapacity(source.bytes.count + 64)
        for index in lines.indices { result += replacement(ofLine: index) }
        return result
    }

    func isChanged(_ index: Int) -> Bool {
        !source.bytes[source.lineUnit(index)].elementsEqual(replacement(ofLine: index).utf8)
    }
}

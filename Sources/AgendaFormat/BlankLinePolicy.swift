import AgendaBase
import AgendaSyntax

/// Decides the blank lines: one above every section, sub-heading, item and
/// signature sheet; none between an item's `punkt` line and its leading fields;
/// at most one anywhere else; none at the start or the end. Comments directly
/// above a keyword line belong to it, so the blank line goes above them.
///
/// Writes as it goes: nothing is kept for a line but what it becomes.
struct BlankLinePolicy {
    let document: DocumentSyntax
    let plan: LinePlan

    /// Writes lines `0..<lineCount`, `text(i)` being line i's new text (nil when blank).
    func write(lineCount: Int, recordingLines: Bool, text: (Int) -> String?) -> FormattedLines {
        let wanted = wantedBlanks()
        var output = FormattedLines.Builder(source: document.source, recordingLines: recordingLines)
        var nextWanted = 0
        // the run of blank lines not yet written: they come out when the next text does
        var pendingStart = 0, pendingCount = 0
        var wroteText = false
        for index in 0..<lineCount {
            guard let text = text(index) else {
                if pendingCount == 0 { pendingStart = index }
                pendingCount += 1
                continue
            }
            while nextWanted < wanted.count, wanted[nextWanted].line < index { nextWanted += 1 }
            let required = nextWanted < wanted.count && wanted[nextWanted].line == index ? Int(wanted[nextWanted].count) : nil
            let count = wroteText ? (required ?? min(pendingCount, 1)) : 0
            // keep the first blank lines of the run as they are, so the edits stay small
            for blank in 0..<pendingCount { output.endLine(pendingStart + blank, blankLines: blank < count ? 1 : 0) }
            output.endLine(index, blankLines: max(0, count - pendingCount), text: text)
            pendingCount = 0
            wroteText = true
        }
        for blank in 0..<pendingCount { output.endLine(pendingStart + blank, blankLines: 0) }
        return output.finish()
    }

    /// Blank lines required above a line, where the author's (at most one) do
    /// not stand: sorted by line, one entry a line.
    private func wantedBlanks() -> [(line: Int, count: Int8)] {
        var wanted: [(line: Int, count: Int8)] = []
        func want(_ count: Int8, at line: Int) {
            if let last = wanted.last, last.line >= line {
                // not expected (the lines come in order), but the latest word wins, as it would in a per-line table
                wanted.removeAll { $0.line == line }
                wanted.append((line, count))
                wanted.sort { $0.line < $1.line }
            } else {
                wanted.append((line, count))
            }
        }
        let lines = document.lines
        for index in lines.indices {
            guard let keywordLine = lines.keywordLine(at: index), let count = required(keywordLine, at: index) else { continue }
            if count == 0 {
                // a leading field pulls up every comment above it, blank lines or not
                for above in commentsAbove(index, acrossBlankLines: true).reversed() { want(0, at: above) }
                want(0, at: index)
            } else {
                want(count, at: commentsAbove(index, acrossBlankLines: false).last ?? index)
            }
        }
        return wanted
    }

    /// The comment lines directly above `index`, nearest first.
    private func commentsAbove(_ index: Int, acrossBlankLines: Bool) -> [Int] {
        var result: [Int] = []
        var cursor = index - 1
        while cursor >= 0 {
            if document.lines.isComment(cursor) {
                result.append(cursor)
            } else if !(acrossBlankLines && document.lines.isBlank(cursor)) {
                return result
            }
            cursor -= 1
        }
        return result
    }

    private func required(_ line: KeywordLine, at index: Int) -> Int8? {
        if plan.tightLines.contains(index) { return 0 }
        switch line.keyword.role {
        case .section, .heading, .itemStart, .signatures: return 1
        default: return nil
        }
    }
}

/// The formatted document, and (when recorded) where each source line's output ends.
struct FormattedLines {
    let source: SourceText
    /// The whole output, UTF-8.
    let bytes: [UInt8]
    /// `lineEnds[i]`: where what source line i became ends in `bytes`; empty when not recorded.
    let lineEnds: [Int]

    /// Whether every source line's output was recorded (`Formatter.edits` needs it).
    var recordsLines: Bool { lineEnds.count == source.lineCount }

    /// What source line `index` becomes, each line ended by a newline ("" when it is dropped).
    func replacement(ofLine index: Int) -> String {
        String(decoding: bytes[outputRange(ofLine: index)], as: UTF8.self)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    func isChanged(_ index: Int) -> Bool {
        !source.bytes[source.lineUnit(index)].elementsEqual(bytes[outputRange(ofLine: index)])
    }

    private func outputRange(ofLine index: Int) -> Range<Int> {
        guard lineEnds.indices.contains(index) else { return bytes.endIndex..<bytes.endIndex }
        return (index == 0 ? 0 : lineEnds[index - 1])..<lineEnds[index]
    }

    struct Builder {
        let source: SourceText
        let recordingLines: Bool
        private var bytes: [UInt8] = []
        private var lineEnds: [Int] = []

        init(source: SourceText, recordingLines: Bool) {
            self.source = source
            self.recordingLines = recordingLines
            bytes.reserveCapacity(source.bytes.count + 64)
            if recordingLines { lineEnds.reserveCapacity(source.lineCount) }
        }

        /// Source line `index` becomes `blankLines` blank lines, then `text` and a newline when given.
        mutating func endLine(_ index: Int, blankLines: Int, text: String? = nil) {
            for _ in 0..<blankLines { bytes.append(0x0A) }
            if let text {
                bytes.append(contentsOf: text.utf8)
                bytes.append(0x0A)
            }
            if recordingLines { lineEnds.append(bytes.count) }
        }

        func finish() -> FormattedLines { FormattedLines(source: source, bytes: bytes, lineEnds: lineEnds) }
    }
}

import AgendaBase

/// Joins the printed lines the layout wrapped back into the paragraphs,
/// headings, list entries and contents entries they were, one a line with a
/// blank line between them (contents entries and a list's entries stay
/// together). A line was wrapped when the next line's first word would not
/// have fitted after it (greedy line breaking, the rule every typesetter
/// follows), measured against the text's right margin: the width most full
/// lines reach.
struct Reflow {
    let lines: [LayoutLine]
    /// The column the text's lines end near when they are full.
    let wrapWidth: Int

    init(_ lines: [LayoutLine]) {
        self.lines = lines
        wrapWidth = Reflow.rightMargin(lines)
    }

    private enum Kind { case paragraph, bulletEntry, numberedEntry, leader, table }

    /// A line of output being put together from printed lines.
    private struct Logical {
        /// The pieces joined so far; put together once, when the line is done (joining as
        /// it grows would copy a long paragraph once per printed line).
        var pieces: [String]
        var text: String { pieces.joined() }
        /// The first piece alone, for what looks at how the line starts.
        var head: String { pieces.first ?? "" }
        var first: ImportLine
        var kind: Kind
        var last: LayoutLine
        /// A blank line stood above its first printed line.
        var blankBefore: Bool
        var printedLines = 1
    }

    func output() -> [ImportLine] {
        var output: [ImportLine] = []
        var current: Logical?
        var previousKind: Kind?
        var contents = ContentsTitles()
        var noTableBefore = 0

        func flush() {
            guard let logical = current else { return }
            var text = logical.text
            if logical.kind == .leader {
                text = Reflow.contentsEntry(text)
                contents.add(text)
            }
            let together = (previousKind == .leader && logical.kind == .leader)
                || (previousKind == logical.kind && (logical.kind == .bulletEntry || logical.kind == .numberedEntry) && !logical.blankBefore)
            if previousKind != nil, !together { output.append(ImportLine(text: "", sourceLine: logical.first.sourceLine, page: logical.first.page)) }
            output.append(ImportLine(text: text, sourceLine: logical.first.sourceLine, page: logical.first.page))
            previousKind = logical.kind
            current = nil
        }

        var index = 0
        while index < lines.count {
            if index >= noTableBefore, let found = LayoutTable.table(in: lines, at: index) {
                if let rows = found.rows {
                    flush()
                    if previousKind != nil, let first = rows.first { output.append(ImportLine(text: "", sourceLine: first.sourceLine, page: first.page)) }
                    output.append(contentsOf: rows)
                    previousKind = .table
                    index = found.end
                    continue
                }
                noTableBefore = found.end
            }
            let line = lines[index]
            if var logical = current, joins(logical, line, contents: contents) {
                let tail = line.collapsed
                if let last = logical.pieces.popLast() {
                    let seam = Reflow.seam(last, tail)
                    logical.pieces.append(seam.head)
                    logical.pieces.append(seam.tail)
                }
                if Reflow.isLeader(line.characters) { logical.kind = .leader }
                logical.last = line
                logical.printedLines += 1
                current = logical
            } else {
                flush()
                current = start(line)
            }
            index += 1
        }
        flush()
        return output
    }

    private func start(_ line: LayoutLine) -> Logical {
        var text = line.collapsed
        var kind = Kind.paragraph
        if line.cells.count >= 2, let label = line.cells.first?.text, PrintedLabels.isLabel(label) {
            // "Sagsbehandler      Louise Kragh": a label set in its own column, as "Sagsbehandler: Louise Kragh"
            text = label + ": " + line.cells.dropFirst().map(\.text).joined(separator: " ")
        } else if Reflow.isLeader(line.characters) {
            kind = .leader
        } else if let bullet = text.first, Reflow.bullets.contains(bullet) {
            text = "- " + String(text.dropFirst()).trimmedSpaces
            kind = .bulletEntry
        } else if text.hasPrefix("- ") || text.hasPrefix("* ") {
            kind = .bulletEntry
        } else if Reflow.numberedMarkerLength(text) != nil {
            kind = .numberedEntry
        }
        return Logical(pieces: [text], first: line.line, kind: kind, last: line, blankBefore: line.blankBefore)
    }

    /// Whether `line` goes on the logical line being built.
    private func joins(_ logical: Logical, _ line: LayoutLine, contents: ContentsTitles) -> Bool {
        let last = logical.last
        if line.blankBefore || logical.kind == .leader || logical.kind == .table { return false }
        let text = line.collapsed
        if let first = text.first, Reflow.bullets.contains(first) { return false }
        // A title wrapped in a larger font: the contents list has it whole.
        if logical.kind != .bulletEntry, logical.printedLines <= 3, contents.continues(logical.text, with: text) { return true }
        if logical.kind != .bulletEntry, logical.printedLines == 1, Reflow.looksLikeItemHeading(logical.head),
           let first = text.first, first.isLowercase { return true }
        if let markerLength = Reflow.numberedMarkerLength(text) {
            // "1. januar 2027" below a full line is the text going on; the next
            // number of the list, or anything else, starts an entry.
            let after = text.dropFirst(markerLength).trimmedSpaces
            if logical.kind == .numberedEntry, let number = Reflow.leadingNumber(text),
               Reflow.leadingNumber(logical.head).map({ $0 + 1 }) == number { return false }
            guard wrapped(last, before: line), let first = after.first, first.isLowercase else { return false }
        }
        guard indentFits(last, line, firstOfEntry: logical.printedLines == 1 && logical.kind != .paragraph) else { return false }
        if Reflow.endsWithHyphen(last.characters), last.end * 5 >= wrapWidth * 3 { return true }
        return wrapped(last, before: line)
    }

    /// The line below starts where text on `last` went on: at its indent, or
    /// at the text after a list marker or a label ("Mødedeltagere   Jon …").
    private func indentFits(_ last: LayoutLine, _ line: LayoutLine, firstOfEntry: Bool) -> Bool {
        var columns = [last.indent]
        if let lastCell = last.cells.last, last.cells.count >= 2 { columns.append(lastCell.start) }
        if firstOfEntry { columns.append(Reflow.textColumn(last)) }
        return columns.contains { abs($0 - line.indent) <= 2 }
    }

    /// Whether the layout ended `last` and the text goes on in `line`.
    /// Character columns only roughly stand for widths in a proportional font
    /// (full lines end anywhere in the last tenth of the width), so: a long
    /// line ending mid-sentence was wrapped; a sentence's end before a capital
    /// ends the paragraph when the next word would have fitted after it, or
    /// when a heading follows (a short line without closing punctuation).
    private func wrapped(_ last: LayoutLine, before line: LayoutLine) -> Bool {
        guard last.end > 0, line.indent < line.characters.count else { return false }
        guard ".!?:".contains(last.characters[last.end - 1]) else { return last.end * 4 >= wrapWidth * 3 }
        let first = line.characters[line.indent]
        guard first.isUppercase || first.isNumber else { return true }
        let closing = line.end > 0 && ".!?:,;)".contains(line.characters[line.end - 1])
        if !closing, (line.end - line.indent) * 10 < wrapWidth * 6 { return false }
        return last.end + 1 + line.firstWordLength > wrapWidth
    }

    // MARK: - The pieces of a line

    static let bullets: Set<Character> = Set("•●▪◦‣⁃■□➢►·")

    /// The column where the text after a list marker starts.
    static func textColumn(_ line: LayoutLine) -> Int {
        var index = line.indent
        while index < line.end, !line.characters[index].isWhitespace { index += 1 }
        while index < line.end, line.characters[index].isWhitespace { index += 1 }
        return index
    }

    /// `1. `, `12) `, `a) `: the marker's length with its space, or nil.
    static func numberedMarkerLength(_ text: String) -> Int? {
        var count = 0
        var digits = 0
        for character in text.prefix(5) {
            if character.isASCII, character.isNumber { digits += 1; count += 1; continue }
            if (character == "." || character == ")"), digits > 0 || count == 1 {
                let rest = text.dropFirst(count + 1)
                return rest.first == " " ? count + 2 : nil
            }
            if count == 0, character.isLetter, character.isLowercase { count += 1; continue }
            return nil
        }
        return nil
    }

    static func leadingNumber(_ text: String) -> Int? {
        Int(text.prefix(while: { $0.isASCII && $0.isNumber }).prefix(6))
    }

    /// "1. Godkendelse …", "Punkt 3: …", "Pkt. 42 …", "Nr.178 - …".
    static func looksLikeItemHeading(_ text: String) -> Bool {
        let lowered = text.lowercased()
        for prefix in ["punkt ", "pkt. ", "pkt ", "nr.", "nr "] where lowered.hasPrefix(prefix) {
            return lowered.dropFirst(prefix.count).trimmedSpaces.first?.isNumber == true
        }
        guard let length = numberedMarkerLength(text), text.first?.isNumber == true else { return false }
        return text.dropFirst(length).first?.isUppercase == true
    }

    /// A contents entry: a dot leader (four dots or more, or "…") and a page number at the end.
    static func isLeader(_ characters: [Character]) -> Bool {
        var index = characters.count - 1
        while index >= 0, characters[index].isWhitespace { index -= 1 }
        let numberEnd = index
        while index >= 0, characters[index].isASCII, characters[index].isNumber { index -= 1 }
        guard index < numberEnd, numberEnd - index <= 4 else { return false }
        while index >= 0, characters[index].isWhitespace { index -= 1 }
        var dots = 0
        while index >= 0, characters[index] == "." || characters[index] == "…" || characters[index] == " " {
            if characters[index] != " " { dots += characters[index] == "…" ? 3 : 1 }
            index -= 1
        }
        return dots >= 4
    }

    /// "Title ......... 12" as the seeds write a contents entry: "Title.....⇥12".
    static func contentsEntry(_ text: String) -> String {
        var characters = Array(text)
        var number = ""
        while let last = characters.last, last.isASCII, last.isNumber {
            number.insert(last, at: number.startIndex)
            characters.removeLast()
        }
        while let last = characters.last, last == "." || last == "…" || last.isWhitespace { characters.removeLast() }
        return String(characters) + ".....\t" + number
    }

    static func endsWithHyphen(_ characters: [Character]) -> Bool {
        var index = characters.count - 1
        while index >= 0, characters[index].isWhitespace { index -= 1 }
        guard index >= 1, "-\u{2010}\u{AD}".contains(characters[index]) else { return false }
        return characters[index - 1].isLetter || characters[index - 1].isNumber
    }

    /// Two pieces of a paragraph put together; a word hyphenated at the line's
    /// end is made whole, a real hyphen kept ("KL-aftale", "Ældre- og …", "2024-2027").
    static func joined(_ head: String, _ tail: String) -> String {
        let seam = seam(head, tail)
        return seam.head + seam.tail
    }

    /// What `head` becomes (its hyphen dropped or not) and what follows it.
    static func seam(_ head: String, _ tail: String) -> (head: String, tail: String) {
        guard let last = head.last, "-\u{2010}\u{AD}".contains(last) else { return (head, " " + tail) }
        let stem = String(head.dropLast())
        guard let before = stem.last, before.isLetter || before.isNumber else { return (head, " " + tail) }
        if last == "\u{AD}" { return (stem, tail) }
        if before.isNumber { return (head, tail) }
        let nextWord = tail.prefix(while: { $0.isLetter }).lowercased()
        if ["og", "eller", "samt", "til", "and", "or", "&"].contains(nextWord) { return (head, " " + tail) }
        let word = stem.reversed().prefix(while: { $0.isLetter })
        let acronym = word.count == 1 || word.allSatisfy(\.isUppercase)
        guard !acronym, let first = tail.first, first.isLowercase else { return (head, tail) }
        return (stem, tail)
    }

    /// The column full lines end near: a high percentile of the ends of lines of prose.
    static func rightMargin(_ lines: [LayoutLine]) -> Int {
        var ends: [Int] = []
        for line in lines where line.cells.count == 1 && !isLeader(line.characters) {
            var spaces = 0
            for character in line.characters[line.indent..<line.end] where character == " " { spaces += 1 }
            if spaces >= 5 { ends.append(line.end) }
        }
        if ends.isEmpty { ends = lines.map(\.end) }
        guard !ends.isEmpty else { return 80 }
        ends.sort()
        return ends[min(ends.count - 1, ends.count * 9 / 10)]
    }
}

/// The contents list's titles, so a heading wrapped in a larger font can be
/// joined again: looked up by the first two words after the item number.
struct ContentsTitles {
    private var byStart: [String: [String]] = [:]

    mutating func add(_ entry: String) {
        let title = String(entry.prefix(while: { $0 != "\t" }).dropLast(5))
        let key = ContentsTitles.key(title)
        guard !key.words.isEmpty else { return }
        byStart[key.start, default: []].append(key.words)
    }

    /// Whether `head` followed by `tail` is the start of a title and `head` alone is not all of it.
    func continues(_ head: String, with tail: String) -> Bool {
        let key = ContentsTitles.key(head)
        guard let titles = byStart[key.start], titles.count <= 50 else { return false }
        let joined = ContentsTitles.key(head + " " + tail).words
        return titles.contains { $0 != key.words && $0.hasPrefix(joined) }
    }

    /// The title without its item number ("83. ", "Punkt 3: "), lowercased, and its first two words.
    static func key(_ text: String) -> (start: String, words: String) {
        var words = text.lowercased().split(separator: " ").map(String.init)
        if let first = words.first, first == "punkt" || first == "pkt." || first == "pkt" || first == "nr." {
            words.removeFirst()
        }
        if let first = words.first, let digit = first.first, digit.isNumber {
            words.removeFirst()
        }
        return (words.prefix(2).joined(separator: " "), words.joined(separator: " "))
    }
}

/// One non-blank printed line of a page as `pdftotext -layout` placed it: its
/// characters, where its text starts and ends (columns stand for positions on
/// the page), and what stood before it (a blank line, a page break).
struct LayoutLine {
    var line: ImportLine
    var characters: [Character]
    /// The column of the first and one past the last non-space character.
    var indent: Int
    var end: Int
    /// A blank line stood between this line and the one before it on the page.
    var blankBefore: Bool
    /// The first line of a page after the first.
    var pageBreakBefore: Bool
    /// The text's pieces separated by two spaces or more: the cells of a table
    /// row or the label and value of a header line, with the column each starts at.
    var cells: [(start: Int, text: String)] = []

    init(_ line: ImportLine, blankBefore: Bool, pageBreakBefore: Bool) {
        self.line = line
        // A tab is a column stop; taken as spaces so columns stay where they were.
        characters = Array(line.text.replacingOccurrences(of: "\t", with: "    "))
        indent = characters.firstIndex(where: { !$0.isWhitespace }) ?? characters.count
        end = (characters.lastIndex(where: { !$0.isWhitespace }) ?? -1) + 1
        self.blankBefore = blankBefore
        self.pageBreakBefore = pageBreakBefore
        cells = pieces()
    }

    private func pieces() -> [(start: Int, text: String)] {
        var result: [(start: Int, text: String)] = []
        var index = indent
        while index < end {
            let start = index
            var text = ""
            while index < end {
                if characters[index].isWhitespace {
                    var gap = index
                    while gap < end, characters[gap].isWhitespace { gap += 1 }
                    if gap - index >= 2 || gap == end { index = gap; break }
                    text.append(" ")
                    index = gap
                } else {
                    text.append(characters[index])
                    index += 1
                }
            }
            result.append((start, text))
        }
        return result
    }

    /// The text with its indent and runs of spaces taken out.
    var collapsed: String { LayoutLine.collapse(characters[indent..<max(indent, end)]) }

    /// Characters with runs of spaces as one space, none at the ends.
    static func collapse(_ characters: ArraySlice<Character>) -> String {
        var out = ""
        var space = false
        for character in characters {
            if character.isWhitespace {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(character)
            }
        }
        return out
    }

    /// The length of the first word, for "would it have fitted on the line above".
    var firstWordLength: Int {
        var count = 0
        var index = indent
        while index < end, !characters[index].isWhitespace {
            count += 1
            index += 1
        }
        return count
    }
}

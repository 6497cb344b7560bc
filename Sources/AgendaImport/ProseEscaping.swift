import AgendaSyntax

/// Keeps a line of the original's prose as prose in the language: a line the
/// parser would read as a keyword line, a table row or a comment gets the
/// language's escape, a backslash in front (printed without it).
enum ProseEscaping {
    /// The first words of every keyword spelling and variant (folded), so that
    /// only lines starting with one of them are parsed to be sure.
    static let keywordFirstWords: Set<String> = {
        var words: Set<String> = []
        for keyword in Keyword.allCases {
            for spelling in keyword.spellings + keyword.variants.map(\.written) {
                if let first = spelling.split(separator: " ").first { words.insert(LineText.fold(String(first))) }
            }
        }
        return words
    }()

    /// The line as it must be written to stay prose. `listAllowed`: a list
    /// marker at the start is meant as one (the original's list).
    static func prose(_ line: String, listAllowed: Bool = true) -> String {
        guard let first = line.first else { return line }
        if line.hasPrefix("//") || first == "|" || first == "\\" && !line.hasPrefix("\\*") && !line.hasPrefix("\\|") {
            return "\\" + line
        }
        if !listAllowed, isListMarker(line) { return "\\" + line }
        if readsAsKeyword(line) || isWithholdingWord(line) { return "\\" + line }
        return line
    }

    /// Whether the parser reads the line, standing alone, as a keyword line.
    static func readsAsKeyword(_ line: String) -> Bool {
        let firstWord = line.prefix { $0 != " " && $0 != ":" && $0 != "(" && $0 != "\t" }
        guard !firstWord.isEmpty, firstWord.utf8.count <= 40, keywordFirstWords.contains(LineText.fold(String(firstWord))) else { return false }
        // only the start can make it a keyword line; parse a bounded prefix
        let head = String(line.prefix(200))
        let syntax = Parser.parse(head)
        return syntax.lines.keywordLine(at: 0) != nil
    }

    /// A line alone that would withhold an item from public versions (`Fortroligt`).
    static func isWithholdingWord(_ line: String) -> Bool {
        guard line.utf8.count <= 40 else { return false }
        var folded = LineText.fold(line)
        while let last = folded.last, last == "." || last == ":" || last == " " { folded.removeLast() }
        return Keyword.withholdingFlags.contains { $0.failSafeForms.contains(folded) || $0.spellings.contains(folded) }
    }

    static func isListMarker(_ line: String) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line == "-" { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6 else { return false }
        let rest = line.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ") || rest == "." || rest == ")"
    }
}

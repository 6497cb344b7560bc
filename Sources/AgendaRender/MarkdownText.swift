import AgendaSemantics

/// Text and inline markup written as Markdown, escaped so that the words of the
/// document never turn into markup they were not written as.
enum MarkdownText {
    /// Characters that are markup anywhere in a line.
    static let special: Set<Character> = ["\\", "*", "_", "`", "[", "]", "<", ">", "|", "~"]

    /// Plain words inside a line (after a label, in a heading or a cell).
    static func escape(_ text: String) -> String {
        escapeCharacters(text)
    }

    /// Plain words that open a paragraph or a list entry, where a leading marker would be read as structure.
    static func line(_ text: String) -> String {
        escapeLineStart(escapeCharacters(text))
    }

    /// `# `, `- `, `+ `, `1. ` at the start of a paragraph, or of a line after a kept line break, would make a heading or a list.
    static func escapeLineStart(_ text: String) -> String {
        guard text.contains("\\\n") else { return escapeOneLineStart(text) }
        return text.components(separatedBy: "\\\n").map(escapeOneLineStart).joined(separator: "\\\n")
    }

    static func escapeOneLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        let second = text.dropFirst().first
        if first == "#" || first == "-" || (first == "+" && (second == nil || second == " ")) { return "\\" + text }
        let digits = text.prefix(while: \.isASCIIDigitCharacter)
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            let afterMarker = rest.dropFirst().first
            if let marker = rest.first, marker == "." || marker == ")", afterMarker == nil || afterMarker == " " {
                return digits + "\\" + rest
            }
        }
        return text
    }

    static func inlines(_ inlines: [Inline]) -> String {
        escapeLineStart(inlines.map { inline($0) }.joined())
    }

    /// Inline runs are escaped one by one; only the line start is escaped once, by the caller.
    static func inline(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): return escapeCharacters(text)
        case .strong(let inner): return "**" + inner.map { self.inline($0) }.joined() + "**"
        case .emphasis(let inner): return "*" + inner.map { self.inline($0) }.joined() + "*"
        case .link(let inner, let url):
            let label = inner.map { self.inline($0) }.joined()
            guard let target = LinkPolicy.safeTarget(url) else { return label }
            return "[\(label)](\(destination(target)))"
        // a hard break that GitHub and CommonMark both read; the next line's start is escaped with the paragraph's
        case .lineBreak: return "\\\n"
        }
    }

    static func escapeCharacters(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            // `&` is markup only where it could start an entity (`&amp;`, `&#39;`)
            let startsEntity = character == "&" && (next.map { $0.isLetter || $0 == "#" } ?? false)
            if special.contains(character) || startsEntity { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A link destination may not hold spaces or unbalanced parentheses; encode them.
    static func destination(_ target: String) -> String {
        var result = ""
        for character in target {
            switch character {
            case " ": result += "%20"
            case "(": result += "%28"
            case ")": result += "%29"
            case "<": result += "%3C"
            case ">": result += "%3E"
            default: result.append(character)
            }
        }
        return result
    }

    /// A table cell: inline markup, and never a line break (which would end the table).
    static func cell(_ inlines: [Inline]) -> String {
        inlines.map { inline($0) }.joined()
    }

    /// A cell in bold (a total row); an empty cell stays empty, one already bold is not wrapped again.
    static func strongCell(_ inlines: [Inline]) -> String {
        if inlines.plainText.allSatisfy(\.isWhitespace) { return cell(inlines) }
        if inlines.count == 1, case .strong = inlines[0] { return cell(inlines) }
        return cell([.strong(inlines)])
    }

    /// The marker as written when Markdown reads it as a list marker (`-`, `*`, `1.`, `1)`); anything else becomes `-`.
    static func listMarker(_ marker: String) -> String {
        if marker == "-" || marker == "*" { return "-" }
        let digits = marker.prefix(while: \.isASCIIDigitCharacter)
        if !digits.isEmpty, digits.count <= 9, marker.count == digits.count + 1, marker.last == "." || marker.last == ")" { return marker }
        return "-"
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

import AgendaSemantics

/// Text and inline markup as HTML. Every character that could open markup or
/// close an attribute is escaped, in text and in attributes alike.
public enum HTMLText {
    /// `text` safe in HTML text and in quoted attributes. Control characters
    /// other than tab and newline have no place in a page (HTML forbids them)
    /// and show as U+FFFD, as in every other output (`ControlCharacters`).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                out.unicodeScalars.append(ControlCharacters.isUnsafe(character) ? ControlCharacters.replacement : character)
            }
        }
        return out
    }

    static func inlines(_ inlines: [Inline]) -> String {
        inlines.map(inline).joined()
    }

    static func inline(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): return escape(text)
        case .strong(let inner): return "<strong>\(inlines(inner))</strong>"
        case .emphasis(let inner): return "<em>\(inlines(inner))</em>"
        case .link(let inner, let url):
            // a target outside the allowed schemes is printed as its label only
            guard let target = LinkPolicy.safeTarget(url) else { return inlines(inner) }
            return "<a href=\"\(escape(target))\">\(inlines(inner))</a>"
        case .lineBreak: return "<br>\n"
        }
    }
}

import AgendaSemantics

/// Text and inline markup as HTML. Every character that could open markup or
/// close an attribute is escaped, in text and in attributes alike.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
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

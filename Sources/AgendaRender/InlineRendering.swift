import AgendaSemantics

/// Which link targets may become real links. Everything else (`javascript:`,
/// `data:`, relative paths) is printed as its label only: a document from an
/// unknown author must not carry script into a reader's browser.
enum LinkPolicy {
    /// The target to write, cleaned of whitespace and control characters (which
    /// browsers drop before reading the scheme), or nil when it may not be a link.
    static func safeTarget(_ url: String) -> String? {
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        let lower = cleaned.lowercased()
        let allowed = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("#")
        return allowed && !cleaned.isEmpty ? cleaned : nil
    }

    /// Whether the target points outside the document (worth printing on paper).
    static func isExternal(_ target: String) -> Bool { !target.hasPrefix("#") }
}

/// Inline markup as plain, print-ready text: no stars; an external link keeps its
/// address in parentheses, since paper cannot be clicked.
enum PlainInlines {
    static func text(_ inlines: [Inline]) -> String {
        inlines.map(text).joined()
    }

    static func text(_ inline: Inline) -> String {
        switch inline {
        case .text(let value): return value
        case .strong(let inner), .emphasis(let inner): return text(inner)
        case .link(let inner, let url):
            let label = text(inner)
            guard let target = LinkPolicy.safeTarget(url), LinkPolicy.isExternal(target) else { return label }
            // on paper an e-mail address is just the address
            let shown = target.lowercased().hasPrefix("mailto:") ? String(target.dropFirst("mailto:".count)) : target
            if shown == label { return label }
            return label.isEmpty ? shown : "\(label) (\(shown))"
        case .lineBreak: return "\n"
        }
    }
}

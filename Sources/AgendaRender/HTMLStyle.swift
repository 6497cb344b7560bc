/// The page's embedded style sheet: readable on screen, and on A4 paper one
/// item a page, as printed minutes are laid out. The house style's `html`
/// choices (fonts, colours, page, running header and footer) are filled in.
enum HTMLStyle {
    static func css(_ options: HouseStyle.HTMLOptions) -> String {
        var sheet = css
            .replacingOccurrences(of: "--ink: #1a1a1a;", with: "--ink: \(cssValue(options.textColor) ?? "#1a1a1a");")
            .replacingOccurrences(of: "--accent: #7a1f1f;", with: "--accent: \(cssValue(options.accentColor) ?? "#7a1f1f");")
            .replacingOccurrences(of: bodyFont, with: cssValue(options.font) ?? bodyFont)
            .replacingOccurrences(of: headingFont, with: cssValue(options.headingFont) ?? headingFont)
        if let size = cssValue(options.fontSize) {
            // the one size, on screen and on paper
            sheet = sheet.replacingOccurrences(of: bodySize, with: "font-size: \(size);").replacingOccurrences(of: printSize, with: "font-size: \(size);")
        }
        var page = "@page { size: \(cssValue(options.pageSize) ?? "A4"); margin: \(cssValue(options.margins) ?? "20mm 18mm 22mm 22mm");"
        if let header = options.header { page += " @top-center { content: \(cssContent(header)); }" }
        if let footer = options.footer { page += " @bottom-center { content: \(cssContent(footer)); }" }
        sheet = sheet.replacingOccurrences(of: defaultPage, with: page + " }")
        // a short item does not take a page of its own unless the style asks
        if !options.newPagePerItem {
            sheet = sheet.replacingOccurrences(of: itemBreak, with: "article.item { margin-top: 2rem; }")
        }
        if options.logo != nil { sheet += "img.logo { max-height: 4rem; max-width: 12rem; display: block; margin: 0 0 0.5rem; }\n" }
        return sheet
    }

    static let bodyFont = "Georgia, \"Times New Roman\", Times, serif"
    static let bodySize = "font-size: 1.0625rem;"
    static let printSize = "font-size: 11pt;"
    static let headingFont = "system-ui, -apple-system, \"Segoe UI\", Helvetica, Arial, sans-serif"
    static let defaultPage = "@page { size: A4; margin: 20mm 18mm 22mm 22mm; }"
    static let itemBreak = "article.item { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }"

    /// A value from the style file placed in the sheet: nothing that could end the rule or the `<style>` element.
    static func cssValue(_ value: String?) -> String? {
        guard let value else { return nil }
        let cleaned = String(value.filter { !"{};<>".contains($0) && $0 != "\n" })
        return cleaned.isEmpty ? nil : cleaned
    }

    /// A CSS string literal.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case "<": out += "\\3c "
            case ">": out += "\\3e "
            case "\n": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A running header or footer: its text, with `{page}` as the page counter and `{pages}` as the page count.
    static func cssContent(_ template: String) -> String {
        var parts: [String] = []
        var literal = ""
        var rest = Substring(template)
        while let brace = rest.firstIndex(of: "{") {
            literal += rest[..<brace]
            let after = rest[brace...]
            let counter = after.hasPrefix("{pages}") ? "pages" : after.hasPrefix("{page}") ? "page" : nil
            guard let counter else {
                literal.append("{")
                rest = after.dropFirst()
                continue
            }
            if !literal.isEmpty { parts.append(cssString(literal)) }
            literal = ""
            parts.append("counter(\(counter))")
            rest = after.dropFirst(counter.count + 2)
        }
        literal += rest
        if !literal.isEmpty { parts.append(cssString(literal)) }
        return parts.isEmpty ? "\"\"" : parts.joined(separator: " ")
    }

    static let css = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #999; --accent: #7a1f1f; }
        html { font-size: 100%; }
        body { margin: 2rem auto; max-width: 46rem; padding: 0 1.25rem; color: var(--ink);
          font-family: Georgia, "Times New Roman", Times, serif; font-size: 1.0625rem; line-height: 1.55; }
        h1, h2, h3, h4, h5, .municipality, .facts dt, .item-facts dt, nav.toc, .closed-marker {
          font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.25rem 0 1rem; }
        h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
        h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
        h4 { font-size: 1rem; font-style: italic; font-weight: 600; margin: 1.25rem 0 0.4rem; }
        h5 { font-size: 1rem; font-style: italic; font-weight: 400; margin: 1rem 0 0.3rem; }
        p { margin: 0 0 0.75rem; }
        a { color: #1d4f91; }
        .municipality { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.85rem; }
        dl.facts, dl.item-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1rem; }
        dl.facts dt, dl.item-facts dt { font-weight: 600; }
        dl.facts dd, dl.item-facts dd { margin: 0; }
        p.fact { font-weight: 600; margin: 0 0 0.5rem; }
        nav.toc { border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 0.5rem 0 1rem; margin: 1.5rem 0; }
        nav.toc ol { list-style: none; padding: 0; margin: 0; }
        nav.toc li { margin: 0.2rem 0; }
        nav.toc .number { display: inline-block; min-width: 2.5em; color: var(--muted); }
        article.item { border-top: 2px solid var(--ink); margin-top: 2.5rem; }
        .closed-marker { display: inline-block; border: 1px solid var(--accent); color: var(--accent); border-radius: 3px;
          padding: 0 0.4em; font-size: 0.8rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
        .code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
        .code.marked { font-weight: 700; text-decoration: underline; }
        .final-authority { font-style: italic; }
        ul.points { list-style: none; padding-left: 0; }
        ul.points .marker { display: inline-block; min-width: 1.75em; font-weight: 600; }
        .position { border-left: 3px solid var(--rule); padding-left: 0.75rem; margin: 0 0 0.75rem; }
        .note { background: #f4f4f4; padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
        .vote { border-left: 3px solid var(--rule); padding-left: 0.75rem; margin: 0 0 0.75rem; }
        .vote-side { margin: 0.25rem 0; }
        .conflict-of-interest { font-style: italic; margin: 0 0 0.75rem; }
        table { border-collapse: collapse; margin: 0 0 1rem; font-size: 0.95rem; }
        th, td { border: 1px solid var(--rule); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #eee; }
        .align-left { text-align: left; }
        .align-center { text-align: center; }
        .align-right { text-align: right; font-variant-numeric: tabular-nums; }
        tfoot tr.total td { border-top: 2px solid var(--ink); font-weight: 600; }
        footer.signatures { border-top: 2px solid var(--ink); margin-top: 3rem; }
        footer.signatures.paper li { list-style: none; margin: 2.5rem 0 0; padding-top: 0.25rem; border-top: 1px solid var(--ink); max-width: 20rem; }
        @page { size: A4; margin: 20mm 18mm 22mm 22mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
          a { color: inherit; text-decoration: none; }
          a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
          /* a page number beside each entry, where the print engine supports it (WeasyPrint, Prince) */
          nav.toc a::after { content: leader(".") target-counter(attr(href), page); }
          article.item { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
          footer.signatures { break-before: page; page-break-before: always; border-top: none; }
          h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
          table, tr, li, .note, .position, .vote { break-inside: avoid; page-break-inside: avoid; }
          p { orphans: 3; widows: 3; }
        }

        """
}

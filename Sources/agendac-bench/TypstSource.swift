/// The same minutes as Typst markup, for timing Typst beside `agendac --to pdf`:
/// made from `agendac compile --to markdown` (the printed document's words and
/// structure: headings, paragraphs with bold and italic, lists, tables), set
/// on A4 in the same font with a contents list (`#outline`, page numbers and
/// dot leaders), a running header and "Side X af Y" footer, language Danish.
enum TypstSource {
    static func from(markdown: String, title: String) -> String {
        var out = """
            #set document(title: [\(inline(title))], author: "agendac-bench")
            #set text(lang: "da", region: "dk", font: "Liberation Sans", size: 10pt)
            #set page(paper: "a4", margin: (x: 2cm, y: 2.2cm),
              header: align(right, text(size: 8pt)[\(inline(title))]),
              footer: context align(center, text(size: 8pt)[Side #counter(page).display() af #counter(page).final().first()]))
            #show heading: set block(above: 1.2em, below: 0.6em)


            """
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        var inContents = false
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.hasPrefix("<a id=") { continue }
            if line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                let text = String(line.dropFirst(level)).trimmingCharacters(in: .whitespaces)
                inContents = level == 2 && text == "Indholdsfortegnelse"
                if inContents {
                    out += "#outline(title: [Indholdsfortegnelse], depth: 2)\n"
                } else {
                    out += String(repeating: "=", count: level) + " " + inline(text) + "\n"
                }
                continue
            }
            if inContents && (line.hasPrefix("- ") || line.isEmpty) { continue }
            inContents = false
            if line.hasPrefix("|") {
                var rows = [line]
                while index < lines.count, lines[index].hasPrefix("|") {
                    rows.append(lines[index])
                    index += 1
                }
                out += table(rows)
                continue
            }
            if line.hasPrefix("- ") {
                out += "- " + inline(String(line.dropFirst(2))) + "\n"
            } else if let dot = line.firstIndex(of: "."), !line.isEmpty, line[..<dot].allSatisfy(\.isNumber), line[line.index(after: dot)...].hasPrefix(" ") {
                out += line[...dot] + " " + inline(String(line[line.index(dot, offsetBy: 2)...])) + "\n"
            } else {
                out += inline(line) + "\n"
            }
        }
        return out
    }

    /// A Markdown table (header, alignment row, rows) as `#table`, numeric columns aligned right as in the PDF.
    static func table(_ rows: [String]) -> String {
        func cells(_ row: String) -> [String] {
            row.trimmingCharacters(in: .whitespaces).dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        guard let header = rows.first else { return "" }
        let heads = cells(header)
        let aligns = rows.count > 1 ? cells(rows[1]).map { $0.hasSuffix(":") ? "right" : "left" } : heads.map { _ in "left" }
        var out = "#table(columns: \(heads.count), align: (\(aligns.joined(separator: ", ")),),\n"
        out += "  table.header(" + heads.map { "[*\(inline($0))*]" }.joined(separator: ", ") + "),\n"
        for row in rows.dropFirst(2) {
            out += "  " + cells(row).map { "[\(inline($0))]" }.joined(separator: ", ") + ",\n"
        }
        return out + ")\n"
    }

    /// Markdown inline text as Typst markup: `**bold**` → `*bold*`, `*italic*` → `_italic_`,
    /// `[text](target)` → text, everything Typst reads as markup escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\" where next != nil:
                out += escaped(next ?? " ")
                index += 2
                continue
            case "*" where next == "*":
                out += "*"
                index += 2
                continue
            case "*":
                out += "_"
            case "[":
                // a link: its text only
                if let close = characters[index...].firstIndex(of: "]"), close + 1 < characters.count, characters[close + 1] == "(",
                   let end = characters[close...].firstIndex(of: ")") {
                    out += inline(String(characters[(index + 1)..<close]))
                    index = end + 1
                    continue
                }
                out += escaped(character)
            default:
                out += escaped(character)
            }
            index += 1
        }
        // a line starting with what Typst reads as a heading, list or term
        if let first = out.first, "=-+/".contains(first) { out = "\\" + out }
        return out
    }

    static func escaped(_ character: Character) -> String {
        "\\#$@<>*_`[]~".contains(character) ? "\\\(character)" : String(character)
    }
}

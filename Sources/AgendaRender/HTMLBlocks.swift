import AgendaSemantics

/// Prose blocks as HTML elements.
enum HTMLBlocks {
    static func write(_ blocks: [Block], into out: inout HTMLOutput) {
        for block in blocks { write(block, into: &out) }
    }

    static func write(_ block: Block, into out: inout HTMLOutput) {
        switch block {
        case .paragraph(let inlines, _):
            out.line("<p>\(HTMLText.inlines(inlines))</p>")
        case .heading(let text, _):
            out.line("<h4>\(HTMLText.escape(text))</h4>")
        case .list(let list):
            writeList(list, into: &out)
        case .table(let table):
            writeTable(table, into: &out)
        }
    }

    /// Numbered entries keep their number as written (`value`), so "1. 2. 4)" stays 1, 2, 4.
    static func writeList(_ list: ListBlock, into out: inout HTMLOutput) {
        let tag = list.ordered ? "ol" : "ul"
        out.line("<\(tag)>")
        for entry in list.entries {
            let number = list.ordered ? Int(entry.marker.filter(\.isASCIIDigitCharacter).prefix(9)) : nil
            let value = number.map { " value=\"\($0)\"" } ?? ""
            if entry.children.isEmpty {
                out.line("<li\(value)>\(HTMLText.inlines(entry.text))</li>")
            } else {
                out.line("<li\(value)>\(HTMLText.inlines(entry.text))")
                write(entry.children, into: &out)
                out.line("</li>")
            }
        }
        out.line("</\(tag)>")
    }

    static func writeTable(_ table: TableBlock, into out: inout HTMLOutput) {
        out.line("<table>")
        var body = table.rows[...]
        if table.hasHeader, let header = body.first {
            out.line("<thead>")
            out.line("<tr>" + header.map { "<th>\(HTMLText.inlines($0))</th>" }.joined() + "</tr>")
            out.line("</thead>")
            body = body.dropFirst()
        }
        out.line("<tbody>")
        for row in body { out.line("<tr>" + row.map { "<td>\(HTMLText.inlines($0))</td>" }.joined() + "</tr>") }
        out.line("</tbody>")
        out.line("</table>")
    }
}

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
        case .heading(let text, let level, _):
            // sections are <h3>; sub-headings one and two levels below
            let tag = level >= 2 ? "h5" : "h4"
            out.line("<\(tag)>\(HTMLText.escape(text))</\(tag)>")
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

    /// Alignment as a class per cell (`align-right`, from the model); a total row in `<tfoot>`.
    static func writeTable(_ table: TableBlock, into out: inout HTMLOutput) {
        func row(_ cells: [[Inline]], tag: String, attributes: String = "") -> String {
            let written = cells.enumerated().map { column, cell in
                let alignment = table.alignment(ofColumn: column).map { " class=\"align-\($0.rawValue)\"" } ?? ""
                return "<\(tag)\(alignment)>\(HTMLText.inlines(cell))</\(tag)>"
            }
            return "<tr\(attributes)>" + written.joined() + "</tr>"
        }
        out.line("<table>")
        var body = table.rows[...]
        if table.hasHeader, let header = body.first {
            out.line("<thead>")
            out.line(row(header, tag: "th"))
            out.line("</thead>")
            body = body.dropFirst()
        }
        let total = table.hasTotalRow ? body.last : nil
        if total != nil { body = body.dropLast() }
        out.line("<tbody>")
        for cells in body { out.line(row(cells, tag: "td")) }
        out.line("</tbody>")
        if let total {
            out.line("<tfoot>")
            out.line(row(total, tag: "td", attributes: " class=\"total\""))
            out.line("</tfoot>")
        }
        out.line("</table>")
    }
}

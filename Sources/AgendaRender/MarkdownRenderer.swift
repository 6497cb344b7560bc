import AgendaSemantics

/// GitHub-flavoured Markdown with the text layout's structure: `#` for the
/// document, `##` for items, `###` for sections, `####` and `#####` for the two levels of sub-headings. Each
/// item has an `<a id="punkt-N">` anchor, as in the HTML, for the table of contents and `#punkt-N` links.
enum MarkdownRenderer {
    static func render(_ meeting: Meeting, links: AttachmentLinks = AttachmentLinks(), style: HouseStyle = .standard) -> String {
        let document = PrintedDocument(meeting, links: links, style: style)
        var out = TextOutput()
        if let municipality = document.municipality { out.paragraph(MarkdownText.line(municipality)) }
        out.paragraph("# " + MarkdownText.escape(document.title))
        for fact in document.facts {
            let label: SlotValue = .text(fact.label.isEmpty ? "" : "**\(MarkdownText.escape(fact.label))**")
            // the value may open the line (a fact without a label): a leading `1.` or `#` must stay words
            out.paragraph(MarkdownText.escapeLineStart(document.phrases.style.phrase(.headerFact, ["label": label, "value": .text(MarkdownText.escape(fact.value))])))
        }
        writeBlocks(document.preamble, into: &out)
        if let contents = document.contentsHeading {
            out.paragraph("## " + MarkdownText.escape(contents))
            out.lines(document.contents.map { "- [\(MarkdownText.escape($0.heading))](#\($0.anchor))" + ($0.note.map { " (\($0.lowercased()))" } ?? "") })
        }
        for item in document.items { writeItem(item, style: document.phrases.style, into: &out) }
        if let signatures = document.signatures { writeSignatures(signatures, into: &out) }
        return out.text
    }

    static func writeItem(_ item: PrintedItem, style: HouseStyle, into out: inout TextOutput) {
        // an explicit anchor, so `#punkt-N` links work whatever a renderer makes of the heading
        out.paragraph("<a id=\"\(item.anchor)\"></a>")
        out.paragraph("## " + MarkdownText.escape(item.heading))
        if let note = item.closedNote { out.paragraph("*\(note)*") }
        if let caseNumber = item.caseNumber {
            let label: SlotValue = .text("**\(MarkdownText.escape(item.caseNumberLabel))**")
            out.paragraph(MarkdownText.escapeLineStart(style.phrase(.caseNumberLine, ["label": label, "number": .text(MarkdownText.escape(caseNumber))])))
        }
        if !item.distribution.isEmpty {
            let codes = item.distribution.map { MarkdownText.escape($0.code) + ($0.marked ? " (X)" : "") }
            out.paragraph("**\(MarkdownText.escape(item.distributionLabel)):** " + codes.joined(separator: " "))
        }
        // two trailing spaces would be a hard break; a backslash is the visible, GitHub-safe one
        let facts = item.facts.map { "**\($0.label):** \(MarkdownText.escape($0.value))" }
        if !facts.isEmpty { out.lines(facts.enumerated().map { $0.offset < facts.count - 1 ? $0.element + "\\" : $0.element }) }
        for conflict in item.conflicts { writeContent(conflict, into: &out) }
        for section in item.sections {
            if !section.heading.isEmpty { out.paragraph("### " + MarkdownText.escape(section.heading)) }
            for content in section.content { writeContent(content, into: &out) }
        }
        if let absentees = item.absentees { out.paragraph(MarkdownText.line(absentees)) }
    }

    static func writeContent(_ content: PrintedContent, into out: inout TextOutput) {
        switch content {
        case .blocks(let blocks):
            writeBlocks(blocks, into: &out)
        case .statement(_, let lead, let blocks):
            writeLed(lead, blocks, into: &out)
        case .sentence(let sentence, _):
            out.paragraph(MarkdownText.line(sentence))
        case .points(let points):
            if points.allSatisfy({ $0.marker.lowercased() == "at" }) {
                for point in points {
                    out.paragraph(MarkdownText.escapeLineStart(MarkdownText.line(point.marker) + " " + point.text.map { MarkdownText.inline($0) }.joined()))
                }
            } else {
                out.lines(points.map(pointLine))
            }
        case .note(let lead, let blocks):
            writeLed(lead, blocks, into: &out)
        case .entries(let entries, _):
            out.lines(entries.map { "- " + MarkdownText.line($0) })
        case .attachments(let attachments):
            out.lines(attachments.map { "- " + attachmentLine($0) })
        case .vote(let vote):
            if let lead = vote.lead { out.paragraph("**\(MarkdownText.escape(lead))**") }
            writeBlocks(vote.proposal, into: &out)
            for side in vote.sides {
                out.paragraph("**\(MarkdownText.escape(side.label))** \(MarkdownText.escape(side.value))".trimmingTrailingSpaces)
                writeBlocks(side.reasons, into: &out)
            }
        case .conflict(let sentence, let reason):
            out.paragraph(MarkdownText.line(sentence))
            writeBlocks(reason, into: &out)
        }
    }

    /// The lead in bold opens the first paragraph.
    static func writeLed(_ lead: String, _ blocks: [Block], into out: inout TextOutput) {
        if lead.isEmpty { return writeBlocks(blocks, into: &out) }
        if case .paragraph(let inlines, _)? = blocks.first {
            out.paragraph("**\(MarkdownText.escape(lead))** " + inlines.map { MarkdownText.inline($0) }.joined())
            writeBlocks(Array(blocks.dropFirst()), into: &out)
        } else {
            out.paragraph("**\(MarkdownText.escape(lead))**")
            writeBlocks(blocks, into: &out)
        }
    }

    /// `[Titel](bilag/plan.pdf) (ikke offentlig)`; the title alone when there is no file.
    static func attachmentLine(_ attachment: PrintedAttachment) -> String {
        let title = attachment.link.map { "[\(MarkdownText.escape(attachment.title))](\(MarkdownText.destination($0)))" }
            ?? MarkdownText.line(attachment.title)
        return title + (attachment.note.map { " (\(MarkdownText.escape($0)))" } ?? "")
    }

    /// A point whose marker Markdown cannot take (`at` among numbered points) keeps it as a word.
    static func pointLine(_ point: RecommendationPoint) -> String {
        let marker = MarkdownText.listMarker(point.marker)
        // a line kept as written continues under the point's text
        let words = MarkdownText.inlines(point.text).indentingLines(String(repeating: " ", count: (marker == point.marker ? marker.count : 2) + 1))
        return marker == point.marker ? "\(marker) \(words)" : "- \(MarkdownText.escapeCharacters(point.marker)) \(words)"
    }

    static func writeBlocks(_ blocks: [Block], into out: inout TextOutput) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines, _): out.paragraph(MarkdownText.inlines(inlines))
            case .heading(let text, let level, _): out.paragraph((level >= 2 ? "##### " : "#### ") + MarkdownText.escape(text))
            case .list(let list): out.lines(listLines(list, indent: ""))
            case .table(let table): out.lines(tableLines(table))
            }
        }
    }

    /// Nested content is indented to the entry's text column, as CommonMark requires.
    static func listLines(_ list: ListBlock, indent: String) -> [String] {
        var lines: [String] = []
        for entry in list.entries {
            let marker = MarkdownText.listMarker(entry.marker)
            let inner = indent + String(repeating: " ", count: marker.count + 1)
            lines.append("\(indent)\(marker) \(MarkdownText.inlines(entry.text).indentingLines(inner))")
            for child in entry.children {
                switch child {
                case .list(let nested): lines += listLines(nested, indent: inner)
                case .paragraph(let inlines, _): lines.append(inner + MarkdownText.inlines(inlines).indentingLines(inner))
                case .heading(let text, _, _): lines.append(inner + "**\(MarkdownText.escape(text))**")
                case .table(let table): lines += [""] + tableLines(table).map { inner + $0 }
                }
            }
        }
        return lines
    }

    /// A pipe table. GitHub requires a header row, so a table without one gets an empty header.
    /// The dash row carries each column's alignment; a total row is set in bold.
    static func tableLines(_ table: TableBlock) -> [String] {
        let width = max(1, table.rows.map(\.count).max() ?? 1)
        func row(_ cells: [String]) -> String {
            "| " + (0..<width).map { $0 < cells.count ? cells[$0] : "" }.joined(separator: " | ") + " |"
        }
        var cells = table.rows.map { $0.map(MarkdownText.cell) }
        if table.hasTotalRow, let last = table.rows.indices.last {
            cells[last] = table.rows[last].map(MarkdownText.strongCell)
        }
        var lines: [String] = []
        var body = cells[...]
        if table.hasHeader, let header = body.first {
            lines.append(row(header))
            body = body.dropFirst()
        } else {
            lines.append(row([]))
        }
        lines.append("|" + (0..<width).map { delimiter(table.alignment(ofColumn: $0)) + "|" }.joined())
        lines += body.map(row)
        return lines
    }

    static func delimiter(_ alignment: TableAlignment?) -> String {
        switch alignment {
        case .left: ":---"
        case .center: ":---:"
        case .right: "---:"
        case nil: "---"
        }
    }

    static func writeSignatures(_ signatures: PrintedSignatures, into out: inout TextOutput) {
        if !signatures.heading.isEmpty { out.paragraph("## " + MarkdownText.escape(signatures.heading)) }
        if let lead = signatures.lead { out.paragraph(MarkdownText.line(lead)) }
        out.lines(signatures.signers.map { "- " + MarkdownText.line($0) })
    }
}

import AgendaPDF
import AgendaSemantics

/// Prose blocks and the printed contents of a section: paragraphs, sub-headings, lists, tables,
/// sentences, points, statements, votes, attachments.
extension PDFComposer {
    /// `subheading`: the level a sub-heading takes here (one below the heading above it, never skipping one).
    mutating func writeBlocks(_ blocks: [Block], parent: StructureElementID, subheading: StructureRole = .h4,
                              x: Double? = nil, width: Double? = nil) {
        for block in blocks { writeBlock(block, parent: parent, subheading: subheading, x: x, width: width) }
    }

    mutating func writeBlock(_ block: Block, parent: StructureElementID, subheading: StructureRole, x: Double?, width: Double?) {
        switch block {
        case .paragraph(let inlines, _):
            paragraph(StyledText(inlines), parent: parent, x: x, width: width)
        case .heading(let text, _, _):
            if x == nil {
                heading(text, role: subheading, style: styles.subheading, parent: parent, gapBefore: 4)
            } else {
                // a heading inside a list entry stays in its column
                paragraph(StyledText(text, face: styles.subheading.face), style: styles.subheading, role: subheading, parent: parent, x: x, width: width)
            }
        case .list(let list):
            writeList(list.entries.map { ListItem(marker: $0.marker, text: StyledText($0.text), children: $0.children) },
                      parent: parent, subheading: subheading, x: x, width: width)
        case .table(let table):
            writeTable(table, parent: parent, x: x ?? flow.left, width: width ?? flow.width)
        }
    }

    struct ListItem {
        var marker: String
        var text: StyledText
        var children: [Block] = []
    }

    /// `L` of `LI`, each a `Lbl` (the marker as written; a dash prints as a bullet) and an `LBody`.
    mutating func writeList(_ entries: [ListItem], parent: StructureElementID, subheading: StructureRole, x: Double?, width: Double?) {
        guard !entries.isEmpty else { return }
        let style = styles.body
        let x = x ?? flow.left
        let width = width ?? flow.width
        let markers = entries.map { PDFComposer.printedMarker($0.marker) }
        let widest = markers.map { flow.faces[.regular].width(of: $0, size: style.size) }.max() ?? 0
        // deep nesting stops indenting where the column would get too narrow to read
        let column = width > 120 ? min(max(widest + 6, 14), width / 3) : 0
        let list = flow.element(.l, parent: parent)
        for (entry, marker) in zip(entries, markers) {
            let item = flow.element(.li, parent: list)
            let label = flow.element(.lbl, parent: item)
            let body = flow.element(.lBody, parent: item)
            var links = ParagraphLinks(entry.text.links, parent: body)
            let bodyX = x + (column > 0 ? column : widest + 4)
            let bodyWidth = max(width - (bodyX - x), 24)
            let lines = flow.lines(linkable(entry.text), style: style, width: bodyWidth)
            flow.placeLines(lines, x: bodyX, style: style, owner: body, links: &links,
                            side: [SideRun(text: marker, x: x, face: .regular, owner: label)])
            if !entry.children.isEmpty {
                flow.gap(2)
                writeBlocks(entry.children, parent: body, subheading: subheading, x: x + column, width: width - column)
            }
            flow.gap(2)
        }
        flow.gap(styles.paragraphGap - 2)
    }

    /// `-` and `*` print as a bullet; numbers and `at` as written.
    static func printedMarker(_ marker: String) -> String {
        marker == "-" || marker == "*" || marker == "+" ? "•" : ControlCharacters.visible(marker)
    }

    mutating func writeContent(_ content: PrintedContent, parent: StructureElementID, subheading: StructureRole = .h3) {
        switch content {
        case .blocks(let blocks):
            writeBlocks(blocks, parent: parent, subheading: subheading)
        case .sentence(let sentence, let role):
            paragraph(StyledText(sentence, face: role == .duration ? .italic : .regular), parent: parent)
        case .points(let points):
            writeList(points.map { ListItem(marker: $0.marker, text: StyledText($0.text)) }, parent: parent, subheading: subheading, x: nil, width: nil)
        case .statement(_, let lead, let blocks), .note(let lead, let blocks):
            writeLed(lead, blocks, parent: parent, subheading: subheading)
        case .entries(let entries, _):
            for entry in entries { paragraph(StyledText(entry), parent: parent, gapAfter: 3) }
            flow.gap(3)
        case .attachments(let attachments):
            writeList(attachments.map(attachmentItem), parent: parent, subheading: subheading, x: nil, width: nil)
        case .vote(let vote):
            if let lead = vote.lead { paragraph(StyledText(lead, face: .bold), parent: parent) }
            writeBlocks(vote.proposal, parent: parent, subheading: subheading)
            for side in vote.sides {
                var line = StyledText(side.label, face: .bold)
                if !side.value.isEmpty { line.append(" " + side.value) }
                paragraph(line, parent: parent, gapAfter: 3)
                writeBlocks(side.reasons, parent: parent, subheading: subheading)
            }
            flow.gap(3)
        case .conflict(let sentence, let reason):
            paragraph(StyledText(sentence), parent: parent)
            writeBlocks(reason, parent: parent, subheading: subheading)
        }
    }

    /// The title linked to its file; the note after it, outside the link.
    func attachmentItem(_ attachment: PrintedAttachment) -> ListItem {
        var text = StyledText()
        if let link = attachment.link {
            text.links.append(.uri(link))
            text.append(attachment.title, link: 0)
        } else {
            text.append(attachment.title)
        }
        if let note = attachment.note { text.append(" (\(note))") }
        return ListItem(marker: "-", text: text)
    }

    /// The lead in bold opens the first paragraph; an empty lead leaves the text alone.
    mutating func writeLed(_ lead: String, _ blocks: [Block], parent: StructureElementID, subheading: StructureRole) {
        guard !lead.isEmpty else { return writeBlocks(blocks, parent: parent, subheading: subheading) }
        var opening = StyledText(lead, face: .bold)
        var rest = blocks[...]
        if case .paragraph(let inlines, _)? = blocks.first {
            opening.append(" ")
            opening.append(StyledText(inlines))
            rest = rest.dropFirst()
        }
        paragraph(opening, parent: parent)
        writeBlocks(Array(rest), parent: parent, subheading: subheading)
    }
}

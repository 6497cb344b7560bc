import AgendaSemantics

/// Print-ready plain text in the seeds' layout: one paragraph a line, a blank
/// line between paragraphs, tables as tab-separated rows, no markup.
enum TextRenderer {
    static func render(_ meeting: Meeting, style: HouseStyle = .standard) -> String {
        let document = PrintedDocument(meeting, style: style)
        var out = TextOutput()
        if let municipality = document.municipality { out.paragraph(municipality) }
        out.paragraph(document.title)
        for fact in document.facts { out.paragraph(document.phrases.style.phrase(.headerFact, ["label": .text(fact.label), "value": .text(fact.value)])) }
        writeBlocks(document.preamble, into: &out)
        if let contents = document.contentsHeading {
            out.paragraph(contents)
            // the number column holds the item number: plain text has no pages, and "Punkt N" is what the reader looks for
            out.lines(document.contentsLines)
        }
        for item in document.items { writeItem(item, into: &out) }
        if let signatures = document.signatures { writeSignatures(signatures, into: &out) }
        return out.text
    }

    static func writeItem(_ item: PrintedItem, into out: inout TextOutput) {
        out.paragraph(item.heading)
        if let note = item.closedNote { out.paragraph(note) }
        if let caseNumber = item.caseNumberLine { out.paragraph(caseNumber) }
        if !item.distribution.isEmpty { writeDistribution(item.distribution, label: item.distributionLabel, into: &out) }
        for fact in item.facts { out.paragraph("\(fact.label): \(fact.value)".trimmingTrailingSpaces) }
        for conflict in item.conflicts { writeContent(conflict, into: &out) }
        for section in item.sections {
            if !section.heading.isEmpty { out.paragraph(section.heading) }
            for content in section.content { writeContent(content, into: &out) }
        }
        if let absentees = item.absentees { out.paragraph(absentees) }
    }

    /// The codes on one line, and below them an `X` under each marked code, as the seeds print it.
    static func writeDistribution(_ codes: [DistributionCode], label: String, into out: inout TextOutput) {
        out.paragraph(label)
        out.paragraph(codes.map(\.code).joined(separator: " "))
        guard codes.contains(where: \.marked) else { return }
        var marks = ""
        var column = 0
        for code in codes {
            if code.marked {
                marks += String(repeating: " ", count: max(0, column - marks.count)) + "X"
            }
            column += code.code.count + 1
        }
        out.paragraph(marks)
    }

    static func writeContent(_ content: PrintedContent, into out: inout TextOutput) {
        switch content {
        case .blocks(let blocks):
            writeBlocks(blocks, into: &out)
        case .statement(_, let lead, let blocks):
            writeLed(lead, blocks, into: &out)
        case .sentence(let sentence, _):
            out.paragraph(sentence)
        case .points(let points):
            // `at …` points are paragraphs in the seeds; numbered and dashed points a list
            if points.allSatisfy({ $0.marker.lowercased() == "at" }) {
                for point in points { out.paragraph("\(point.marker) \(PlainInlines.text(point.text))") }
            } else {
                out.lines(points.map { point in
                    let inner = String(repeating: " ", count: point.marker.count + 1)
                    return "\(point.marker) \(PlainInlines.text(point.text).indentingLines(inner))"
                })
            }
        case .note(let lead, let blocks):
            writeLed(lead, blocks, into: &out)
        case .entries(let entries, _):
            for entry in entries { out.paragraph(entry) }
        case .attachments(let attachments):
            for attachment in attachments { out.paragraph(attachment.text) }
        case .vote(let vote):
            if let lead = vote.lead { out.paragraph(lead) }
            writeBlocks(vote.proposal, into: &out)
            for side in vote.sides {
                out.paragraph(side.line)
                writeBlocks(side.reasons, into: &out)
            }
        case .conflict(let sentence, let reason):
            out.paragraph(sentence)
            writeBlocks(reason, into: &out)
        }
    }

    /// `Protokolbemærkning (…): text`, `Flertal (A, V): text`: the lead opens the first paragraph.
    /// A house style may leave the lead out (an empty template): the text then stands alone.
    static func writeLed(_ lead: String, _ blocks: [Block], into out: inout TextOutput) {
        if lead.isEmpty { return writeBlocks(blocks, into: &out) }
        guard case .paragraph(let inlines, _)? = blocks.first else {
            out.paragraph(lead)
            writeBlocks(blocks, into: &out)
            return
        }
        out.paragraph("\(lead) \(PlainInlines.text(inlines))")
        writeBlocks(Array(blocks.dropFirst()), into: &out)
    }

    static func writeBlocks(_ blocks: [Block], into out: inout TextOutput) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines, _): out.paragraph(PlainInlines.text(inlines))
            case .heading(let text, _, _): out.paragraph(text)  // plain text has no heading levels
            case .list(let list): out.lines(listLines(list, indent: ""))
            case .table(let table): out.lines(table.rows.map { $0.map(PlainInlines.text).joined(separator: "\t") })
            }
        }
    }

    /// Entries one a line; what belongs to an entry is indented under its text.
    static func listLines(_ list: ListBlock, indent: String) -> [String] {
        var lines: [String] = []
        for entry in list.entries {
            let inner = indent + String(repeating: " ", count: entry.marker.count + 1)
            // a line kept as written continues under the entry's text
            lines.append("\(indent)\(entry.marker) \(PlainInlines.text(entry.text).indentingLines(inner))")
            for child in entry.children {
                switch child {
                case .list(let nested): lines += listLines(nested, indent: inner)
                case .paragraph(let inlines, _): lines.append(inner + PlainInlines.text(inlines))
                case .heading(let text, _, _): lines.append(inner + text)
                case .table(let table): lines += table.rows.map { inner + $0.map(PlainInlines.text).joined(separator: "\t") }
                }
            }
        }
        return lines
    }

    static func writeSignatures(_ signatures: PrintedSignatures, into out: inout TextOutput) {
        if !signatures.heading.isEmpty { out.paragraph(signatures.heading) }
        if let lead = signatures.lead { out.paragraph(lead) }
        if signatures.digital {
            out.lines(signatures.signers)
        } else {
            // a paper sheet: room to sign beside each name
            out.lines(signatures.signers.map { "\($0)\t______________________________" })
        }
    }
}

/// Paragraphs separated by one blank line; no trailing spaces (tabs stay: they separate table cells).
struct TextOutput {
    private(set) var text = ""

    mutating func paragraph(_ line: String) {
        lines([line])
    }

    mutating func lines(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        if !text.isEmpty { text += "\n" }
        for line in lines { text += line.trimmingTrailingSpaces + "\n" }
    }
}

extension String {
    /// Every line after the first indented by `indent` (a line break kept inside a list entry).
    func indentingLines(_ indent: String) -> String {
        guard contains("\n") else { return self }
        return split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
    }

    var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}

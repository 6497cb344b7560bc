import AgendaSemantics

/// A standalone HTML page (styles embedded, no scripts, no external files) for
/// screen and print: one `<article>` per item, a table of contents linking to
/// `#punkt-N`, closed items marked.
enum HTMLRenderer {
    static func render(_ meeting: Meeting, links: AttachmentLinks = AttachmentLinks(), style: HouseStyle = .standard) -> String {
        let document = PrintedDocument(meeting, links: links, style: style)
        var out = HTMLOutput()
        out.line("<!doctype html>")
        out.line("<html lang=\"da\">")
        out.line("<head>")
        out.line("<meta charset=\"utf-8\">")
        out.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.line("<title>\(HTMLText.escape(document.title))</title>")
        out.line("<style>\n\(HTMLStyle.css(style.html))</style>")
        out.line("</head>")
        out.line("<body>")
        writeBody(document, into: &out, itemsElement: "main")
        out.line("</body>")
        out.line("</html>")
        return out.text
    }

    /// The page's pieces for a larger site that puts them in its own page:
    /// the items in a `<div>`, since the site's page has the one `<main>`.
    static func parts(_ meeting: Meeting, links: AttachmentLinks = AttachmentLinks(), style: HouseStyle = .standard) -> HTMLParts {
        let document = PrintedDocument(meeting, links: links, style: style)
        var out = HTMLOutput()
        writeBody(document, into: &out, itemsElement: "div")
        return HTMLParts(title: document.title, content: out.text, itemAnchors: document.items.map(\.anchor))
    }

    static func writeBody(_ document: PrintedDocument, into out: inout HTMLOutput, itemsElement: String) {
        writeHeader(document, into: &out)
        out.line(itemsElement == "main" ? "<main>" : "<\(itemsElement) class=\"items\">")
        for item in document.items { writeItem(item, into: &out) }
        out.line("</\(itemsElement)>")
        if let signatures = document.signatures { writeSignatures(signatures, into: &out) }
    }

    static func writeHeader(_ document: PrintedDocument, into out: inout HTMLOutput) {
        out.line("<header class=\"meeting\">")
        if let logo = document.phrases.style.html.logo {
            out.line("<img class=\"logo\" src=\"\(HTMLText.escape(logo))\" alt=\"\(HTMLText.escape(document.municipality ?? ""))\">")
        }
        if let municipality = document.municipality { out.line("<p class=\"municipality\">\(HTMLText.escape(municipality))</p>") }
        out.line("<h1>\(HTMLText.escape(document.title))</h1>")
        // labelled facts are a definition list; a fact without a label (the committee, by default) a line of its own
        var listOpen = false
        for fact in document.facts {
            if fact.label.isEmpty {
                if listOpen { out.line("</dl>") }
                listOpen = false
                out.line("<p class=\"fact\">\(HTMLText.escape(fact.value))</p>")
                continue
            }
            if !listOpen { out.line("<dl class=\"facts\">") }
            listOpen = true
            out.line("<dt>\(HTMLText.escape(fact.label))</dt><dd>\(HTMLText.escape(fact.value))</dd>")
        }
        if listOpen { out.line("</dl>") }
        HTMLBlocks.write(document.preamble, into: &out)
        out.line("</header>")
        guard let contents = document.contentsHeading else { return }
        out.line("<nav class=\"toc\" aria-labelledby=\"toc-heading\">")
        out.line("<h2 id=\"toc-heading\">\(HTMLText.escape(contents))</h2>")
        out.line("<ol>")
        for entry in document.contents {
            let closed = entry.note.map { " <span class=\"closed-marker\">\(HTMLText.escape($0))</span>" } ?? ""
            let number = document.phrases.style.contentsNumbers ? "<span class=\"number\">\(entry.number).</span>" : ""
            out.line("<li>\(number)<a href=\"#\(entry.anchor)\">\(HTMLText.escape(entry.title))</a>\(closed)</li>")
        }
        out.line("</ol>")
        out.line("</nav>")
    }

    static func writeItem(_ item: PrintedItem, into out: inout HTMLOutput) {
        out.line("<article class=\"item\(item.closed ? " closed" : "")\" id=\"\(item.anchor)\">")
        out.line("<h2>\(HTMLText.escape(item.heading))</h2>")
        if let note = item.closedNote { out.line("<p class=\"closed-marker\">\(HTMLText.escape(note))</p>") }
        var facts: [(String, String)] = []
        if let caseNumber = item.caseNumber { facts.append((item.caseNumberLabel, HTMLText.escape(caseNumber))) }
        if !item.distribution.isEmpty { facts.append((item.distributionLabel, distribution(item.distribution))) }
        facts += item.facts.map { ($0.label, HTMLText.escape($0.value)) }
        if !facts.isEmpty {
            out.line("<dl class=\"item-facts\">")
            for (label, value) in facts { out.line("<dt>\(HTMLText.escape(label))</dt><dd>\(value)</dd>") }
            out.line("</dl>")
        }
        for conflict in item.conflicts { writeContent(conflict, into: &out) }
        for section in item.sections { writeSection(section, into: &out) }
        if let absentees = item.absentees { out.line("<p class=\"absentees\">\(HTMLText.escape(absentees))</p>") }
        out.line("</article>")
    }

    /// Marked codes are emphasised and carry `(X)`, as the seeds' mark under the code.
    static func distribution(_ codes: [DistributionCode]) -> String {
        codes.map { code in
            code.marked
                ? "<span class=\"code marked\" title=\"markeret\">\(HTMLText.escape(code.code)) (X)</span>"
                : "<span class=\"code\">\(HTMLText.escape(code.code))</span>"
        }.joined(separator: " ")
    }

    static func writeSection(_ section: PrintedSection, into out: inout HTMLOutput) {
        out.line("<section class=\"section \(section.kind.rawValue)\">")
        if !section.heading.isEmpty { out.line("<h3>\(HTMLText.escape(section.heading))</h3>") }
        for content in section.content { writeContent(content, into: &out) }
        out.line("</section>")
    }

    static func writeContent(_ content: PrintedContent, into out: inout HTMLOutput) {
        switch content {
        case .blocks(let blocks):
            HTMLBlocks.write(blocks, into: &out)
        case .sentence(let sentence, let role):
            out.line("<p class=\"\(role.rawValue)\">\(HTMLText.escape(sentence))</p>")
        case .points(let points):
            // the markers as written (`1.`, `-`, `at`), so the points read as in the recommendation
            out.line("<ul class=\"points\">")
            for point in points {
                out.line("<li><span class=\"marker\">\(HTMLText.escape(point.marker))</span> \(HTMLText.inlines(point.text))</li>")
            }
            out.line("</ul>")
        case .statement(let kind, let lead, let blocks):
            writeLed(lead, blocks, className: "position \(kind.rawValue)", into: &out)
        case .note(let lead, let blocks):
            writeLed(lead, blocks, className: "note", into: &out)
        case .entries(let entries, let role):
            out.line("<ul class=\"\(role.rawValue)\">")
            for entry in entries { out.line("<li>\(HTMLText.escape(entry))</li>") }
            out.line("</ul>")
        case .attachments(let attachments):
            out.line("<ul class=\"attachments\">")
            for attachment in attachments { out.line("<li>\(attachmentLine(attachment))</li>") }
            out.line("</ul>")
        case .vote(let vote):
            out.line("<div class=\"vote\">")
            if let lead = vote.lead { out.line("<p class=\"vote-subject\"><strong>\(HTMLText.escape(lead))</strong></p>") }
            HTMLBlocks.write(vote.proposal, into: &out)
            for side in vote.sides {
                let value = side.value.isEmpty ? "" : " " + HTMLText.escape(side.value)
                out.line("<p class=\"vote-side \(side.kind.rawValue)\"><strong>\(HTMLText.escape(side.label))</strong>\(value)</p>")
                HTMLBlocks.write(side.reasons, into: &out)
            }
            out.line("</div>")
        case .conflict(let sentence, let reason):
            out.line("<div class=\"conflict-of-interest\">")
            out.line("<p>\(HTMLText.escape(sentence))</p>")
            HTMLBlocks.write(reason, into: &out)
            out.line("</div>")
        }
    }

    /// A `<div>` whose first paragraph opens with the lead in bold.
    static func writeLed(_ lead: String, _ blocks: [Block], className: String, into out: inout HTMLOutput) {
        out.line("<div class=\"\(className)\">")
        if lead.isEmpty {
            HTMLBlocks.write(blocks, into: &out)
        } else if case .paragraph(let inlines, _)? = blocks.first {
            out.line("<p><strong>\(HTMLText.escape(lead))</strong> \(HTMLText.inlines(inlines))</p>")
            HTMLBlocks.write(Array(blocks.dropFirst()), into: &out)
        } else {
            out.line("<p><strong>\(HTMLText.escape(lead))</strong></p>")
            HTMLBlocks.write(blocks, into: &out)
        }
        out.line("</div>")
    }

    /// The title linked to its file (relative to the page); the note after the link.
    static func attachmentLine(_ attachment: PrintedAttachment) -> String {
        let title = HTMLText.escape(attachment.title)
        let linked = attachment.link.map { "<a href=\"\(HTMLText.escape($0))\">\(title)</a>" } ?? title
        return linked + (attachment.note.map { " (\(HTMLText.escape($0)))" } ?? "")
    }

    static func writeSignatures(_ signatures: PrintedSignatures, into out: inout HTMLOutput) {
        out.line("<footer class=\"signatures\(signatures.digital ? " digital" : " paper")\">")
        // a style may print the sheet without a heading (`signaturesHeading: ""`)
        if !signatures.heading.isEmpty { out.line("<h2>\(HTMLText.escape(signatures.heading))</h2>") }
        if let lead = signatures.lead { out.line("<p>\(HTMLText.escape(lead))</p>") }
        out.line("<ul class=\"signers\">")
        for signer in signatures.signers { out.line("<li>\(HTMLText.escape(signer))</li>") }
        out.line("</ul>")
        out.line("</footer>")
    }
}

/// A meeting's HTML for a page of a larger site (the archive's): the title,
/// the body's content, and each item's anchor in order. The house style's
/// sheet is `AgendaRenderer.htmlStylesheet`, shared by every page.
public struct HTMLParts: Sendable {
    public let title: String
    public let content: String
    public let itemAnchors: [String]
}

/// Lines of HTML, one element a line, so the output diffs well in golden files.
struct HTMLOutput {
    private(set) var text = ""

    mutating func line(_ line: String) {
        text += line + "\n"
    }
}

import AgendaPDF

/// A contents entry waiting for its page number: the number and the dot
/// leaders are placeholders in the page's runs until every item is placed.
/// The entries' lines are broken beside a column kept free for the numbers
/// (`PDFComposer.pageColumn`), so filling them in moves nothing; whether the
/// column was as wide as the numbers turned out is `PDFLayout`'s to check,
/// which lays out again when it was not.
struct ContentsPlaceholder {
    var anchor: String
    var page: Int
    var numberRun: Int
    var leaderRun: Int
    var linkArea: Int
    var baseline: Double
    /// Where the title's last line ends.
    var textEnd: Double
}

extension PDFComposer {
    /// `TOC` of `TOCI`, each a `Link` to the item: the entry as the text output words it
    /// (`contentsEntry`), the closed mark after it, and, when the style asks, dot leaders and the page number
    /// (in place of the template's own page column, so the number is printed once).
    mutating func writeContents(_ heading: String) {
        let style = styles.body
        let place = self.heading(heading, role: .h2, style: styles.itemHeading, parent: Self.root, gapBefore: 12)
        flow.outline.append(OutlineEntry(title: heading, parent: nil, pageIndex: place.page, top: place.top))
        let contents = flow.element(.toc, parent: Self.root)
        let pageNumbers = document.phrases.style.contentsPageNumbers
        let pageColumn = pageNumbers ? self.pageColumn : 0
        let right = flow.left + flow.width
        let lines = pageNumbers ? document.contentsLinesWithoutPages : document.contentsLines
        for (entry, line) in zip(document.contents, lines) {
            let item = flow.element(.toci, parent: contents)
            let link = flow.element(.link, parent: item)
            var text = StyledText()
            text.links = [.anchor(entry.anchor)]
            text.append(line, link: 0)
            if let note = entry.note { text.append(" " + note, face: .italic, link: 0) }
            var links = ParagraphLinks(text.links, parent: item)
            links.elements = [link]
            links.decorated = false
            let lines = flow.lines(text, style: style, width: max(flow.width - pageColumn, 24))
            flow.keep(Double(min(lines.count, 2)) * style.leading)
            flow.placeLines(lines, x: flow.left, style: style, owner: link, links: &links)
            flow.gap(2)
            guard pageNumbers else { continue }
            let last = flow.lastLine
            let page = last.page
            flow.pages[page].texts.append(TextRun(text: "", x: right, y: last.baseline, face: .regular, size: style.size,
                                                  color: style.color, owner: .artifact(.layout)))
            let leaderRun = flow.pages[page].texts.count - 1
            flow.pages[page].texts.append(TextRun(text: "", x: right, y: last.baseline, face: .regular, size: style.size,
                                                  color: style.color, owner: .element(link)))
            let numberRun = flow.pages[page].texts.count - 1
            flow.pages[page].links.append(LinkArea(rect: PDFRect(x: right, y: last.baseline, width: 0, height: 0),
                                                   target: .page(index: 0, top: flow.geometry.height), element: link, description: entry.heading))
            flow.pendingLinks.append((page, flow.pages[page].links.count - 1, entry.anchor))
            contentsEntries.append(ContentsPlaceholder(anchor: entry.anchor, page: page, numberRun: numberRun, leaderRun: leaderRun,
                                                       linkArea: flow.pages[page].links.count - 1, baseline: last.baseline, textEnd: last.end))
        }
        flow.gap(styles.paragraphGap)
    }

    /// Room between an entry's text and its page number.
    static let pageNumberGap = 8.0

    /// The column for page numbers of `digits` digits.
    static func pageColumn(digits: Int, faces: Typefaces, size: Double) -> Double {
        faces[.regular].width(of: String(repeating: "0", count: max(1, digits)), size: size) + pageNumberGap
    }

    /// Each entry's page number, right-aligned, and dots from its title to it.
    mutating func fillContentsPageNumbers() {
        let style = styles.body
        let metrics = flow.faces[.regular]
        let right = flow.left + flow.width
        let dot = metrics.advance(of: ".") * style.size
        for entry in contentsEntries {
            guard let target = flow.anchors[entry.anchor] else { continue }
            let number = String(target.page + 1)
            let width = metrics.width(of: number, size: style.size)
            neededPageColumn = max(neededPageColumn, width + Self.pageNumberGap)
            let x = right - width
            flow.pages[entry.page].texts[entry.numberRun].text = number
            flow.pages[entry.page].texts[entry.numberRun].x = x
            flow.pages[entry.page].links[entry.linkArea].rect = PDFRect(x: x, y: entry.baseline - metrics.descent * style.size, width: width,
                                                                        height: (metrics.ascent + metrics.descent) * style.size)
            guard dot > 0 else { continue }
            // dots on a grid shared by every entry, so the leaders line up down the page
            let first = ((entry.textEnd + 4) / dot).rounded(.up)
            let last = ((x - 4) / dot).rounded(.down)
            let count = Int(max(0, last - first))
            guard count >= 2 else { continue }
            flow.pages[entry.page].texts[entry.leaderRun].text = String(repeating: ".", count: count)
            flow.pages[entry.page].texts[entry.leaderRun].x = first * dot
        }
    }
}

import AgendaPDF

/// A contents entry waiting for its page number: the number and the dot
/// leaders are placeholders in the page's runs until every item is placed.
/// The entries' lines do not depend on the numbers (their column is kept
/// free), so filling them in moves nothing: the numbers are those of the final layout.
struct ContentsEntry {
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
    /// `TOC` of `TOCI`, each a `Link` to the item: number, title, dot leaders, page number.
    mutating func writeContents(_ heading: String) {
        let style = styles.body
        let place = self.heading(heading, role: .h2, style: styles.itemHeading, parent: Self.root, gapBefore: 12)
        flow.outline.append(OutlineEntry(title: heading, parent: nil, pageIndex: place.page, top: place.top))
        let contents = flow.element(.toc, parent: Self.root)
        let metrics = flow.faces[.regular]
        let numbers = document.phrases.style.contentsNumbers
        let numberColumn = numbers ? (document.items.map { metrics.width(of: "\($0.number).", size: style.size) }.max() ?? 0) + 8 : 0
        let pageColumn = metrics.width(of: "00000", size: style.size) + 8
        let right = flow.left + flow.width
        for item in document.items {
            let entry = flow.element(.toci, parent: contents)
            let link = flow.element(.link, parent: entry)
            var text = StyledText()
            text.links = [.anchor(item.anchor)]
            text.append(item.title, link: 0)
            if let note = item.closedNote { text.append(" " + note, face: .italic, link: 0) }
            var links = ParagraphLinks(text.links, parent: entry)
            links.elements = [link]
            links.decorated = false
            let lines = flow.lines(text, style: style, width: max(flow.width - numberColumn - pageColumn, 24))
            flow.keep(Double(min(lines.count, 2)) * style.leading)
            let side = numbers ? [SideRun(text: "\(item.number).", x: flow.left, face: .regular, owner: link)] : []
            flow.placeLines(lines, x: flow.left + numberColumn, style: style, owner: link, links: &links, side: side)
            let last = flow.lastLine
            let page = last.page
            flow.pages[page].texts.append(TextRun(text: "", x: right, y: last.baseline, face: .regular, size: style.size,
                                                  color: style.color, owner: .artifact(.layout)))
            let leaderRun = flow.pages[page].texts.count - 1
            flow.pages[page].texts.append(TextRun(text: "", x: right, y: last.baseline, face: .regular, size: style.size,
                                                  color: style.color, owner: .element(link)))
            let numberRun = flow.pages[page].texts.count - 1
            flow.pages[page].links.append(LinkArea(rect: PDFRect(x: right, y: last.baseline, width: 0, height: 0),
                                                   target: .page(index: 0, top: flow.geometry.height), element: link, description: item.heading))
            flow.pendingLinks.append((page, flow.pages[page].links.count - 1, item.anchor))
            contentsEntries.append(ContentsEntry(anchor: item.anchor, page: page, numberRun: numberRun, leaderRun: leaderRun,
                                                 linkArea: flow.pages[page].links.count - 1, baseline: last.baseline, textEnd: last.end))
            flow.gap(2)
        }
        flow.gap(styles.paragraphGap)
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

import AgendaPDF

/// Size, line height and colour of a kind of text.
struct TextStyle {
    var size: Double
    var leading: Double
    var face: FontFace = .regular
    var color: RGBColor = .black
}

/// A run placed beside a line, not part of its text: a list's marker, a field's label.
struct SideRun {
    var text: String
    var x: Double
    var face: FontFace
    var owner: StructureElementID
}

/// The links of one paragraph: their targets, and their `Link` elements,
/// made when the first piece of each is placed so the tree keeps reading order.
struct ParagraphLinks {
    var targets: [PDFLinkTarget]
    var elements: [StructureElementID?]
    var parent: StructureElementID
    /// Links in the accent colour and underlined; the contents list's entries are links without the look.
    var decorated = true

    init(_ targets: [PDFLinkTarget], parent: StructureElementID) {
        self.targets = targets
        elements = Array(repeating: nil, count: targets.count)
        self.parent = parent
    }
}

/// Pages filled from the top down, and the structure tree grown beside them
/// in reading order. Every run of text is owned by a structure element or is
/// an artifact; nothing is placed below the bottom margin or past the right one
/// (lines are broken to the width they are given).
struct PageFlow {
    let geometry: PageGeometry
    let faces: Typefaces
    var linkColor: RGBColor
    var pages: [LaidOutPage] = [LaidOutPage()]
    var structure: [StructureElement] = [StructureElement(role: .document, parent: nil)]
    var outline: [OutlineEntry] = []
    /// The top of the free space on the last page.
    var cursor: Double
    /// Where each item's heading stands, for internal links and the contents list.
    var anchors: [String: (page: Int, top: Double)] = [:]
    /// Links to an anchor: page, index in its `links`, anchor; resolved once every anchor is placed.
    var pendingLinks: [(page: Int, index: Int, anchor: String)] = []
    /// The baseline and right end of the last line placed.
    var lastLine: (page: Int, baseline: Double, end: Double) = (0, 0, 0)

    init(geometry: PageGeometry, faces: Typefaces, linkColor: RGBColor) {
        self.geometry = geometry
        self.faces = faces
        self.linkColor = linkColor
        cursor = geometry.contentTop
    }

    var pageIndex: Int { pages.count - 1 }
    var atTop: Bool { cursor >= geometry.contentTop - 0.001 }
    var room: Double { cursor - geometry.contentBottom }
    var left: Double { geometry.left }
    var width: Double { geometry.contentWidth }

    mutating func element(_ role: StructureRole, parent: StructureElementID, title: String? = nil, scope: StructureElement.HeaderScope? = nil) -> StructureElementID {
        structure.append(StructureElement(role: role, parent: parent, scope: scope, title: title))
        return structure.count - 1
    }

    mutating func newPage() {
        pages.append(LaidOutPage())
        cursor = geometry.contentTop
    }

    /// Vertical space, dropped at the top of a page.
    mutating func gap(_ height: Double) {
        guard !atTop else { return }
        cursor = max(cursor - height, geometry.contentBottom)
    }

    /// A new page unless `height` fits in what is left (or the page is still empty).
    mutating func keep(_ height: Double) {
        if height > room + 0.001 && !atTop { newPage() }
    }

    func lines(_ text: StyledText, style: TextStyle, width: Double, firstWidth: Double? = nil) -> [TypesetLine] {
        LineBreaker(faces: faces, size: style.size).lines(text, width: width, firstWidth: firstWidth)
    }

    /// An image `width` × `height` points at the left margin, kept whole on one page.
    mutating func placeImage(_ image: RasterImage, width: Double, height: Double, owner: ContentOwner) {
        keep(height)
        pages[pageIndex].images.append(PlacedImage(image: image, frame: PDFRect(x: left, y: cursor - height, width: width, height: height), owner: owner))
        cursor -= height
    }

    /// The baseline of a line of `style` whose top is at `top`: the glyphs centred in the line height.
    func baseline(top: Double, style: TextStyle) -> Double {
        let metrics = faces[.regular]
        let glyphs = (metrics.ascent + metrics.descent) * style.size
        return top - max(0, (style.leading - glyphs) / 2) - metrics.ascent * style.size
    }

    /// Lines at the cursor, split across pages: never a paragraph's first line
    /// alone at a page's foot (orphan) nor, where it can be helped, its last line
    /// alone at the top of the next (widow). `side` runs stand beside the first line.
    mutating func placeLines(_ lines: [TypesetLine], x: Double, style: TextStyle, owner: StructureElementID,
                             links: inout ParagraphLinks, side: [SideRun] = []) {
        var index = 0
        var pendingSide = side
        if lines.isEmpty && !side.isEmpty {
            keep(style.leading)
            place(TypesetLine(), x: x, top: cursor, style: style, owner: owner, links: &links, side: side)
            cursor -= style.leading
            return
        }
        while index < lines.count {
            let fit = max(0, Int((room + 0.001) / style.leading))
            let left = lines.count - index
            var take = min(fit, left)
            if take < left {
                if index == 0 && take < 2 && lines.count >= 2 && !atTop {
                    newPage()
                    continue
                }
                if left - take == 1 && take >= 3 { take -= 1 }
                if take == 0 {
                    if !atTop {
                        newPage()
                        continue
                    }
                    take = 1
                }
            }
            for line in lines[index..<(index + take)] {
                place(line, x: x, top: cursor, style: style, owner: owner, links: &links, side: pendingSide)
                pendingSide = []
                cursor -= style.leading
            }
            index += take
            if index < lines.count { newPage() }
        }
    }

    /// One line whose top is at `top` on the current page.
    mutating func place(_ line: TypesetLine, x: Double, top: Double, style: TextStyle, owner: StructureElementID,
                        links: inout ParagraphLinks, side: [SideRun] = [], artifact: Bool = false) {
        let baseline = baseline(top: top, style: style)
        let page = pageIndex
        for run in side {
            pages[page].texts.append(TextRun(text: run.text, x: run.x, y: baseline, face: run.face, size: style.size, color: style.color,
                                             owner: artifact ? .artifact(.pagination) : .element(run.owner)))
        }
        for fragment in line.fragments {
            var fragmentOwner = owner
            var color = style.color
            if !artifact, let link = fragment.link, link < links.targets.count {
                fragmentOwner = linkElement(link, in: &links)
                if links.decorated { color = linkColor }
                let metrics = faces[fragment.face]
                let rect = PDFRect(x: x + fragment.x, y: baseline - metrics.descent * style.size,
                                   width: fragment.width, height: (metrics.ascent + metrics.descent) * style.size)
                switch links.targets[link] {
                case .uri(let uri):
                    pages[page].links.append(LinkArea(rect: rect, target: .uri(uri), element: fragmentOwner, description: uri))
                case .anchor(let anchor):
                    pendingLinks.append((page, pages[page].links.count, anchor))
                    pages[page].links.append(LinkArea(rect: rect, target: .page(index: 0, top: geometry.height), element: fragmentOwner,
                                                      description: fragment.text))
                }
                if links.decorated {
                    pages[page].rules.append(RuleLine(x1: x + fragment.x, y1: baseline - 1.2, x2: x + fragment.x + fragment.width, y2: baseline - 1.2,
                                                      width: 0.4, color: linkColor))
                }
            }
            pages[page].texts.append(TextRun(text: fragment.text, x: x + fragment.x, y: baseline, face: fragment.face, size: style.size,
                                             color: color, owner: artifact ? .artifact(.pagination) : .element(fragmentOwner)))
        }
        lastLine = (page, baseline, x + line.width)
    }

    mutating func linkElement(_ index: Int, in links: inout ParagraphLinks) -> StructureElementID {
        if let made = links.elements[index] { return made }
        let made = element(.link, parent: links.parent)
        links.elements[index] = made
        return made
    }

    /// Internal links get their page once every item is placed; one to an unknown place goes to the first page.
    mutating func resolveLinks() {
        for pending in pendingLinks {
            guard let place = anchors[pending.anchor] else { continue }
            pages[pending.page].links[pending.index].target = .page(index: place.page, top: place.top)
        }
        pendingLinks = []
    }
}

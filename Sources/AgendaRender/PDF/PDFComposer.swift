import AgendaPDF
import AgendaSemantics

/// Sets the printed document (`PrintedDocument`, the same parts in the same
/// order and words as the text output) on pages: the meeting's header block,
/// the contents list, each item with its fields and sections, the signature
/// sheet. Tagged as it goes: every run belongs to a structure element.
struct PDFComposer {
    var flow: PageFlow
    let styles: PDFStyles
    let document: PrintedDocument
    /// Items' anchors: an internal link to anything else is printed but not linked.
    let anchors: Set<String>
    /// Contents entries whose page numbers are filled in once the items are placed.
    var contentsEntries: [ContentsPlaceholder] = []
    /// The width kept free right of the contents entries for their page numbers, and the width
    /// the numbers turned out to need (measured when they are filled in).
    let pageColumn: Double
    var neededPageColumn = 0.0
    /// The logo's `/Alt` text (the municipality's name); without one the logo is decoration, an artifact.
    var logoDescription: String?

    /// `pageColumn`: nil guesses from the number of items (`guessedDigits`).
    init(_ document: PrintedDocument, geometry: PageGeometry, faces: Typefaces, pageColumn: Double? = nil) {
        self.document = document
        styles = PDFStyles(document.phrases.style.html)
        self.pageColumn = pageColumn ?? Self.pageColumn(digits: Self.guessedDigits(items: document.items.count), faces: faces, size: styles.body.size)
        flow = PageFlow(geometry: geometry, faces: faces, linkColor: styles.accent)
        anchors = Set(document.items.map(\.anchor))
    }

    static let root: StructureElementID = 0

    /// The page numbers' digits before layout: as many as the item count has, and at least two,
    /// since minutes of a few items mostly run past page 9 (the Horsens sample's 8 items take 11
    /// pages); a wrong guess costs a second layout (`PDFLayout.composed`), not a wrong number.
    static func guessedDigits(items: Int) -> Int { max(2, String(items).count) }

    mutating func compose() {
        writeMeetingHeader()
        if let heading = document.contentsHeading { writeContents(heading) }
        for item in document.items { writeItem(item) }
        if let signatures = document.signatures { writeSignatures(signatures) }
        fillContentsPageNumbers()
        flow.resolveLinks()
    }

    // MARK: Paragraphs and headings

    /// A paragraph of its own element, broken to `width` at `x` (the text area by default).
    @discardableResult
    mutating func paragraph(_ text: StyledText, style: TextStyle? = nil, role: StructureRole = .p, parent: StructureElementID,
                            x: Double? = nil, width: Double? = nil, gapAfter: Double? = nil) -> StructureElementID {
        let style = style ?? styles.body
        let element = flow.element(role, parent: parent)
        let x = x ?? flow.left
        let width = width ?? flow.width
        var links = ParagraphLinks(text.links, parent: element)
        flow.placeLines(flow.lines(linkable(text), style: style, width: width), x: x, style: style, owner: element, links: &links)
        flow.gap(gapAfter ?? styles.paragraphGap)
        return element
    }

    /// `Label value`: the label in bold in a column of its own, the value broken beside it, one `P`.
    mutating func labelled(_ label: String, _ value: StyledText, column: Double, parent: StructureElementID, x: Double? = nil) {
        let style = styles.body
        let element = flow.element(.p, parent: parent)
        let x = x ?? flow.left
        let width = flow.width - (x - flow.left)
        var links = ParagraphLinks(value.links, parent: element)
        let labelText = ControlCharacters.visible(label)
        let labelWidth = flow.faces[.bold].width(of: labelText, size: style.size)
        if labelText.isEmpty {
            // a fact the style prints without its label
            flow.placeLines(flow.lines(linkable(value), style: style, width: width), x: x, style: style, owner: element, links: &links)
        } else if labelWidth + 6 > column {
            // a label wider than its column opens the paragraph instead
            var text = StyledText(labelText, face: .bold)
            text.append(" ")
            text.append(value)
            links = ParagraphLinks(text.links, parent: element)
            flow.placeLines(flow.lines(linkable(text), style: style, width: width), x: x, style: style, owner: element, links: &links)
        } else {
            let side = [SideRun(text: labelText, x: x, face: .bold, owner: element)]
            flow.placeLines(flow.lines(linkable(value), style: style, width: width - column), x: x + column, style: style, owner: element,
                            links: &links, side: side)
        }
        flow.gap(2)
    }

    /// A heading kept with the lines after it; returns where it stands (page, top).
    @discardableResult
    mutating func heading(_ text: String, role: StructureRole, style: TextStyle, parent: StructureElementID, gapBefore: Double,
                          title: String? = nil, keepExtra: Double = 0) -> (page: Int, top: Double) {
        flow.gap(gapBefore)
        let lines = flow.lines(StyledText(text, face: style.face), style: style, width: flow.width)
        // the heading and at least two lines of what follows, or a new page
        flow.keep(Double(lines.count) * style.leading + 4 + 2 * styles.body.leading + keepExtra)
        let element = flow.element(role, parent: parent, title: title)
        let place = (flow.pageIndex, flow.cursor)
        var links = ParagraphLinks([], parent: element)
        flow.placeLines(lines, x: flow.left, style: style, owner: element, links: &links)
        flow.gap(4)
        return place
    }

    /// Internal links only to places this document has.
    func linkable(_ text: StyledText) -> StyledText {
        guard text.links.contains(where: { if case .anchor(let name) = $0 { return !anchors.contains(name) } else { return false } }) else { return text }
        var result = text
        for index in result.pieces.indices {
            guard let link = result.pieces[index].link, case .anchor(let name) = result.links[link], !anchors.contains(name) else { continue }
            result.pieces[index].link = nil
        }
        return result
    }

    // MARK: The meeting

    mutating func writeMeetingHeader() {
        if let logo = document.phrases.style.html.logoImage { writeLogo(logo) }
        if let municipality = document.municipality {
            paragraph(StyledText(municipality, face: .bold), style: styles.municipality, parent: Self.root, gapAfter: 2)
        }
        let place = heading(document.title, role: .h1, style: styles.title, parent: Self.root, gapBefore: 0)
        _ = place
        if !document.facts.isEmpty {
            let column = labelColumn(document.facts.map(\.label))
            for fact in document.facts { labelled(fact.label, StyledText(fact.value), column: column, parent: Self.root) }
            flow.gap(styles.paragraphGap)
        }
        writeBlocks(document.preamble, parent: Self.root, subheading: .h2)
    }

    /// The logo above everything, as large as fits 144 × 48 pt (the HTML page's 12 × 4 rem), its proportions kept:
    /// a `Figure` with the municipality's name as `/Alt`, or an artifact when the name is not known.
    mutating func writeLogo(_ logo: RasterImage) {
        let box = (width: min(144, flow.width), height: 48.0)
        let scale = min(box.width / Double(logo.pixelWidth), box.height / Double(logo.pixelHeight))
        let owner: ContentOwner
        if let name = logoDescription, !name.isEmpty {
            flow.structure.append(StructureElement(role: .figure, parent: Self.root, alternateText: name))
            owner = .element(flow.structure.count - 1)
        } else {
            owner = .artifact(.layout)
        }
        flow.placeImage(logo, width: Double(logo.pixelWidth) * scale, height: Double(logo.pixelHeight) * scale, owner: owner)
        flow.gap(8)
    }

    /// The room a sub-heading opening `content` takes, so the heading above it is kept with it too.
    func leadingHeadingHeight(_ content: PrintedContent?) -> Double {
        guard case .blocks(let blocks)? = content, case .heading? = blocks.first else { return 0 }
        return styles.subheading.leading + 8
    }

    /// A column as wide as the widest label, at most a third of the line.
    func labelColumn(_ labels: [String]) -> Double {
        let widest = labels.map { flow.faces[.bold].width(of: $0, size: styles.body.size) }.max() ?? 0
        return min(widest + 12, flow.width / 3)
    }

    // MARK: Items

    mutating func writeItem(_ item: PrintedItem) {
        if document.phrases.style.html.newPagePerItem {
            if !flow.atTop { flow.newPage() }
        } else {
            flow.gap(14)
        }
        let section = flow.element(.sect, parent: Self.root, title: item.title)
        // a heading straight below keeps this one company too
        let opensWithHeading = item.closedNote == nil && item.caseNumber == nil && item.distribution.isEmpty && item.facts.isEmpty
            && item.conflicts.isEmpty && item.sections.first.map { !$0.heading.isEmpty } == true
        let place = heading(item.heading, role: .h2, style: styles.itemHeading, parent: section, gapBefore: 0,
                            keepExtra: opensWithHeading ? styles.sectionHeading.leading + 10 + leadingHeadingHeight(item.sections.first?.content.first) : 0)
        flow.anchors[item.anchor] = place
        flow.outline.append(OutlineEntry(title: item.heading, parent: nil, pageIndex: place.page, top: place.top))
        let outlineEntry = flow.outline.count - 1
        if let note = item.closedNote {
            paragraph(StyledText(note, face: .italic), style: TextStyle(size: styles.body.size, leading: styles.body.leading, color: styles.accent),
                      parent: section)
        }
        var labels: [String] = []
        if item.caseNumber != nil { labels.append(item.caseNumberLabel) }
        if !item.distribution.isEmpty { labels.append(item.distributionLabel) }
        labels += item.facts.map(\.label)
        let column = labelColumn(labels)
        if let caseNumber = item.caseNumber { labelled(item.caseNumberLabel, StyledText(caseNumber), column: column, parent: section) }
        if !item.distribution.isEmpty { writeDistribution(item.distribution, label: item.distributionLabel, column: column, parent: section) }
        for fact in item.facts { labelled(fact.label, StyledText(fact.value), column: column, parent: section) }
        if !labels.isEmpty { flow.gap(styles.paragraphGap) }
        for conflict in item.conflicts { writeContent(conflict, parent: section) }
        for printed in item.sections {
            if !printed.heading.isEmpty {
                let place = heading(printed.heading, role: .h3, style: styles.sectionHeading, parent: section, gapBefore: 6,
                                    keepExtra: leadingHeadingHeight(printed.content.first))
                flow.outline.append(OutlineEntry(title: printed.heading, parent: outlineEntry, pageIndex: place.page, top: place.top))
            }
            for content in printed.content { writeContent(content, parent: section, subheading: printed.heading.isEmpty ? .h3 : .h4) }
        }
        if let absentees = item.absentees { paragraph(StyledText(absentees), parent: section) }
    }

    /// The codes on one line and an `X` under each marked one, as the seeds print it
    /// (and as the text output reads); codes that take more than a line are marked `(X)` instead.
    mutating func writeDistribution(_ codes: [DistributionCode], label: String, column: Double, parent: StructureElementID) {
        let style = styles.body
        let metrics = flow.faces[.regular]
        let line = codes.map(\.code).joined(separator: " ")
        let fits = metrics.width(of: line, size: style.size) <= flow.width - column
        guard fits, codes.contains(where: \.marked) else {
            let text = codes.map { $0.marked ? "\($0.code) (X)" : $0.code }.joined(separator: " ")
            return labelled(label, StyledText(text), column: column, parent: parent)
        }
        let element = flow.element(.p, parent: parent)
        flow.keep(2 * style.leading)
        var links = ParagraphLinks([], parent: element)
        let x = flow.left + column
        let codeLine = flow.lines(StyledText(line), style: style, width: flow.width - column)
        flow.placeLines(codeLine, x: x, style: style, owner: element, links: &links,
                        side: [SideRun(text: ControlCharacters.visible(label), x: flow.left, face: .bold, owner: element)])
        var marks = TypesetLine()
        var offset = 0.0
        let space = metrics.advance(of: " ") * style.size
        for code in codes {
            let width = metrics.width(of: ControlCharacters.visible(code.code), size: style.size)
            if code.marked {
                let mark = metrics.advance(of: "X") * style.size
                marks.fragments.append(TypesetFragment(text: "X", face: .regular, link: nil, x: offset + (width - mark) / 2, width: mark))
                marks.width = offset + width
            }
            offset += width + space
        }
        flow.placeLines([marks], x: x, style: style, owner: element, links: &links)
        flow.gap(2)
    }

    // MARK: Signatures

    mutating func writeSignatures(_ signatures: PrintedSignatures) {
        flow.gap(24)
        let section = flow.element(.sect, parent: Self.root, title: signatures.heading.isEmpty ? signatures.lead ?? "" : signatures.heading)
        // a style may print the sheet without a heading (`signaturesHeading: ""`): no heading, no bookmark
        if !signatures.heading.isEmpty {
            let place = heading(signatures.heading, role: .h2, style: styles.itemHeading, parent: section, gapBefore: 0)
            flow.outline.append(OutlineEntry(title: signatures.heading, parent: nil, pageIndex: place.page, top: place.top))
        }
        if let lead = signatures.lead { paragraph(StyledText(lead), parent: section) }
        for signer in signatures.signers {
            if signatures.digital {
                paragraph(StyledText(signer), parent: section, gapAfter: 2)
            } else {
                // room to sign above each name, the line a decoration
                flow.keep(30 + styles.body.leading)
                flow.cursor -= 26
                let y = flow.cursor
                flow.pages[flow.pageIndex].rules.append(RuleLine(x1: flow.left, y1: y, x2: flow.left + min(240, flow.width), y2: y, width: 0.6,
                                                                 color: styles.ink))
                paragraph(StyledText(signer), parent: section, gapAfter: 4)
            }
        }
    }
}

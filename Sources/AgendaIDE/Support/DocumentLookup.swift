import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// Where an offset stands in a document: its line, the part of the document
/// (the meeting's fields, an item, the signature sheet) and the entry. Every
/// lookup is a binary search or a walk over one item's entries, never a scan
/// of the whole document, so features stay cheap on large files.
struct DocumentLookup {
    let document: AnalyzedDocument

    init(_ document: AnalyzedDocument) { self.document = document }

    var source: SourceText { document.source }
    var syntax: DocumentSyntax { document.syntax }

    /// The part of the document an offset belongs to.
    enum Region: Equatable {
        /// Before the first item: the meeting's fields.
        case header
        /// Item number `index` in `syntax.items` (and `meeting.items`).
        case item(Int)
        case signatures
    }

    func clamp(_ offset: Int) -> Int { max(0, min(offset, source.bytes.count)) }

    /// The 0-based line holding `offset` and its scanned form.
    func line(at offset: Int) -> (index: Int, line: ScannedLine)? {
        let index = source.line(containing: clamp(offset))
        guard index >= 0, index < syntax.lines.count else { return nil }
        return (index, syntax.lines[index])
    }

    /// The last item starting at or before `offset`.
    func itemIndex(atOrBefore offset: Int) -> Int? {
        let items = syntax.items
        var low = 0
        var high = items.count
        while low < high {
            let mid = (low + high) / 2
            if items[mid].range.lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? low - 1 : nil
    }

    /// The region of a position: blank lines between items belong to the item above.
    func region(at offset: Int) -> Region {
        let item = itemIndex(atOrBefore: offset)
        if let signatures = syntax.signatures, signatures.range.lowerBound <= offset {
            if let item, syntax.items[item].range.lowerBound > signatures.range.lowerBound { return .item(item) }
            return .signatures
        }
        if let item { return .item(item) }
        return .header
    }

    /// The entries of a region, in document order.
    func entries(in region: Region) -> [EntrySyntax] {
        switch region {
        case .header: syntax.header
        case .item(let index): index < syntax.items.count ? syntax.items[index].entries : []
        case .signatures: syntax.signatures.map { [$0] } ?? []
        }
    }

    /// The entry a line below a keyword line belongs to: the last entry of
    /// the region that starts before `lineStart` (entries end at their last
    /// block, so blank lines after one still belong to it).
    func entry(before lineStart: Int, in region: Region) -> EntrySyntax? {
        entries(in: region).last { $0.range.lowerBound < lineStart }
    }

    /// The entry whose range holds `offset` (end included).
    func entry(containing offset: Int, in region: Region) -> EntrySyntax? {
        entries(in: region).first { $0.range.lowerBound <= offset && offset <= $0.range.upperBound }
    }

    /// The item's syntax and model, when the two line up (they always do: lowering makes one item per `punkt`).
    func item(_ index: Int) -> (syntax: ItemSyntax, model: Item)? {
        guard index >= 0, index < syntax.items.count, index < document.meeting.items.count else { return nil }
        return (syntax.items[index], document.meeting.items[index])
    }

    /// The item that holds `offset` (its header through its last entry), if any.
    func itemContaining(_ offset: Int) -> (syntax: ItemSyntax, model: Item)? {
        guard let index = itemIndex(atOrBefore: offset), let found = item(index),
              offset <= found.syntax.range.upperBound else { return nil }
        return found
    }

    /// The number the next item after `offset` would get.
    func nextItemNumber(after offset: Int) -> Int {
        guard let index = itemIndex(atOrBefore: offset), let found = item(index) else { return 1 }
        return found.model.number + 1
    }
}

// The `/W` array of a CIDFont (ISO 32000-1, 9.7.4.3): the widths of the
// glyphs used, in thousandths of an em, written compactly. A run of one
// repeated width becomes `first last width`; other consecutive glyphs share
// one `first [w1 w2 …]`.

public enum GlyphWidths {
    /// Repeats at least this long are written as a range.
    static let shortestRepeat = 3

    /// The `/W` array (with its brackets) for `widths` (glyph ID → width).
    public static func array(_ widths: [UInt16: Int]) -> String {
        let sorted = widths.sorted { $0.key < $1.key }
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            // The run of consecutive glyph IDs starting here.
            var runEnd = index
            while runEnd + 1 < sorted.count, sorted[runEnd + 1].key == sorted[runEnd].key + 1 { runEnd += 1 }
            var listed: [Int] = []
            var listStart = sorted[index].key
            var at = index
            while at <= runEnd {
                var repeatEnd = at
                while repeatEnd + 1 <= runEnd, sorted[repeatEnd + 1].value == sorted[at].value { repeatEnd += 1 }
                if repeatEnd - at + 1 >= shortestRepeat {
                    if !listed.isEmpty { parts.append("\(listStart) [\(listed.map(String.init).joined(separator: " "))]") }
                    listed = []
                    parts.append("\(sorted[at].key) \(sorted[repeatEnd].key) \(sorted[at].value)")
                    at = repeatEnd + 1
                    if at <= runEnd { listStart = sorted[at].key }
                } else {
                    if listed.isEmpty { listStart = sorted[at].key }
                    listed.append(sorted[at].value)
                    at += 1
                }
            }
            if !listed.isEmpty { parts.append("\(listStart) [\(listed.map(String.init).joined(separator: " "))]") }
            index = runEnd + 1
        }
        return "[" + parts.joined(separator: " ") + "]"
    }
}

extension TrueTypeFont {
    /// The `/W` array for `glyphs` of this font.
    public func widthsArray(for glyphs: some Sequence<UInt16>) -> String {
        var widths: [UInt16: Int] = [:]
        for glyph in glyphs { widths[glyph] = pdfWidth(ofGlyph: glyph) }
        return GlyphWidths.array(widths)
    }
}

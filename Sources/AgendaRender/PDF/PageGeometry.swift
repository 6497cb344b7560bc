import AgendaPDF

/// The printed page: its size and margins in points, from the house style's
/// `pageSize` and `margins` (CSS-like: `A4`, `A5 landscape`, `210mm 297mm`;
/// `20mm 18mm 22mm 22mm`). What cannot be read falls back to A4 and the
/// built-in margins, as the HTML sheet does.
struct PageGeometry: Equatable {
    var width: Double
    var height: Double
    var top: Double, right: Double, bottom: Double, left: Double

    static let a4 = (width: 595.276, height: 841.89)
    static let standardMargins = "20mm 18mm 22mm 22mm"

    var contentWidth: Double { width - left - right }
    /// The y of the text area's top and bottom (PDF coordinates, y upwards).
    var contentTop: Double { height - top }
    var contentBottom: Double { bottom }
    var contentHeight: Double { contentTop - contentBottom }

    init(pageSize: String?, margins: String?) {
        let size = PageGeometry.size(pageSize) ?? PageGeometry.a4
        width = size.width
        height = size.height
        let sides = PageGeometry.margins(margins) ?? PageGeometry.margins(PageGeometry.standardMargins) ?? [56.7, 51, 62.4, 62.4]
        (top, right, bottom, left) = (sides[0], sides[1], sides[2], sides[3])
        // margins that leave no room for text are ignored: a page must hold at least a few lines of a few words
        if contentWidth < 144 || contentHeight < 144 {
            let fallback = PageGeometry.margins(PageGeometry.standardMargins) ?? [56.7, 51, 62.4, 62.4]
            (top, right, bottom, left) = (fallback[0], fallback[1], fallback[2], fallback[3])
            if contentWidth < 144 || contentHeight < 144 {
                (width, height) = PageGeometry.a4
            }
        }
    }

    static let namedSizes: [String: (width: Double, height: Double)] = [
        "a3": (841.89, 1190.55), "a4": a4, "a5": (419.53, 595.276),
        "letter": (612, 792), "legal": (612, 1008),
    ]

    static func size(_ text: String?) -> (width: Double, height: Double)? {
        guard let text else { return nil }
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        var landscape = false
        var named: (width: Double, height: Double)?
        var lengths: [Double] = []
        for word in words {
            if word == "landscape" { landscape = true } else if word == "portrait" { continue } else if let size = namedSizes[word] {
                named = size
            } else if let length = length(word) {
                lengths.append(length)
            } else {
                return nil
            }
        }
        var result = named
        if named == nil, lengths.count == 2 { result = (lengths[0], lengths[1]) }
        if named == nil, lengths.count == 1 { result = (lengths[0], lengths[0]) }
        guard var size = result, (144...14_400).contains(size.width), (144...14_400).contains(size.height) else { return nil }
        if landscape && size.width < size.height { size = (size.height, size.width) }
        return size
    }

    /// Top, right, bottom, left, as CSS's margin shorthand reads one to four lengths.
    static func margins(_ text: String?) -> [Double]? {
        guard let text else { return nil }
        let values = text.split(whereSeparator: \.isWhitespace).map { length(String($0)) }
        guard !values.isEmpty, values.count <= 4 else { return nil }
        var sides: [Double] = []
        for value in values {
            guard let value, value >= 0, value < 1000 else { return nil }
            sides.append(value)
        }
        switch sides.count {
        case 1: return [sides[0], sides[0], sides[0], sides[0]]
        case 2: return [sides[0], sides[1], sides[0], sides[1]]
        case 3: return [sides[0], sides[1], sides[2], sides[1]]
        default: return sides
        }
    }

    /// `20mm`, `2cm`, `1in`, `12pt`, `16px` in points; a bare 0 is 0.
    static func length(_ text: String) -> Double? {
        let units: [(String, Double)] = [("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72), ("pt", 1), ("px", 0.75)]
        for (unit, factor) in units where text.hasSuffix(unit) {
            guard let number = Double(text.dropLast(unit.count)), number.isFinite else { return nil }
            return number * factor
        }
        return text == "0" ? 0 : nil
    }
}

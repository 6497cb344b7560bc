#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import AgendaPDF

/// The PDF's type sizes, spacing and colours: the house style's colours, the
/// rest fixed here so the page reads as the HTML sheet does on paper.
struct PDFStyles {
    var ink: RGBColor
    var accent: RGBColor
    var body: TextStyle
    var small: TextStyle
    var title: TextStyle
    var municipality: TextStyle
    var itemHeading: TextStyle
    var sectionHeading: TextStyle
    var subheading: TextStyle
    var running: TextStyle
    /// Space after a paragraph.
    var paragraphGap = 6.0

    init(_ options: HouseStyle.HTMLOptions) {
        ink = PDFStyles.color(options.textColor) ?? RGBColor(red: 0.102, green: 0.102, blue: 0.102)
        accent = PDFStyles.color(options.accentColor) ?? RGBColor(red: 0.478, green: 0.122, blue: 0.122)
        // every size scales from the body's (10 pt unless the style says otherwise)
        let base = options.fontSize.flatMap { PageGeometry.length($0.trimmingCharacters(in: .whitespaces)) }.map { min(max($0, 6), 24) } ?? 10
        func sized(_ factor: Double, leading: Double, face: FontFace = .regular, color: RGBColor) -> TextStyle {
            TextStyle(size: base * factor, leading: base * leading, face: face, color: color)
        }
        body = sized(1, leading: 1.35, color: ink)
        small = sized(0.9, leading: 1.15, color: ink)
        title = sized(1.8, leading: 2.3, face: .bold, color: accent)
        municipality = sized(1.1, leading: 1.5, face: .bold, color: accent)
        itemHeading = sized(1.4, leading: 1.8, face: .bold, color: accent)
        sectionHeading = sized(1.15, leading: 1.5, face: .bold, color: ink)
        subheading = sized(1.05, leading: 1.4, face: .boldItalic, color: ink)
        running = sized(0.8, leading: 1, color: RGBColor(red: 0.35, green: 0.35, blue: 0.35))
    }

    /// `#005f73`, `#05f` or `rgb(0, 95, 115)`; nil for anything else (named colours are the HTML sheet's alone).
    static func color(_ text: String?) -> RGBColor? {
        guard let text = text?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        if text.hasPrefix("#") {
            var digits = Array(text.dropFirst())
            if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
            guard digits.count == 6 else { return nil }
            var values: [Double] = []
            for index in stride(from: 0, to: 6, by: 2) {
                guard let value = UInt8(String(digits[index...index + 1]), radix: 16) else { return nil }
                values.append(Double(value) / 255)
            }
            return RGBColor(red: values[0], green: values[1], blue: values[2])
        }
        if text.hasPrefix("rgb(") && text.hasSuffix(")") {
            let parts = text.dropFirst(4).dropLast().split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3 else { return nil }
            var values: [Double] = []
            for part in parts {
                guard let part, (0...255).contains(part) else { return nil }
                values.append(part / 255)
            }
            return RGBColor(red: values[0], green: values[1], blue: values[2])
        }
        return nil
    }
}

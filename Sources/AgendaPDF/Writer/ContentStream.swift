// A page's content stream (ISO 32000-1, 8 and 9): the operators that paint
// text, rules and images, each piece inside marked content (14.6) so that the
// structure tree or the artifact mark can claim it.

struct ContentStream {
    private(set) var bytes: [UInt8] = []

    mutating func operator_(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
    }

    /// Serialized operators: strings in them may hold any bytes, so they are never decoded as text.
    private mutating func append(_ serializer: PDFSerializer) {
        bytes.append(contentsOf: serializer.bytes)
        bytes.append(0x0A)
    }

    private static func number(_ value: Double) -> String { PDFSerializer.format(value) }

    private static func color(_ color: RGBColor) -> String {
        "\(number(clamp(color.red))) \(number(clamp(color.green))) \(number(clamp(color.blue)))"
    }

    private static func clamp(_ value: Double) -> Double { value.isFinite ? min(1, max(0, value)) : 0 }

    /// `/Tag <</MCID n>> BDC`: content of a structure element.
    mutating func beginElementContent(tag: String, mcid: Int) {
        var out = PDFSerializer()
        out.write(.name(tag))
        out.append(" <</MCID \(mcid)>> BDC")
        append(out)
    }

    /// `/Artifact <</Type /Pagination>> BDC`: content that is not read.
    mutating func beginArtifact(_ kind: ContentOwner.ArtifactKind) {
        operator_("/Artifact <</Type /\(kind.rawValue)>> BDC")
    }

    /// `/Span <</ActualText …>> BDC`: glyphs that stand for other text (characters the font lacks).
    mutating func beginActualText(_ text: String) {
        var out = PDFSerializer()
        out.append("/Span <</ActualText ")
        out.write(.text(text))
        out.append(">> BDC")
        append(out)
    }

    mutating func endMarkedContent() { operator_("EMC") }

    /// One run of glyph codes (2 bytes each, Identity-H) on one baseline.
    mutating func text(glyphCodes: [UInt8], font: String, size: Double, x: Double, y: Double, color: RGBColor) {
        var out = PDFSerializer()
        out.append("BT\n")
        out.write(.name(font))
        out.append(" \(Self.number(size)) Tf\n\(Self.color(color)) rg\n1 0 0 1 \(Self.number(x)) \(Self.number(y)) Tm\n")
        out.write(.hexString(glyphCodes))
        out.append(" Tj\nET")
        append(out)
    }

    mutating func line(_ rule: RuleLine) {
        operator_("q \(Self.color(rule.color)) RG \(Self.number(max(0, rule.width))) w \(Self.number(rule.x1)) \(Self.number(rule.y1)) m \(Self.number(rule.x2)) \(Self.number(rule.y2)) l S Q")
    }

    mutating func image(name: String, frame: PDFRect) {
        var out = PDFSerializer()
        out.append("q \(Self.number(frame.width)) 0 0 \(Self.number(frame.height)) \(Self.number(frame.x)) \(Self.number(frame.y)) cm ")
        out.write(.name(name))
        out.append(" Do Q")
        append(out)
    }
}

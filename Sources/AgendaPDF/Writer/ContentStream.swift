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

    /// Numbers, colours and names go straight into `bytes`: a page holds thousands of them.
    private mutating func number(_ value: Double) { PDFSerializer.writeNumber(value, to: &bytes) }

    private mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Two or three numbers with spaces between (not variadic: that would allocate an array per call).
    private mutating func numbers(_ first: Double, _ second: Double) {
        number(first)
        bytes.append(0x20)
        number(second)
    }

    private mutating func numbers(_ first: Double, _ second: Double, _ third: Double) {
        numbers(first, second)
        bytes.append(0x20)
        number(third)
    }

    private mutating func color(_ color: RGBColor) {
        numbers(Self.clamp(color.red), Self.clamp(color.green), Self.clamp(color.blue))
    }

    private static func clamp(_ value: Double) -> Double { value.isFinite ? min(1, max(0, value)) : 0 }

    /// `/Tag <</MCID n>> BDC`: content of a structure element.
    mutating func beginElementContent(tag: String, mcid: Int) {
        PDFSerializer.writeName(tag, to: &bytes)
        literal(" <</MCID ")
        PDFSerializer.writeInteger(mcid, to: &bytes)
        literal(">> BDC\n")
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
        literal("BT\n")
        PDFSerializer.writeName(font, to: &bytes)
        bytes.append(0x20)
        number(size)
        literal(" Tf\n")
        self.color(color)
        literal(" rg\n1 0 0 1 ")
        numbers(x, y)
        literal(" Tm\n")
        PDFSerializer.writeHex(glyphCodes, to: &bytes)
        literal(" Tj\nET\n")
    }

    mutating func line(_ rule: RuleLine) {
        literal("q ")
        color(rule.color)
        literal(" RG ")
        number(max(0, rule.width))
        literal(" w ")
        numbers(rule.x1, rule.y1)
        literal(" m ")
        numbers(rule.x2, rule.y2)
        literal(" l S Q\n")
    }

    mutating func image(name: String, frame: PDFRect) {
        literal("q ")
        number(frame.width)
        literal(" 0 0 ")
        numbers(frame.height, frame.x, frame.y)
        literal(" cm ")
        PDFSerializer.writeName(name, to: &bytes)
        literal(" Do Q\n")
    }
}

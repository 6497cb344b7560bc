// Writes objects as PDF syntax (ISO 32000-1, 7.3). Numbers are written the
// same way on every machine: integers as they are, reals rounded to four
// decimals with no exponent and no trailing zeros.

public struct PDFSerializer {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    public mutating func append(bytes more: [UInt8]) { bytes.append(contentsOf: more) }
    public mutating func append(integer value: Int) { Self.writeInteger(value, to: &bytes) }
    /// A non-negative integer in at least `width` digits, zero-padded (the cross-reference table's offsets).
    public mutating func append(integer value: Int, width: Int) {
        let magnitude = UInt64(max(0, value))
        Self.writeDigits(magnitude, count: max(width, Self.digitCount(magnitude)), to: &bytes)
    }

    /// Writes `object`; nesting is as deep as the writer builds it (a few levels), never input-driven.
    public mutating func write(_ object: PDFObject) {
        switch object {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .integer(let value): Self.writeInteger(value, to: &bytes)
        case .real(let value): Self.writeNumber(value, to: &bytes)
        case .name(let value): Self.writeName(value, to: &bytes)
        case .string(let value): Self.writeLiteral(value, to: &bytes)
        case .hexString(let value): Self.writeHex(value, to: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(0x20) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            append("<<")
            for entry in dictionary.entries {
                Self.writeName(entry.key, to: &bytes)
                bytes.append(0x20)
                write(entry.value)
            }
            append(">>")
        case .reference(let reference):
            Self.writeInteger(reference.number, to: &bytes)
            append(" 0 R")
        case .syntax(let text): append(text)
        }
    }

    /// A real with at most four decimals, no exponent; NaN and infinities as 0.
    public static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let scaled = (value * 10_000).rounded()
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / 10_000
        var fraction = magnitude % 10_000
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            var digits = 4
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    /// `format(value)`'s bytes appended straight to `bytes`, with no string in between (content streams write many).
    public static func writeNumber(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite, abs(value) < 1e12 else { return bytes.append(UInt8(ascii: "0")) }
        let scaled = (value * 10_000).rounded()
        if scaled == 0 { return bytes.append(UInt8(ascii: "0")) }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = UInt64(abs(scaled))
        writeDigits(magnitude / 10_000, count: digitCount(magnitude / 10_000), to: &bytes)
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return }
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        bytes.append(UInt8(ascii: "."))
        writeDigits(fraction, count: digits, to: &bytes)
    }

    /// `String(value)`'s bytes.
    public static func writeInteger(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        writeDigits(UInt64(magnitude), count: digitCount(UInt64(magnitude)), to: &bytes)
    }

    private static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }

    /// `value` in exactly `count` decimal digits, zero-padded on the left.
    private static func writeDigits(_ value: UInt64, count: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var rest = value
        var at = start + count - 1
        while rest > 0, at >= start {
            bytes[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            at -= 1
        }
    }

    static func isRegular(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "#"):
            return false
        default: return true
        }
    }

    static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func writeName(_ name: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "/"))
        for byte in name.utf8 {
            if isRegular(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "#"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// A literal string: parentheses and backslash escaped, line ends and
    /// other control bytes as escapes, so the string survives any reader.
    static func writeLiteral(_ value: [UInt8], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "("))
        for byte in value {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x0A: bytes.append(contentsOf: Array("\\n".utf8))
            case 0x0D: bytes.append(contentsOf: Array("\\r".utf8))
            case 0x09: bytes.append(contentsOf: Array("\\t".utf8))
            case 0x08: bytes.append(contentsOf: Array("\\b".utf8))
            case 0x0C: bytes.append(contentsOf: Array("\\f".utf8))
            case 0x00..<0x20:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "0") + (byte >> 6))
                bytes.append(UInt8(ascii: "0") + ((byte >> 3) & 7))
                bytes.append(UInt8(ascii: "0") + (byte & 7))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: ")"))
    }

    static func writeHex(_ value: [UInt8], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "<"))
        for byte in value {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
        bytes.append(UInt8(ascii: ">"))
    }
}

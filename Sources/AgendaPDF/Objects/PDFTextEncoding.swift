// Text strings (ISO 32000-1, 7.9.2.2): PDFDocEncoding where it suffices,
// UTF-16BE with a byte order mark otherwise.

public enum PDFTextEncoding {
    public static func textStringBytes(_ value: String) -> [UInt8] {
        if let bytes = pdfDocEncoded(value) { return bytes }
        var bytes: [UInt8] = [0xFE, 0xFF]
        bytes.reserveCapacity(2 + 2 * value.utf16.count)
        for unit in value.utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return bytes
    }

    /// The PDFDocEncoding bytes, or nil when a character has none. Only the
    /// range where PDFDocEncoding equals Latin-1 is used (ASCII printable and
    /// tab/newlines, U+00A1–U+00FF but U+00AD), so no table is needed.
    static func pdfDocEncoded(_ value: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA1...0xAC, 0xAE...0xFF: bytes.append(UInt8(scalar.value))
            default: return nil
            }
        }
        return bytes
    }

    /// The UTF-16BE code units of `scalar` as bytes (two or four).
    public static func utf16BigEndian(_ scalar: Unicode.Scalar) -> [UInt8] {
        var bytes: [UInt8] = []
        for unit in String(Character(scalar)).utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return bytes
    }
}

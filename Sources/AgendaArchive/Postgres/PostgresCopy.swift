/// One row of `COPY … FROM STDIN` in PostgreSQL's text format: fields
/// separated by tabs, `\N` for NULL, and in text the backslash, newline,
/// carriage return, tab and the other C0 controls escaped, so no field can
/// end a row, split one, or read as the end-of-data marker `\.`. PostgreSQL
/// text cannot hold NUL; it is written as U+FFFD.
struct PostgresRow {
    private(set) var bytes: [UInt8] = []
    private var fields = 0

    init() { bytes.reserveCapacity(256) }

    mutating func null() {
        separate()
        bytes += [0x5C, 0x4E]  // \N
    }

    mutating func text(_ value: String?) {
        guard let value else { return null() }
        separate()
        for byte in value.utf8 {
            switch byte {
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x08: bytes += [0x5C, 0x62]
            case 0x0C: bytes += [0x5C, 0x66]
            case 0x0B: bytes += [0x5C, 0x76]
            case 0x00: bytes += [0xEF, 0xBF, 0xBD]
            case 0x01..<0x20, 0x7F:
                // \xHH: an octet written in hexadecimal, read back as that byte
                let digits = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x78, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
    }

    mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        separate()
        bytes += Array(String(value).utf8)
    }

    mutating func boolean(_ value: Bool) {
        separate()
        bytes.append(value ? 0x74 : 0x66)
    }

    /// An `integer[]` literal: `{1,2}`.
    mutating func integers(_ values: [Int]) {
        separate()
        bytes += Array(("{" + values.map(String.init).joined(separator: ",") + "}").utf8)
    }

    private mutating func separate() {
        if fields > 0 { bytes.append(0x09) }
        fields += 1
    }

    /// The row with its line end.
    var line: [UInt8] { bytes + [0x0A] }
}

/// SQL text literals (`'…'` with `'` doubled), for the few values data files name in SQL.
enum SQLLiteral {
    static func text(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\0", with: "\u{FFFD}").replacingOccurrences(of: "'", with: "''") + "'"
    }
}

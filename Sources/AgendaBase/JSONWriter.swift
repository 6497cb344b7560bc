extension JSON {
    /// Compact JSON text (for the wire).
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// Compact JSON as UTF-8 bytes, ready for a Content-Length frame.
    public func serializedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON text with a trailing newline (for files people read).
    public func prettyPrinted() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: Array("  ".utf8), level: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented JSON of an object whose members are written one at a time,
    /// byte for byte what `prettyPrinted()` gives for the whole object: a
    /// member given as `.elements` is an array whose elements are made (and
    /// dropped) one by one, so a large document is never a whole tree at once.
    public static func prettyPrintedObject(_ members: [(String, PrettyMember)]) -> [UInt8] {
        let indent = Array("  ".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        guard !members.isEmpty else { return Array("{}\n".utf8) }
        out.append(UInt8(ascii: "{"))
        for (index, (key, member)) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            newline(&out, indent, 1)
            writeString(key, into: &out)
            out.append(contentsOf: ": ".utf8)
            switch member {
            case .value(let value): value.write(into: &out, indent: indent, level: 1)
            case .elements(let count, let element):
                guard count > 0 else { out.append(contentsOf: "[]".utf8); continue }
                out.append(UInt8(ascii: "["))
                for position in 0..<count {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    newline(&out, indent, 2)
                    element(position).write(into: &out, indent: indent, level: 2)
                }
                newline(&out, indent, 1)
                out.append(UInt8(ascii: "]"))
            }
        }
        newline(&out, indent, 0)
        out.append(UInt8(ascii: "}"))
        out.append(0x0A)
        return out
    }

    /// A member of `prettyPrintedObject`: a value, or an array made element by element.
    public enum PrettyMember {
        case value(JSON)
        case elements(count: Int, (Int) -> JSON)
    }

    // Written into a byte buffer: appending to a String one scalar at a time was
    // the language server's largest cost when answering big requests.
    private func write(into out: inout [UInt8], indent: [UInt8]?, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): out.append(contentsOf: JSON.format(number: value).utf8)
        case .string(let value): JSON.writeString(value, into: &out)
        case .array(let values):
            if values.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, indent, level + 1)
                value.write(into: &out, indent: indent, level: level + 1)
            }
            JSON.newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, indent, level + 1)
                JSON.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(0x20) }
                value.write(into: &out, indent: indent, level: level + 1)
            }
            JSON.newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: [UInt8]?, _ level: Int) {
        guard let indent else { return }
        out.append(0x0A)
        for _ in 0..<level { out.append(contentsOf: indent) }
    }

    static func format(number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
            default:
                out.append(byte)  // UTF-8 passes through unchanged
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

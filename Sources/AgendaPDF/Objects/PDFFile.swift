import AgendaBase

// A whole file: numbered indirect objects, then the cross-reference table and
// the trailer (ISO 32000-1, 7.5). Objects are numbered in the order they are
// allocated and written in number order, so a file is a pure function of
// what was put in it. The `/ID` is the first 16 bytes of the SHA-256 of
// everything before the cross-reference table.

public struct PDFFile {
    private var values: [PDFIndirectValue?] = []

    public init() {}

    /// A new object number; its value is set later (objects may refer to each other).
    public mutating func allocate() -> PDFReference {
        values.append(nil)
        return PDFReference(values.count)
    }

    public mutating func set(_ reference: PDFReference, _ object: PDFObject) { store(reference, .object(object)) }

    public mutating func set(_ reference: PDFReference, stream dictionary: PDFDictionary, data: [UInt8]) {
        store(reference, .stream(dictionary, data))
    }

    @discardableResult
    public mutating func add(_ object: PDFObject) -> PDFReference {
        let reference = allocate()
        set(reference, object)
        return reference
    }

    @discardableResult
    public mutating func addStream(_ dictionary: PDFDictionary, data: [UInt8]) -> PDFReference {
        let reference = allocate()
        set(reference, stream: dictionary, data: data)
        return reference
    }

    private mutating func store(_ reference: PDFReference, _ value: PDFIndirectValue) {
        let index = reference.number - 1
        guard values.indices.contains(index) else { return }
        values[index] = value
    }

    /// The file's bytes. An object allocated but never set is written as `null`.
    public func serialized(root: PDFReference, info: PDFReference?) -> [UInt8] {
        var out = PDFSerializer()
        // the streams' bytes and a guess for the rest, so the file is not copied as it grows
        var expected = 64 * values.count + 1024
        for case .stream(_, let data)? in values { expected += data.count }
        out.reserveCapacity(expected)
        out.append("%PDF-1.7\n")
        // a comment of bytes above 127 marks the file as binary (7.5.2)
        out.append(bytes: [UInt8(ascii: "%"), 0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
        var offsets: [Int] = []
        offsets.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            offsets.append(out.bytes.count)
            out.append(integer: index + 1)
            out.append(" 0 obj\n")
            switch value {
            case .stream(var dictionary, let data):
                dictionary["Length"] = .integer(data.count)
                out.write(.dictionary(dictionary))
                out.append("\nstream\n")
                out.append(bytes: data)
                out.append("\nendstream")
            case .object(let object): out.write(object)
            case nil: out.write(.null)
            }
            out.append("\nendobj\n")
        }
        let identifier = Array(SHA256.hash(out.bytes).prefix(16))
        let xrefOffset = out.bytes.count
        out.append("xref\n0 \(values.count + 1)\n")
        out.append("0000000000 65535 f\r\n")
        for offset in offsets {
            out.append(integer: offset, width: 10)
            out.append(" 00000 n\r\n")
        }
        var trailer = PDFDictionary()
        trailer["Size"] = .integer(values.count + 1)
        trailer["Root"] = .reference(root)
        if let info { trailer["Info"] = .reference(info) }
        trailer["ID"] = .array([.hexString(identifier), .hexString(identifier)])
        out.append("trailer\n")
        out.write(.dictionary(trailer))
        out.append("\nstartxref\n\(xrefOffset)\n%%EOF\n")
        return out.bytes
    }
}

// The PDF object model (ISO 32000-1, 7.3): what the writer builds before it
// serializes. Dictionaries keep their keys in insertion order, so the same
// input always gives the same bytes.

/// An indirect object's number (generation 0: the writer never updates a file).
public struct PDFReference: Sendable, Hashable {
    public let number: Int
    public init(_ number: Int) { self.number = number }
}

public indirect enum PDFObject: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case real(Double)
    /// A name without its slash; bytes outside the regular characters are `#xx`-escaped on writing.
    case name(String)
    /// A string's bytes, written as a literal `( … )` with escapes.
    case string([UInt8])
    /// A string's bytes, written as hexadecimal `< … >` (glyph codes, file IDs).
    case hexString([UInt8])
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(PDFReference)
    /// PDF syntax made by a builder of this target (the `/W` array of
    /// `GlyphWidths`), written as it is; never text from the document.
    case syntax(String)

    /// A text string (7.9.2.2): PDFDocEncoding when every character has a
    /// byte there, else UTF-16BE with a byte order mark.
    public static func text(_ value: String) -> PDFObject { .string(PDFTextEncoding.textStringBytes(value)) }

    /// A byte string of ASCII text (URIs, identifiers); other characters become `?`.
    public static func ascii(_ value: String) -> PDFObject {
        .string(value.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : UInt8(ascii: "?") })
    }

    /// A number: an integer when it is one, else a real.
    public static func number(_ value: Double) -> PDFObject {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return .integer(Int(value)) }
        return .real(value)
    }

    public static func rectangle(_ rect: PDFRect) -> PDFObject {
        .array([.number(rect.x), .number(rect.y), .number(rect.x + rect.width), .number(rect.y + rect.height)])
    }
}

/// A dictionary with keys in the order they were first set.
public struct PDFDictionary: Sendable, Hashable {
    public private(set) var entries: [(key: String, value: PDFObject)] = []

    public init() {}

    public init(_ pairs: KeyValuePairs<String, PDFObject>) {
        for (key, value) in pairs { self[key] = value }
    }

    public subscript(key: String) -> PDFObject? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Adds an entry whose key the caller knows to be new (keys made from a
    /// counter), in constant time rather than the subscript's search.
    public mutating func append(new key: String, _ value: PDFObject) { entries.append((key, value)) }

    public static func == (lhs: PDFDictionary, rhs: PDFDictionary) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}

/// The value of an indirect object: a plain object or a stream.
public enum PDFIndirectValue: Sendable {
    case object(PDFObject)
    /// The stream's dictionary (without `/Length`, which the serializer adds) and its bytes as stored.
    case stream(PDFDictionary, [UInt8])
}

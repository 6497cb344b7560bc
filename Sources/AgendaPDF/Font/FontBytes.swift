// Bounds-checked big-endian reads over a font file. Fonts may come from a
// style file, so every read is checked and a bad offset throws.

public struct TrueTypeFontError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "not a usable TrueType font: \(message)" }
}

struct FontBytes: Sendable {
    let bytes: [UInt8]

    var count: Int { bytes.count }

    func u8(_ offset: Int) throws -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw TrueTypeFontError("a read at byte \(offset) runs past the end (\(bytes.count) bytes)") }
        return bytes[offset]
    }

    func u16(_ offset: Int) throws -> UInt16 {
        guard offset >= 0, offset <= bytes.count - 2 else { throw TrueTypeFontError("a read at byte \(offset) runs past the end (\(bytes.count) bytes)") }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    func i16(_ offset: Int) throws -> Int16 { Int16(bitPattern: try u16(offset)) }

    func u32(_ offset: Int) throws -> UInt32 {
        guard offset >= 0, offset <= bytes.count - 4 else { throw TrueTypeFontError("a read at byte \(offset) runs past the end (\(bytes.count) bytes)") }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    func i32(_ offset: Int) throws -> Int32 { Int32(bitPattern: try u32(offset)) }

    /// `length` bytes from `offset`, checked.
    func slice(_ offset: Int, _ length: Int) throws -> ArraySlice<UInt8> {
        guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset else {
            throw TrueTypeFontError("\(length) bytes at \(offset) run past the end (\(bytes.count) bytes)")
        }
        return bytes[offset..<(offset + length)]
    }
}

/// Appends big-endian integers, for writing a subset.
extension Array where Element == UInt8 {
    mutating func appendU16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    mutating func appendU32(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8((value >> 16) & 0xFF))
        append(UInt8((value >> 8) & 0xFF))
        append(UInt8(value & 0xFF))
    }

    mutating func putU16(_ value: UInt16, at offset: Int) {
        guard offset >= 0, offset + 2 <= count else { return }
        self[offset] = UInt8(value >> 8)
        self[offset + 1] = UInt8(value & 0xFF)
    }

    mutating func putU32(_ value: UInt32, at offset: Int) {
        guard offset >= 0, offset + 4 <= count else { return }
        self[offset] = UInt8(value >> 24)
        self[offset + 1] = UInt8((value >> 16) & 0xFF)
        self[offset + 2] = UInt8((value >> 8) & 0xFF)
        self[offset + 3] = UInt8(value & 0xFF)
    }
}

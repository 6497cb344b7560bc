#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The bytes of one source file and the index of its line starts.
///
/// Every range in the project is a pair of UTF-8 byte offsets into `bytes`;
/// conversion to line/column in whichever unit a consumer wants (UTF-16 for
/// LSP, Unicode scalars for `agendac check`, UTF-8) happens only here, lazily,
/// so the parser never pays for it.
///
/// A line ends at `\n`, `\r\n` or a lone `\r`, as LSP 3.17 counts lines, so the
/// parser, the command line and the language server agree on every line number.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Offsets at which each line starts (the first is 0, never empty), four
    /// bytes a line: text under 4 GiB (all there is in practice) keeps them as
    /// `UInt32`, larger text as `Int`. Read them with `lineStart(_:)`.
    @usableFromInline let narrowStarts: [UInt32]
    @usableFromInline let wideStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        if Self.fitsNarrow(bytes.count) {
            narrowStarts = Self.lineStarts(of: bytes)
            wideStarts = []
        } else {
            narrowStarts = []
            wideStarts = Self.lineStarts(of: bytes)
        }
    }

    /// Whether every offset of a text of `count` bytes fits a `UInt32`.
    static func fitsNarrow(_ count: Int) -> Bool { count < Int(UInt32.max) }

    private static func lineStarts<Offset: FixedWidthInteger>(of bytes: [UInt8]) -> [Offset] {
        var starts: [Offset] = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // memchr finds newlines far faster than a byte loop; text with carriage returns takes the loop
            guard memchr(base, 0x0D, buffer.count) != nil else {
                // counted first, so the table is allocated once at its size, not grown by doubling
                var count = 1, cursor = 0
                while cursor < buffer.count, let found = memchr(base + cursor, 0x0A, buffer.count - cursor) {
                    count += 1
                    cursor = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                }
                starts.reserveCapacity(count)
                var offset = 0
                while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    starts.append(Offset(index + 1))
                    offset = index + 1
                }
                return
            }
            starts.reserveCapacity(buffer.count / 40 + 1)
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(Offset(index + 1))
                } else if byte == 0x0D {
                    if index + 1 < buffer.count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(Offset(index + 1))
                }
                index += 1
            }
        }
        return starts
    }

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// Bytes with their line index already worked out (`replacing(_:with:)`),
    /// `narrow` when the text fits `fitsNarrow`, `wide` otherwise.
    init(bytes: [UInt8], narrowStarts: [UInt32], wideStarts: [Int]) {
        self.bytes = bytes
        self.narrowStarts = narrowStarts
        self.wideStarts = wideStarts
    }

    @inlinable
    public var lineCount: Int { wideStarts.isEmpty ? narrowStarts.count : wideStarts.count }

    /// The offset at which line `line` starts; `0 <= line < lineCount`.
    @inlinable
    public func lineStart(_ line: Int) -> Int {
        wideStarts.isEmpty ? Int(narrowStarts[line]) : wideStarts[line]
    }

    /// The offset at which line `line` starts, or the text's end for a line past the last.
    public func lineStartOrEnd(_ line: Int) -> Int {
        line >= 0 && line < lineCount ? lineStart(line) : bytes.count
    }

    /// Every line start, as an array (for tests and small texts; use `lineStart(_:)` otherwise).
    public var allLineStarts: [Int] { (0..<lineCount).map(lineStart) }

    /// The 0-based line that holds `offset` (offsets past the end clamp to the last line).
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineCount - 1
        let target = max(0, min(offset, bytes.count))
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStart(mid) <= target { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The byte range of line `line`, without its line terminator (`\n`, `\r\n` or `\r`).
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 0, line < lineCount else { return bytes.count..<bytes.count }
        let start = lineStart(line)
        guard line + 1 < lineCount else { return start..<bytes.count }
        var end = lineStart(line + 1) - 1
        if bytes[end] == 0x0A, end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a byte range, decoded leniently (invalid UTF-8 becomes U+FFFD).
    public func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// How columns are counted.
public enum ColumnUnit: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case unicodeScalars = "utf-32"
}

/// A 0-based line and column.
public struct LineColumn: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (a: LineColumn, b: LineColumn) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

extension SourceText {
    /// The line and column of a byte offset, counting the column in `unit`.
    /// An offset inside a multi-byte character counts from that character's start.
    public func position(of offset: Int, unit: ColumnUnit) -> LineColumn {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(containing: clamped)
        let start = lineStart(line)
        if unit == .utf8 { return LineColumn(line: line, column: clamped - start) }
        var column = 0
        var index = start
        while index < clamped {
            let length = UTF8Sequence.length(of: bytes, at: index)
            if index + length > clamped { break }
            column += (unit == .utf16 && length == 4) ? 2 : 1
            index += length
        }
        return LineColumn(line: line, column: column)
    }

    /// The byte offset of a line and column counted in `unit`.
    /// Lines past the end clamp to the end of the text; columns past the end of
    /// a line clamp to the line's end (LSP requires this leniency).
    public func offset(of position: LineColumn, unit: ColumnUnit) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineCount else { return bytes.count }
        let range = lineRange(position.line)
        if unit == .utf8 {
            var offset = range.lowerBound + max(0, position.column)
            offset = min(offset, range.upperBound)
            // never land inside a multi-byte character
            while offset > range.lowerBound, offset < bytes.count, (bytes[offset] & 0xC0) == 0x80 { offset -= 1 }
            return offset
        }
        var column = 0
        var index = range.lowerBound
        while index < range.upperBound, column < position.column {
            let length = UTF8Sequence.length(of: bytes, at: index)
            column += (unit == .utf16 && length == 4) ? 2 : 1
            if column > position.column { break }  // inside a surrogate pair: stay before it
            index = min(index + length, range.upperBound)
        }
        return index
    }
}

/// Converts offsets to positions one after another, counting each column on
/// from the previous offset when it is further along the same line, so the
/// tokens of one long line cost the line's length once, not once per token.
/// Any offset may come in any order; one that goes back or to another line is
/// counted afresh. Gives exactly what `SourceText.position(of:unit:)` gives.
public struct PositionCursor: Sendable {
    public let source: SourceText
    public let unit: ColumnUnit
    /// The last position counted, and the character boundary it stands at.
    private var counted: (boundary: Int, position: LineColumn)?

    public init(_ source: SourceText, unit: ColumnUnit) {
        self.source = source
        self.unit = unit
    }

    public mutating func position(of offset: Int) -> LineColumn {
        let clamped = max(0, min(offset, source.bytes.count))
        guard unit != .utf8 else { return source.position(of: clamped, unit: unit) }
        let line = source.line(containing: clamped)
        var index = source.lineStart(line)
        var column = 0
        if let counted, counted.position.line == line, counted.boundary <= clamped {
            index = counted.boundary
            column = counted.position.column
        }
        let bytes = source.bytes
        while index < clamped {
            let length = UTF8Sequence.length(of: bytes, at: index)
            if index + length > clamped { break }
            column += (unit == .utf16 && length == 4) ? 2 : 1
            index += length
        }
        let position = LineColumn(line: line, column: column)
        counted = (index, position)
        return position
    }
}

public enum UTF8Sequence {
    /// The length of the character at `index`, counting an invalid sequence's
    /// bytes one at a time (as a decoder shows each as U+FFFD).
    @inlinable
    public static func length(of bytes: [UInt8], at index: Int) -> Int {
        let claimed = length(leadingByte: bytes[index])
        guard claimed > 1 else { return 1 }
        guard index + claimed <= bytes.count else { return 1 }
        for offset in 1..<claimed where (bytes[index + offset] & 0xC0) != 0x80 { return 1 }
        return claimed
    }

    /// The length of the sequence a byte starts; stray continuation bytes count as one.
    @inlinable
    public static func length(leadingByte byte: UInt8) -> Int {
        if byte < 0x80 { return 1 }
        if byte >= 0xF0 { return 4 }
        if byte >= 0xE0 { return 3 }
        if byte >= 0xC0 { return 2 }
        return 1
    }
}

extension SourceText {
    /// The range without leading and trailing spaces and tabs.
    public func trimmingSpaces(_ range: Range<Int>) -> Range<Int> {
        var lower = max(0, range.lowerBound)
        var upper = min(bytes.count, range.upperBound)
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return lower..<max(lower, upper)
    }
}

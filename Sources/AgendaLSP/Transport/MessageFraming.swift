/// One thing the framing layer found in the byte stream.
public enum FrameEvent: Equatable, Sendable {
    /// The body of a well-framed message (not yet known to be JSON).
    case message([UInt8])
    /// Bytes that could not be read as a frame; they were skipped.
    case malformed(String)
}

/// Splits a byte stream into `Content-Length` framed messages (the LSP base protocol).
///
/// Pure and incremental: feed it whatever `read` returned, then take events
/// until it says it needs more. Garbage never stops it: bytes that do not form
/// a header are reported once as `.malformed` and skipped, and reading resumes
/// at the next `Content-Length` header it can find.
public struct FrameDecoder: Sendable {
    /// A header block longer than this cannot be real; it is dropped as garbage.
    public static let maxHeaderBytes = 16 * 1024
    /// Bodies above this size are refused rather than buffered.
    public static let maxBodyBytes = 256 * 1024 * 1024

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer`; compacted now and then.
    private var start = 0
    private var pending: [FrameEvent] = []
    /// The body length of a header already read, while its body is still arriving.
    private var awaitedBody: Int?

    public init() {}

    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next event, or nil when more input is needed. With `atEndOfInput`,
    /// whatever incomplete input is left is reported as malformed and dropped.
    public mutating func next(atEndOfInput: Bool = false) -> FrameEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        while true {
            if let length = awaitedBody {
                guard buffer.count - start >= length else {
                    guard atEndOfInput else { return nil }
                    discardAll()
                    awaitedBody = nil
                    return .malformed("the input ended inside a message body")
                }
                let body = Array(buffer[start..<(start + length)])
                start += length
                awaitedBody = nil
                return .message(body)
            }
            skipBlankBytes()
            guard start < buffer.count else { return nil }
            guard let terminator = find(Self.headerTerminator, from: start, limit: Self.maxHeaderBytes) else {
                if atEndOfInput {
                    discardAll()
                    return .malformed("the input ended inside a message header")
                }
                if buffer.count - start > Self.maxHeaderBytes {
                    dropOversizedGarbage()
                    return .malformed("more than \(Self.maxHeaderBytes) bytes without a message header")
                }
                return nil
            }
            let header = start..<terminator
            start = terminator + Self.headerTerminator.count
            switch readHeader(header) {
            case .body(let length, let garbage):
                awaitedBody = length
                if let garbage { return .malformed(garbage) }
            case .malformed(let reason):
                return .malformed(reason)
            }
        }
    }

    // MARK: - Headers

    private static let headerTerminator: [UInt8] = Array("\r\n\r\n".utf8)
    private static let contentLengthName: [UInt8] = Array("content-length:".utf8)

    private enum HeaderReading {
        /// The body length, and a description of garbage found before the header, if any.
        case body(Int, garbage: String?)
        case malformed(String)
    }

    /// Reads a header block. The last `Content-Length:` in it counts, so garbage
    /// glued in front of a real header costs one error, not the message.
    private func readHeader(_ block: Range<Int>) -> HeaderReading {
        guard let nameStart = findLastCaseInsensitive(Self.contentLengthName, in: block) else {
            return .malformed("a message header without Content-Length")
        }
        var index = nameStart + Self.contentLengthName.count
        let lineEnd = find(Array("\r\n".utf8), from: index, limit: block.upperBound - index) ?? block.upperBound
        while index < lineEnd, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        var length = 0
        var digits = 0
        while index < lineEnd, buffer[index] >= 0x30, buffer[index] <= 0x39 {
            length = length * 10 + Int(buffer[index] - 0x30)
            digits += 1
            index += 1
            if length > Self.maxBodyBytes { return .malformed("a Content-Length above \(Self.maxBodyBytes) bytes") }
        }
        while index < lineEnd, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        guard digits > 0, index == lineEnd else { return .malformed("a Content-Length that is not a number") }
        let garbage = isCleanHeaderPrefix(block.lowerBound..<nameStart) ? nil : "bytes that are not a message header"
        return .body(length, garbage: garbage)
    }

    /// Whether the bytes before `Content-Length` are whole `Name: value` lines.
    private func isCleanHeaderPrefix(_ range: Range<Int>) -> Bool {
        if range.isEmpty { return true }
        guard range.count >= 2, buffer[range.upperBound - 2] == 0x0D, buffer[range.upperBound - 1] == 0x0A else { return false }
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let lineEnd = find(Array("\r\n".utf8), from: lineStart, limit: range.upperBound - lineStart) ?? range.upperBound
            guard let colon = buffer[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: ":")), colon > lineStart,
                  buffer[lineStart..<colon].allSatisfy(Self.isTokenByte) else { return false }
            lineStart = lineEnd + 2
        }
        return true
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
    }

    // MARK: - Skipping

    /// Blank lines between messages are harmless; skip them without complaint.
    private mutating func skipBlankBytes() {
        while start < buffer.count {
            switch buffer[start] {
            case 0x0D, 0x0A, 0x20, 0x09: start += 1
            default: return
            }
        }
    }

    /// Drops a long run of garbage up to the next `Content-Length`, or all of it
    /// but a tail that could be the start of one.
    private mutating func dropOversizedGarbage() {
        if let header = findFirstCaseInsensitive(Self.contentLengthName, in: (start + 1)..<buffer.count) {
            start = header
        } else {
            start = max(start, buffer.count - Self.contentLengthName.count)
        }
    }

    private mutating func discardAll() {
        buffer.removeAll(keepingCapacity: true)
        start = 0
    }

    // MARK: - Searching

    private func find(_ needle: [UInt8], from: Int, limit: Int) -> Int? {
        let end = min(buffer.count, from + limit + needle.count)
        guard from >= 0, end - from >= needle.count else { return nil }
        var index = from
        while index + needle.count <= end {
            if buffer[index] == needle[0] {
                var matches = true
                for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    /// `needle` must be lowercase ASCII.
    private func findLastCaseInsensitive(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        guard range.count >= needle.count else { return nil }
        var index = range.upperBound - needle.count
        while index >= range.lowerBound {
            if matchesCaseInsensitive(needle, at: index) { return index }
            index -= 1
        }
        return nil
    }

    private func findFirstCaseInsensitive(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        guard range.count >= needle.count else { return nil }
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if matchesCaseInsensitive(needle, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func matchesCaseInsensitive(_ needle: [UInt8], at index: Int) -> Bool {
        for offset in 0..<needle.count {
            var byte = buffer[index + offset]
            if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
            if byte != needle[offset] { return false }
        }
        return true
    }
}

/// The bytes of one framed message.
public enum FrameEncoder {
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

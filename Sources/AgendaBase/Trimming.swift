extension StringProtocol {
    /// The text without leading and trailing spaces and tabs. Much cheaper than
    /// Foundation's `trimmingCharacters(in:)`, which bridges through UTF-16;
    /// values in this language only ever carry spaces and tabs around them.
    public var trimmedSpaces: String {
        var bytes = ContiguousArray(self.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}

extension String {
    /// The byte offsets of the first occurrence of `needle`, searching UTF-8 bytes
    /// (no Foundation bridging). Case-sensitive.
    public func byteRange(of needle: String, from start: Int = 0) -> Range<Int>? {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count, start <= haystack.count - pattern.count else { return nil }
        var index = start
        while index <= haystack.count - pattern.count {
            if haystack[index] == pattern[0], Array(haystack[index..<(index + pattern.count)]) == pattern {
                return index..<(index + pattern.count)
            }
            index += 1
        }
        return nil
    }

    /// The text of a UTF-8 byte range of this string.
    public func bytes(_ range: Range<Int>) -> String {
        let all = Array(utf8)
        let lower = max(0, min(range.lowerBound, all.count))
        let upper = max(lower, min(range.upperBound, all.count))
        return String(decoding: all[lower..<upper], as: UTF8.self)
    }
}

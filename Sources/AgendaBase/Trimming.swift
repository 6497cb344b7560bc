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


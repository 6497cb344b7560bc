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


extension StringProtocol {
    /// The text without leading and trailing whitespace (Unicode space
    /// separators and tab) and any of `extra`'s characters.
    public func trimmingWhitespace(and extra: String) -> String {
        let others = Set(extra.unicodeScalars)
        return trimmingScalars { others.contains($0) || TrimmedScalars.whitespaces.includes($0) }
    }

    /// The text without leading and trailing characters from `characters`.
    public func trimming(charactersIn characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        return trimmingScalars { set.contains($0) }
    }

    func trimmingScalars(where trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }),
              let last = scalars.lastIndex(where: { !trimmed($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

/// The sets Foundation's `.whitespaces` and `.whitespacesAndNewlines` name.
public struct TrimmedScalars: Sendable {
    let includes: @Sendable (Unicode.Scalar) -> Bool

    /// Unicode space separators (Zs) and tab, as `CharacterSet.whitespaces`.
    public static let whitespaces = TrimmedScalars { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    /// The same and the line ends U+000A–U+000D, U+0085, U+2028, U+2029.
    public static let whitespacesAndNewlines = TrimmedScalars { scalar in
        whitespaces.includes(scalar) || (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

#if canImport(FoundationEssentials)
extension String {
    /// Foundation's `trimmingCharacters(in: .whitespaces)` and `.whitespacesAndNewlines`
    /// (FoundationEssentials lacks them).
    public func trimmingCharacters(in set: TrimmedScalars) -> String { trimmingScalars(where: set.includes) }
}

extension Substring {
    public func trimmingCharacters(in set: TrimmedScalars) -> String { trimmingScalars(where: set.includes) }
}
#endif

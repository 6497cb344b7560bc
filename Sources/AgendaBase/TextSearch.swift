/// Finding and replacing a piece of text by its UTF-8 bytes (so always on
/// Unicode scalar boundaries, and `\r` is found inside `\r\n` as Foundation
/// finds it): Foundation's `range(of:)`, `range(of:options: .backwards)` and
/// `replacingOccurrences(of:with:)` without full Foundation, whose ICU tables
/// would cost every start of the process.
extension StringProtocol {
    /// Where `needle` first occurs.
    public func rangeOfFirst(_ needle: some StringProtocol) -> Range<Index>? {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return nil }
        let view = Substring(self).utf8
        var position = view.startIndex
        while let candidate = view[position...].firstIndex(of: first) {
            if let end = matchEnd(bytes, at: candidate) { return candidate..<end }
            position = view.index(after: candidate)
        }
        return nil
    }

    /// Where `needle` last occurs.
    public func rangeOfLast(_ needle: some StringProtocol) -> Range<Index>? {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return nil }
        let view = Substring(self).utf8
        var end = view.endIndex
        while let candidate = view[..<end].lastIndex(of: first) {
            if let matchEnd = matchEnd(bytes, at: candidate) { return candidate..<matchEnd }
            end = candidate
        }
        return nil
    }

    private func matchEnd(_ bytes: [UInt8], at start: Index) -> Index? {
        let view = Substring(self).utf8
        var position = start
        for byte in bytes {
            guard position < view.endIndex, view[position] == byte else { return nil }
            position = view.index(after: position)
        }
        return position
    }
}

extension String {
    /// Every occurrence of `target`, left to right and not overlapping, replaced
    /// (Foundation's `replacingOccurrences(of:with:)` with `.literal`).
    public func replacingEvery(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        guard var found = rangeOfFirst(target) else { return self }
        var result = ""
        var rest = self[...]
        while true {
            result += rest[..<found.lowerBound]
            result += replacement
            rest = rest[found.upperBound...]
            guard let next = rest.rangeOfFirst(target) else { break }
            found = next
        }
        result += rest
        return result
    }
}

#if canImport(FoundationEssentials)
// FoundationEssentials lacks `replacingOccurrences(of:with:)`; these keep the modules' calls as they were.
extension String {
    public func replacingOccurrences(of target: some StringProtocol, with replacement: some StringProtocol) -> String {
        replacingEvery(target, with: replacement)
    }
}

extension Substring {
    public func replacingOccurrences(of target: some StringProtocol, with replacement: some StringProtocol) -> String {
        String(self).replacingEvery(target, with: replacement)
    }
}
#endif

/// Editing a source in place of re-reading it: the bytes are spliced and the
/// line index is patched around the edit, so an edit costs a copy of the bytes
/// and of the line starts, never a new scan of every line.
extension SourceText {
    /// The text with `range` replaced by `replacement` (offsets into this text, clamped).
    public func replacing(_ range: Range<Int>, with replacement: [UInt8]) -> SourceText {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        var newBytes = [UInt8]()
        newBytes.reserveCapacity(bytes.count - (upper - lower) + replacement.count)
        newBytes.append(contentsOf: bytes[..<lower])
        newBytes.append(contentsOf: replacement)
        newBytes.append(contentsOf: bytes[upper...])
        // the line index keeps its width; a text crossing 4 GiB either way is read afresh
        guard Self.fitsNarrow(newBytes.count) == wideStarts.isEmpty else { return SourceText(bytes: newBytes) }
        if wideStarts.isEmpty {
            let starts = patchedStarts(narrowStarts, newBytes: newBytes, lower: lower, upper: upper, inserted: replacement.count)
            return SourceText(bytes: newBytes, narrowStarts: starts, wideStarts: [])
        }
        let starts = patchedStarts(wideStarts, newBytes: newBytes, lower: lower, upper: upper, inserted: replacement.count)
        return SourceText(bytes: newBytes, narrowStarts: [], wideStarts: starts)
    }

    /// `old`, this text's line starts, patched for `lower..<upper` replaced by `inserted` bytes, giving `newBytes`.
    private func patchedStarts<Offset: FixedWidthInteger>(_ old: [Offset], newBytes: [UInt8], lower: Int, upper: Int,
                                                          inserted: Int) -> [Offset] {
        let delta = inserted - (upper - lower)
        // Whether a line starts at p depends on the bytes at p - 1 and p (a `\r`
        // before a `\n` does not end a line), so starts up to the edit's end are
        // found again from the line before the edited one; later ones shift.
        let editedLine = line(containing: lower)
        let keptLines = max(1, editedLine)  // lines 0..<keptLines start before the edit, by at least a line
        var starts = [Offset]()
        starts.reserveCapacity(old.count + inserted / 16 + 1)
        starts.append(contentsOf: old[..<keptLines])
        let rescanFrom = Int(old[keptLines - 1])
        let rescanThrough = lower + inserted  // the first start kept from the old text lies beyond this
        newBytes.withUnsafeBufferPointer { buffer in
            var position = rescanFrom + 1
            while position <= rescanThrough, position <= buffer.count {
                let before = buffer[position - 1]
                if before == 0x0A || (before == 0x0D && (position == buffer.count || buffer[position] != 0x0A)) {
                    starts.append(Offset(position))
                }
                position += 1
            }
        }
        // old starts beyond the replaced part, moved by the edit
        var firstKept = line(containing: upper) + 1
        while firstKept < old.count, Int(old[firstKept]) <= upper { firstKept += 1 }
        if firstKept < old.count {
            starts.append(contentsOf: old[firstKept...].lazy.map { Offset(Int($0) + delta) })
        }
        return starts
    }
}

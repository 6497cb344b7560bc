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
        let delta = replacement.count - (upper - lower)
        // Whether a line starts at p depends on the bytes at p - 1 and p (a `\r`
        // before a `\n` does not end a line), so starts up to the edit's end are
        // found again from the line before the edited one; later ones shift.
        let editedLine = line(containing: lower)
        let keptLines = max(1, editedLine)  // lines 0..<keptLines start before the edit, by at least a line
        var starts = [Int]()
        starts.reserveCapacity(lineStarts.count + replacement.count / 16 + 1)
        starts.append(contentsOf: lineStarts[..<keptLines])
        let rescanFrom = lineStarts[keptLines - 1]
        let rescanThrough = lower + replacement.count  // the first start kept from the old text lies beyond this
        newBytes.withUnsafeBufferPointer { buffer in
            var position = rescanFrom + 1
            while position <= rescanThrough, position <= buffer.count {
                let before = buffer[position - 1]
                if before == 0x0A || (before == 0x0D && (position == buffer.count || buffer[position] != 0x0A)) {
                    starts.append(position)
                }
                position += 1
            }
        }
        // old starts beyond the replaced part, moved by the edit
        var firstKept = line(containing: upper) + 1
        while firstKept < lineStarts.count, lineStarts[firstKept] <= upper { firstKept += 1 }
        if firstKept < lineStarts.count {
            starts.append(contentsOf: lineStarts[firstKept...].lazy.map { $0 + delta })
        }
        return SourceText(bytes: newBytes, lineStarts: starts)
    }
}

extension Array {
    /// The same elements in a buffer of their own size when growing by
    /// doubling left much of it unused: an array kept for the life of a
    /// document (a tree's entries and blocks, the scanned keyword lines, an
    /// item's sections) should not hold room for up to twice its elements.
    public func trimmingCapacity() -> [Element] {
        guard capacity - count > Swift.max(1, count / 8) else { return self }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}

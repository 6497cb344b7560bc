/// Bits packed least significant first, as DEFLATE stores them, into a buffer
/// it owns until `deallocate` (grown when needed). Whole 32-bit words are
/// stored at once; `flush` writes what is left, so read `bytes` only after it.
struct BitWriter {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    private var buffer: UInt64 = 0
    private var pending = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    func deallocate() { storage.deallocate() }

    /// A copy of the bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// `bits` is at most 16 (a code or extra bits), so the buffer never holds more than 47.
    /// Inlined: it runs several times per symbol, and a call each time cost as much as the rest of writing a block.
    @inline(__always)
    mutating func write(_ value: Int, bits: Int) {
        buffer |= UInt64(truncatingIfNeeded: value & ((1 << bits) - 1)) << UInt64(pending)
        pending += bits
        if pending >= 32 {
            reserve(4)
            UnsafeMutableRawPointer(storage + count).storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, as: UInt32.self)
            count += 4
            buffer >>= 32
            pending -= 32
        }
    }

    /// Writes the bits held and pads to a byte boundary.
    mutating func flush() {
        reserve(8)
        while pending > 0 {
            storage[count] = UInt8(truncatingIfNeeded: buffer)
            count += 1
            buffer >>= 8
            pending -= 8
        }
        buffer = 0
        pending = 0
    }

    /// Whole bytes, after `flush`.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func appendBigEndian(_ value: UInt32) {
        withUnsafeBytes(of: value.bigEndian) { append($0.assumingMemoryBound(to: UInt8.self)) }
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(extra)
    }

    @inline(never)
    private mutating func grow(_ extra: Int) {
        let grown = max(capacity * 2, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }
}

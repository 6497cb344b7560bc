// SHA-256 (FIPS 180-4), for deterministic identifiers: the PDF writer's file
// `/ID` and, later, the archive's checksums. Foundation has no portable hash.

public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var state = initialState
        let bitLength = UInt64(bytes.count) &* 8
        var block = [UInt32](repeating: 0, count: 64)
        var offset = 0
        // over buffers, not arrays: the PDF writer hashes whole files, and bounds checks per byte cost a third
        bytes.withUnsafeBufferPointer { input in
            state.withUnsafeMutableBufferPointer { state in
                block.withUnsafeMutableBufferPointer { block in
                    while offset + 64 <= input.count {
                        compress(state, input, from: offset, schedule: block)
                        offset += 64
                    }
                }
            }
        }
        // the rest, a 1 bit, zeros, and the length in bits (big-endian)
        var tail = Array(bytes[offset...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBufferPointer { input in
            state.withUnsafeMutableBufferPointer { state in
                block.withUnsafeMutableBufferPointer { block in
                    var tailOffset = 0
                    while tailOffset + 64 <= input.count {
                        compress(state, input, from: tailOffset, schedule: block)
                        tailOffset += 64
                    }
                }
            }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in state {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    public static func hash(_ text: String) -> [UInt8] { hash(Array(text.utf8)) }

    /// The digest of `bytes` (the message, not a digest) in lowercase hexadecimal.
    public static func hexDigest(_ bytes: [UInt8]) -> String { Hex.lowercase(hash(bytes)) }

    /// One 64-byte block at `offset` (the callers keep `offset + 64 <= bytes.count`).
    /// Eight rounds per pass with the working variables renamed instead of moved,
    /// and the constants read from a buffer, so the rounds stay in registers:
    /// the PDF writer hashes every file it writes, a megabyte and more.
    private static func compress(_ state: UnsafeMutableBufferPointer<UInt32>, _ bytes: UnsafeBufferPointer<UInt8>, from offset: Int,
                                 schedule: UnsafeMutableBufferPointer<UInt32>) {
        guard let base = bytes.baseAddress, let w = schedule.baseAddress, let k = roundConstantBuffer.baseAddress else { return }
        let block = UnsafeRawPointer(base + offset)
        for t in 0..<16 {
            w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
        }
        for t in 16..<64 {
            let x = w[t - 15], y = w[t - 2]
            let s0 = rotate(x, 7) ^ rotate(x, 18) ^ (x >> 3)
            let s1 = rotate(y, 17) ^ rotate(y, 19) ^ (y >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        var t = 0
        while t < 64 {
            round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
            round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
            round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
            round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
            round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
            round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
            round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
            t += 8
        }
        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }

    /// One round (FIPS 180-4, 6.2.2 step 3) on the variables as named this round:
    /// d becomes the new e, h the new a; the others only move names.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantAndWord: UInt32) {
        let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
        let choice = g ^ (e & (f ^ g))
        let temp1 = h &+ s1 &+ choice &+ constantAndWord
        let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
        let majority = (a & b) | (c & (a | b))
        d &+= temp1
        h = temp1 &+ s0 &+ majority
    }

    @inline(__always)
    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// `roundConstants` where the rounds read them without bounds checks; allocated once, never freed.
    nonisolated(unsafe) private static let roundConstantBuffer: UnsafeBufferPointer<UInt32> = {
        let buffer = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: roundConstants.count)
        _ = buffer.initialize(from: roundConstants)
        return UnsafeBufferPointer(buffer)
    }()

    private static let initialState: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]

    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}

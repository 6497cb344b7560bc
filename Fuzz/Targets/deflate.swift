// Flate: any bytes compress and inflate back to themselves; any bytes given
// to the inflater are read or refused without a crash or a hang.
import AgendaPDF

func fuzzDeflate(_ input: UnsafeBufferPointer<UInt8>) {
    let bytes = Array(input)
    let compressed = Deflate.compress(bytes)
    guard let back = try? Inflate.decompress(compressed), back == bytes else {
        propertyFailed("\(bytes.count) bytes did not survive compression")
    }
    _ = try? Inflate.decompress(bytes, limit: 1 << 20)
}

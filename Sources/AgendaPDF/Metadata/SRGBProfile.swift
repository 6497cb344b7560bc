#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

// A small ICC v2 display profile for sRGB (IEC 61966-2-1), made here rather
// than shipped: PDF/A's output intent needs one, and this one is ours to
// license. D50-adapted primaries (Bradford, as in the ICC's own sRGB
// profiles) and the sRGB transfer curve sampled at 1024 points.

public enum SRGBProfile {
    public static let description = "sRGB IEC61966-2.1"

    public static let bytes: [UInt8] = make()

    private struct Tag {
        var signature: String
        var data: [UInt8]
    }

    private static func make() -> [UInt8] {
        let curve = transferCurve()
        let tags: [Tag] = [
            Tag(signature: "desc", data: textDescription(description)),
            Tag(signature: "cprt", data: text("No copyright, use freely")),
            Tag(signature: "wtpt", data: xyz(0.9642, 1.0, 0.8249)),
            Tag(signature: "rXYZ", data: xyz(0.4361, 0.2225, 0.0139)),
            Tag(signature: "gXYZ", data: xyz(0.3851, 0.7169, 0.0971)),
            Tag(signature: "bXYZ", data: xyz(0.1431, 0.0606, 0.7141)),
            Tag(signature: "rTRC", data: curve),
            Tag(signature: "gTRC", data: curve),
            Tag(signature: "bTRC", data: curve),
        ]
        var body: [UInt8] = []
        var table: [UInt8] = []
        append32(UInt32(tags.count), to: &table)
        let dataStart = 128 + 4 + 12 * tags.count
        var sharedCurveOffset: Int?
        for tag in tags {
            let isCurve = tag.signature.hasSuffix("TRC")
            let offset: Int
            if isCurve, let shared = sharedCurveOffset {
                offset = shared
            } else {
                offset = dataStart + body.count
                body += tag.data
                while body.count % 4 != 0 { body.append(0) }
                if isCurve { sharedCurveOffset = offset }
            }
            table += Array(tag.signature.utf8)
            append32(UInt32(offset), to: &table)
            append32(UInt32(tag.data.count), to: &table)
        }
        let size = dataStart + body.count
        var header: [UInt8] = []
        append32(UInt32(size), to: &header)
        append32(0, to: &header)                       // preferred CMM
        append32(0x0210_0000, to: &header)             // version 2.1
        header += Array("mntrRGB XYZ ".utf8)           // display class, RGB data, XYZ connection space
        for part: UInt16 in [2026, 1, 1, 0, 0, 0] { append16(part, to: &header) }
        header += Array("acsp".utf8)
        while header.count < 68 { header.append(0) }   // platform, flags, device, attributes, intent: none
        header += xyzNumbers(0.9642, 1.0, 0.8249)      // the connection space's illuminant, D50
        while header.count < 128 { header.append(0) }
        return header + table + body
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    private static func xyzNumbers(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in [x, y, z] { append32(UInt32(bitPattern: Int32((value * 65536).rounded())), to: &bytes) }
        return bytes
    }

    private static func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] {
        Array("XYZ ".utf8) + [0, 0, 0, 0] + xyzNumbers(x, y, z)
    }

    private static func text(_ value: String) -> [UInt8] {
        Array("text".utf8) + [0, 0, 0, 0] + Array(value.utf8) + [0]
    }

    /// `textDescriptionType` (ICC.1:2001-04, 6.5.17): ASCII, with empty Unicode and ScriptCode parts.
    private static func textDescription(_ value: String) -> [UInt8] {
        var bytes = Array("desc".utf8) + [0, 0, 0, 0]
        let ascii = Array(value.utf8) + [0]
        append32(UInt32(ascii.count), to: &bytes)
        bytes += ascii
        append32(0, to: &bytes)   // Unicode language code
        append32(0, to: &bytes)   // Unicode count
        append16(0, to: &bytes)   // ScriptCode code
        bytes.append(0)           // ScriptCode count
        bytes += [UInt8](repeating: 0, count: 67)
        return bytes
    }

    /// The sRGB decoding function, 1024 samples as 16-bit fractions.
    private static func transferCurve() -> [UInt8] {
        var bytes = Array("curv".utf8) + [0, 0, 0, 0]
        let count = 1024
        append32(UInt32(count), to: &bytes)
        for index in 0..<count {
            let encoded = Double(index) / Double(count - 1)
            let linear = encoded <= 0.04045 ? encoded / 12.92 : pow((encoded + 0.055) / 1.055, 2.4)
            append16(UInt16(min(65535, max(0, (linear * 65535).rounded()))), to: &bytes)
        }
        return bytes
    }
}

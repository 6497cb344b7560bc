#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `file:` URIs ↔ paths, with percent-encoding done by hand so that names
/// like `møde-æøå.agenda` round-trip exactly, whatever Foundation's URL
/// parser thinks of unencoded characters.
public enum DocumentURI {
    /// The path of a `file:` URI, or nil for other schemes (`untitled:`) and unreadable URIs.
    public static func path(of uri: String) -> String? {
        let scheme = "file://"
        guard uri.count > scheme.count, uri.lowercased().hasPrefix(scheme) else { return nil }
        var rest = Substring(uri.dropFirst(scheme.count))
        // drop a query or fragment; they never name part of a file
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        // the authority: empty or `localhost` for local files
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let authority = rest[..<slash].lowercased()
        guard authority.isEmpty || authority == "localhost" else { return nil }
        guard let decoded = percentDecoded(rest[slash...]) else { return nil }
        return decoded
    }

    public static func fileURL(of uri: String) -> URL? {
        path(of: uri).map { URL(fileURLWithPath: $0) }
    }

    /// The `file:` URI of an absolute path, encoding all but unreserved characters and `/`
    /// (as VS Code does, so the URIs we make match the ones clients send).
    public static func uri(forPath path: String) -> String {
        var result = "file://"
        for byte in path.utf8 {
            if isUnreserved(byte) || byte == UInt8(ascii: "/") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
            }
        }
        return result
    }

    public static func uri(for url: URL) -> String {
        uri(forPath: url.standardizedFileURL.path)
    }

    /// One spelling per file, for comparing URIs that clients encode differently;
    /// other schemes are kept as they are.
    public static func canonical(_ uri: String) -> String {
        guard let path = path(of: uri) else { return uri }
        return self.uri(forPath: path)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ value: UInt8) -> String {
        String(Character(Unicode.Scalar(value < 10 ? value + 0x30 : value - 10 + 0x41)))
    }

    /// Nil when an escape is malformed or the bytes are not UTF-8.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

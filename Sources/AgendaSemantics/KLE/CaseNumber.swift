import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A case number ("sagsnummer") in one of the two forms the genre uses.
public enum CaseNumber: Hashable, Sendable {
    /// `15.00.00-A00-9-26`: KLE subject, action facet, running number, two-digit year.
    case kle(KLENumber)
    /// `21/24526`: two-digit year and serial; the KLE subject is kept elsewhere.
    case serial(year: Int, serial: Int)

    /// The two-digit year the case was opened.
    public var twoDigitYear: Int {
        switch self {
        case .kle(let number): number.year
        case .serial(let year, _): year
        }
    }

    public var text: String {
        switch self {
        case .kle(let number): number.text
        case .serial(let year, let serial): (year < 10 ? "0" : "") + "\(year)/\(serial)"
        }
    }

    /// Reads a case number exactly as the forms prescribe; nil otherwise (see `suggestion(for:)`).
    public static func parse(_ raw: String) -> CaseNumber? {
        if let fast = parseBytes(Array(raw.utf8)) { return fast }
        let text = TextNormalization.nfc(raw).trimmedSpaces
        let scalars = Array(text.unicodeScalars)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count, !range.isEmpty else { return nil }
            var value = 0
            for index in range {
                let scalar = scalars[index]
                guard scalar.value >= 0x30, scalar.value <= 0x39 else { return nil }
                value = value * 10 + Int(scalar.value - 0x30)
            }
            return value
        }
        // yy/nnnnn
        if let slash = scalars.firstIndex(of: "/") {
            guard slash == 2, let year = digits(0..<2), scalars.count > 3, scalars.count - 3 <= 9, let serial = digits(3..<scalars.count) else { return nil }
            return .serial(year: year, serial: serial)
        }
        // NN.NN.NN-Xnn-serial-yy
        guard scalars.count >= 16, scalars[2] == ".", scalars[5] == ".", scalars[8] == "-",
              let main = digits(0..<2), let group = digits(3..<5), let subject = digits(6..<8) else { return nil }
        let letter = Character(scalars[9])
        guard letter.isLetter, letter.isUppercase, let facetDigits = digits(10..<12), scalars[12] == "-" else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[13...]))
        let tail = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard tail.count == 2, tail[1].count == 2, tail[0].count <= 9, let serial = Int(tail[0]), let year = Int(tail[1]),
              tail[0].allSatisfy(\.isASCII), tail[1].allSatisfy(\.isASCII) else { return nil }
        return .kle(KLENumber(mainGroup: main, group: group, subject: subject, facetLetter: letter, facetNumber: facetDigits, serial: serial, year: year))
    }

    /// For a malformed number whose parts are all there but separated wrongly
    /// (`15.00.00 A00 9 26`, `15-00-00-a00-9-26`), the number written right.
    public static func suggestion(for raw: String) -> String? {
        let text = TextNormalization.nfc(raw)
        let parts = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if parts.count == 6, parts[0].count == 2, parts[1].count == 2, parts[2].count == 2,
           [0, 1, 2, 4, 5].allSatisfy({ Int(parts[$0]) != nil }), parts[3].count == 3,
           let first = parts[3].first, first.isLetter, Int(parts[3].dropFirst()) != nil, parts[5].count == 2 {
            let candidate = "\(parts[0]).\(parts[1]).\(parts[2])-\(parts[3].uppercased())-\(Int(parts[4]) ?? 0)-\(parts[5])"
            return parse(candidate) != nil && candidate != raw ? candidate : nil
        }
        if parts.count == 2, parts[0].count == 2, Int(parts[0]) != nil, Int(parts[1]) != nil {
            let candidate = "\(parts[0])/\(parts[1])"
            return candidate != raw ? candidate : nil
        }
        return nil
    }
}

extension CaseNumber {
    /// The common case, read from bytes: ASCII digits, and a facet letter that is
    /// an ASCII capital or a precomposed Latin-1 capital such as `Ø`. Runs for
    /// every item on every keystroke, so it avoids Unicode machinery; anything
    /// else falls back to `parse`'s general path.
    static func parseBytes(_ bytes: [UInt8]) -> CaseNumber? {
        func digits(_ range: Range<Int>) -> Int? {
            guard !range.isEmpty, range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        if bytes.count >= 4, bytes.count <= 12, bytes[2] == UInt8(ascii: "/") {
            guard let year = digits(0..<2), let serial = digits(3..<bytes.count) else { return nil }
            return .serial(year: year, serial: serial)
        }
        guard bytes.count >= 16, bytes[2] == UInt8(ascii: "."), bytes[5] == UInt8(ascii: "."), bytes[8] == UInt8(ascii: "-"),
              let main = digits(0..<2), let group = digits(3..<5), let subject = digits(6..<8) else { return nil }
        var cursor = 9
        let letter: Character
        if bytes[cursor] >= 0x41, bytes[cursor] <= 0x5A {
            letter = Character(Unicode.Scalar(bytes[cursor]))
            cursor += 1
        } else if bytes[cursor] == 0xC3, cursor + 1 < bytes.count, bytes[cursor + 1] >= 0x80, bytes[cursor + 1] <= 0x9E, bytes[cursor + 1] != 0x97 {
            letter = Character(Unicode.Scalar(0xC0 + UInt32(bytes[cursor + 1] - 0x80)) ?? "?")
            cursor += 2
        } else {
            return nil
        }
        guard let facet = digits(cursor..<(cursor + 2)), cursor + 2 < bytes.count, bytes[cursor + 2] == UInt8(ascii: "-") else { return nil }
        let rest = (cursor + 3)..<bytes.count
        guard let dash = bytes[rest].firstIndex(of: UInt8(ascii: "-")), dash - rest.lowerBound <= 9,
              bytes.count - dash - 1 == 2, let serial = digits(rest.lowerBound..<dash), let year = digits((dash + 1)..<bytes.count) else { return nil }
        return .kle(KLENumber(mainGroup: main, group: group, subject: subject, facetLetter: letter, facetNumber: facet, serial: serial, year: year))
    }
}

public struct KLENumber: Hashable, Sendable {
    public var mainGroup: Int
    public var group: Int
    public var subject: Int
    public var facetLetter: Character
    public var facetNumber: Int
    public var serial: Int
    public var year: Int

    public var subjectCode: String { "\(two(mainGroup)).\(two(group)).\(two(subject))" }
    public var groupCode: String { "\(two(mainGroup)).\(two(group))" }
    public var facetCode: String { "\(facetLetter)\(two(facetNumber))" }
    public var text: String { "\(subjectCode)-\(facetCode)-\(serial)-\(two(year))" }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

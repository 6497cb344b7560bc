#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One KLE subject (`15.00.00`) and its title.
public struct KLESubject: Hashable, Sendable {
    /// `15.00.00`.
    public var code: String
    public var title: String
    /// The six digits as a number (`150000`), the list's sort key.
    public var key: Int

    public var mainGroup: Int { key / 10_000 }
    public var group: Int { key / 100 % 100 }

    /// `150000` → `15.00.00`; nil outside 00.00.00–99.99.99.
    public static func code(forKey key: Int) -> String? {
        guard key >= 0, key <= 999_999 else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(key / 10_000)).\(two(key / 100 % 100)).\(two(key % 100))"
    }

    /// `15.00.00` → `150000`; nil unless exactly `NN.NN.NN` in ASCII digits.
    public static func key(forCode code: String) -> Int? {
        let bytes = Array(code.utf8)
        guard bytes.count == 8, bytes[2] == UInt8(ascii: "."), bytes[5] == UInt8(ascii: ".") else { return nil }
        var value = 0
        for index in [0, 1, 3, 4, 6, 7] {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

/// Every subject of a KLE plan, sorted by number, with lookups that never scan
/// the whole list: existence by hashing, neighbours and prefixes by binary search.
///
/// `os2kle` is the open list shipped with agendac (`OS2KLE/OS2KLE.txt`); it is
/// parsed on first use, so work that needs no KLE does not pay for it.
public struct KLESubjectList: Sendable {
    /// Sorted by `key`, each number once.
    public let subjects: [KLESubject]
    private let positionByKey: [Int: Int]

    /// The subjects with their titles, in any order; a number given twice keeps its first title.
    public init(_ entries: [KLESubject]) {
        var seen = Set<Int>()
        let unique = entries.filter { seen.insert($0.key).inserted }
        subjects = unique.sorted { $0.key < $1.key }
        var positions: [Int: Int] = [:]
        positions.reserveCapacity(subjects.count)
        for (position, subject) in subjects.enumerated() { positions[subject.key] = position }
        positionByKey = positions
    }

    /// The open OS2KLE list, parsed once, on first use.
    public static let os2kle = KLESubjectList(OS2KLEFile.subjects(in: OS2KLEText.text))

    /// The open OS2KLE list's numbers alone, sorted, generated from the text
    /// (`OS2KLEKeys`): whether a subject exists is what `check` asks of
    /// nearly every case number, and it should not pay for reading the list.
    private static let os2kleKeys: [Int32] = OS2KLEKeys.keys

    /// Whether the open OS2KLE list has the subject `key` (the same answer as
    /// `os2kle.subject(key:) != nil`, without parsing titles).
    public static func os2kleContains(key: Int) -> Bool {
        let keys = os2kleKeys
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if Int(keys[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && Int(keys[low]) == key
    }

    public var isEmpty: Bool { subjects.isEmpty }

    public func subject(key: Int) -> KLESubject? {
        positionByKey[key].map { subjects[$0] }
    }

    public func subject(_ code: String) -> KLESubject? {
        KLESubject.key(forCode: code).flatMap(subject(key:))
    }

    /// The first position whose key is not below `key`.
    private func insertionPoint(_ key: Int) -> Int {
        var low = 0, high = subjects.count
        while low < high {
            let middle = (low + high) / 2
            if subjects[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The existing subjects closest to a number that is not in the list:
    /// within its main group, the same group first, then by numeric distance; at most `limit`, in number order.
    public func nearest(toKey key: Int, limit: Int = 3) -> [KLESubject] {
        let point = insertionPoint(key)
        let window = subjects[max(0, point - limit)..<min(subjects.count, point + limit)]
        let sameMain = window.filter { $0.mainGroup == key / 10_000 && $0.key != key }
        let ranked = sameMain.sorted { a, b in
            let groupA = a.group != key / 100 % 100, groupB = b.group != key / 100 % 100
            return groupA != groupB ? !groupA : abs(a.key - key) < abs(b.key - key)
        }
        return ranked.prefix(limit).sorted { $0.key < $1.key }
    }

    /// The subjects whose six digits start with `digits` (`"150"` → `15.0x.xx`), in number order.
    public func subjects(withDigitPrefix digits: String) -> ArraySlice<KLESubject> {
        guard digits.utf8.count <= 6, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        var scale = 1
        for _ in 0..<(6 - digits.utf8.count) { scale *= 10 }
        let prefix = Int(digits) ?? 0
        let low = insertionPoint(prefix * scale), high = insertionPoint((prefix + 1) * scale)
        return subjects[low..<high]
    }
}

/// Reads the OS2KLE text format, one subject a line:
/// `KLENummer='15.00.00':KLETitel='…':Keywords[Weight]=word[5];other word[10];`.
/// Lines that do not have that shape are skipped.
enum OS2KLEFile {
    static let numberMarker = Array("KLENummer='".utf8)
    static let titleMarker = Array("':KLETitel='".utf8)
    static let keywordsMarker = Array("':Keywords[Weight]=".utf8)

    /// A line's number, title and the byte range of its keyword list.
    struct Line {
        var key: Int
        var title: String
        var keywords: Range<Int>
    }

    /// The numbers of the well-formed lines, sorted and each once.
    static func keys(in text: String) -> [Int32] {
        let bytes = Array(text.utf8)
        var keys: [Int32] = []
        keys.reserveCapacity(2_400)
        forEachLine(bytes) { range in
            if let shape = shape(bytes, range) { keys.append(Int32(shape.key)) }
        }
        keys.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(keys.count)
        for key in keys where unique.last != key { unique.append(key) }
        return unique
    }

    static func subjects(in text: String) -> [KLESubject] {
        lines(in: text).compactMap { line in
            KLESubject.code(forKey: line.key).map { KLESubject(code: $0, title: line.title, key: line.key) }
        }
    }

    /// Calls `body` with each well-formed line and the text's bytes.
    static func lines(in text: String) -> [Line] {
        let bytes = Array(text.utf8)
        var result: [Line] = []
        result.reserveCapacity(2_400)
        forEachLine(bytes) { range in
            if let line = line(bytes, range) { result.append(line) }
        }
        return result
    }

    /// Calls `body` with the range of each line (without its newline); memchr finds the ends.
    static func forEachLine(_ bytes: [UInt8], _ body: (Range<Int>) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                let end = memchr(base + start, 0x0A, buffer.count - start)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
                body(start..<end)
                start = end + 1
            }
        }
    }

    static func line(_ bytes: [UInt8], _ range: Range<Int>) -> Line? {
        shape(bytes, range).map { Line(key: $0.key, title: String(decoding: bytes[$0.title], as: UTF8.self), keywords: $0.keywords) }
    }

    /// Where `marker` first stands in `bytes[range]`: memchr finds its first byte, memcmp
    /// the rest (a byte loop here was most of reading the list).
    static func firstOffset(of marker: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard let first = marker.first, range.upperBound <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            marker.withUnsafeBufferPointer { needle -> Int? in
                guard let base = buffer.baseAddress, let needleBase = needle.baseAddress else { return nil }
                var cursor = range.lowerBound
                while cursor + needle.count <= range.upperBound,
                      let found = memchr(base + cursor, Int32(first), range.upperBound - cursor) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if index + needle.count <= range.upperBound, memcmp(base + index, needleBase, needle.count) == 0 { return index }
                    cursor = index + 1
                }
                return nil
            }
        }
    }

    /// A line's number and where its title and keywords stand, when the line has the list's shape.
    static func shape(_ bytes: [UInt8], _ range: Range<Int>) -> (key: Int, title: Range<Int>, keywords: Range<Int>)? {
        func hasMarker(_ marker: [UInt8], at position: Int) -> Bool {
            position + marker.count <= range.upperBound && bytes[position..<(position + marker.count)].elementsEqual(marker)
        }
        guard hasMarker(numberMarker, at: range.lowerBound) else { return nil }
        let codeStart = range.lowerBound + numberMarker.count
        guard codeStart + 8 <= range.upperBound,
              let key = KLESubject.key(forCode: String(decoding: bytes[codeStart..<(codeStart + 8)], as: UTF8.self)),
              hasMarker(titleMarker, at: codeStart + 8) else { return nil }
        let titleStart = codeStart + 8 + titleMarker.count
        guard titleStart < range.upperBound, let titleEnd = firstOffset(of: keywordsMarker, in: bytes, titleStart..<range.upperBound) else { return nil }
        return (key, titleStart..<titleEnd, (titleEnd + keywordsMarker.count)..<range.upperBound)
    }
}

import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `ledger.jsonl`: appended only, one record per line.
enum LedgerFile {
    /// The last record (its sequence and hash), read from the end of the file
    /// so that appending to a long ledger costs the same as to a short one.
    static func last(_ url: URL) throws(ArchiveError) -> LedgerRecord? {
        guard let file = ReadOnlyFile(path: url.path) else {
            if !FileManager.default.fileExists(atPath: url.path) { return nil }
            throw ArchiveError("\(ArchiveLayout.ledgerName): cannot be read")
        }
        let size = try size(of: file)
        guard size > 0 else { return nil }
        return try LedgerRecord.parse(try readTail(file, size: size), place: "\(ArchiveLayout.ledgerName) (last line)")
    }

    /// How far the ledger reaches: its size in bytes and the hash of its last
    /// record (64 zeros when empty), read together from one look at its end, so
    /// that a reader can later take only the records appended after it (`records(after:)`).
    static func mark(_ url: URL) throws(ArchiveError) -> LedgerMark {
        guard let file = ReadOnlyFile(path: url.path) else {
            throw ArchiveError("\(ArchiveLayout.ledgerName): cannot be read")
        }
        let size = try size(of: file)
        guard size > 0 else { return LedgerMark(offset: 0, hash: LedgerRecord.firstPrevious) }
        let tail = try readTail(file, size: size)
        return LedgerMark(offset: Int(size), hash: try LedgerRecord.parse(tail, place: "\(ArchiveLayout.ledgerName) (last line)").hash)
    }

    /// The records appended since `mark` and the mark after them; nil when the
    /// ledger does not continue from `mark` (shorter, or the first new record does
    /// not chain to the marked one, or a line is incomplete or unreadable).
    static func records(after mark: LedgerMark, in url: URL) -> (records: [LedgerRecord], mark: LedgerMark)? {
        guard mark.offset >= 0, let file = ReadOnlyFile(path: url.path) else { return nil }
        guard let size = file.size, size >= UInt64(mark.offset), size - UInt64(mark.offset) < 1 << 30 else { return nil }
        guard size > UInt64(mark.offset) else { return ([], mark) }
        guard let bytes = file.read(at: UInt64(mark.offset), count: Int(size) - mark.offset),
              bytes.count == Int(size) - mark.offset else { return nil }
        guard bytes.last == 0x0A else { return nil }
        var records: [LedgerRecord] = []
        var previous = mark.hash
        for line in bytes.split(separator: 0x0A) {
            guard let record = try? LedgerRecord.parse(Array(line), place: ArchiveLayout.ledgerName), record.previous == previous else { return nil }
            records.append(record)
            previous = record.hash
        }
        return (records, LedgerMark(offset: Int(size), hash: previous))
    }

    /// The last complete line of a file of `size` bytes, read from its end.
    static func readTail(_ file: ReadOnlyFile, size: UInt64) throws(ArchiveError) -> [UInt8] {
        var chunk: UInt64 = 4096
        while true {
            let start = size > chunk ? size - chunk : 0
            guard let bytes = file.read(at: start, count: Int(size - start)) else {
                throw ArchiveError("\(ArchiveLayout.ledgerName): cannot be read (\(ReadOnlyFile.lastError))")
            }
            guard bytes.last == 0x0A else {
                throw .malformed(ArchiveLayout.ledgerName, "the last line is not complete")
            }
            let withoutNewline = bytes.dropLast()
            if let newline = withoutNewline.lastIndex(of: 0x0A) { return Array(withoutNewline[(newline + 1)...]) }
            if start == 0 { return Array(withoutNewline) }
            chunk *= 4
        }
    }

    private static func size(of file: ReadOnlyFile) throws(ArchiveError) -> UInt64 {
        guard let size = file.size else { throw ArchiveError("\(ArchiveLayout.ledgerName): cannot be read (\(ReadOnlyFile.lastError))") }
        return size
    }

    /// Appends one line with a single write, synced; on failure the file is cut back to its old length.
    static func append(_ line: [UInt8], to url: URL) throws(ArchiveError) {
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ArchiveError("\(ArchiveLayout.ledgerName): cannot be written (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        let before = lseek(descriptor, 0, SEEK_END)
        var written = 0
        var failure: String?
        line.withUnsafeBytes { buffer in
            while written < buffer.count {
                guard let base = buffer.baseAddress else { break }
                let count = write(descriptor, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += count
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            if before >= 0 { _ = ftruncate(descriptor, before) }
            throw ArchiveError("\(ArchiveLayout.ledgerName): the record could not be appended (\(failure)); nothing was added")
        }
    }

    /// Every line with its number (1-based); an empty file has none.
    static func lines(_ bytes: [UInt8]) -> [(number: Int, bytes: [UInt8])] {
        var result: [(Int, [UInt8])] = []
        var number = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            if line.isEmpty { continue }
            result.append((number, Array(line)))
        }
        return result
    }
}

/// A place in the ledger: its size in bytes up to there and the hash of the record ending there.
public struct LedgerMark: Equatable, Sendable {
    public var offset: Int
    public var hash: String
}

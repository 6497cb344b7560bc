import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Writes a planned site into a folder, touching only what changed: each file
/// is compared by SHA-256 with the record of the last build (`.agendac-site.tsv`)
/// and its size on disk; a changed file is written atomically, an unchanged one
/// is left alone (its modification time too), and a file the last build wrote
/// that the plan no longer has is removed. A page whose inputs' fingerprint is
/// the one recorded is not even made. The record is written last.
struct SiteWriter {
    let folder: URL
    let readFile: (ArchivedFile) throws -> [UInt8]

    /// What the last build wrote at a path.
    struct Recorded {
        var digest: String
        var size: Int
        var fingerprint: String?
    }

    func write(_ files: [SiteFile]) throws(ArchiveSite.BuildError) -> ArchiveSite.Report {
        let manager = FileManager.default
        let record = try readRecord()
        var report = ArchiveSite.Report()
        var newRecord: [String: Recorded] = [:]
        for file in files {
            guard Self.isSafe(file.path) else { throw .init(description: "will not write \(file.path): the path leaves the site's folder") }
            let target = folder.appendingPathComponent(file.path)
            if let fingerprint = file.fingerprint, let previous = record[file.path], previous.fingerprint == fingerprint,
               Self.sizeOnDisk(target) == previous.size {
                newRecord[file.path] = previous
                report.fileCount += 1
                report.byteCount += previous.size
                report.unchanged += 1
                continue
            }
            let (digest, size, bytes) = try resolved(file)
            if bytes != nil { report.rendered += 1 }
            newRecord[file.path] = Recorded(digest: digest, size: size, fingerprint: file.fingerprint)
            report.fileCount += 1
            report.byteCount += size
            if let previous = record[file.path], previous.digest == digest, previous.size == size, Self.sizeOnDisk(target) == size {
                report.unchanged += 1
                continue
            }
            let contents: [UInt8]
            if let bytes { contents = bytes } else { contents = try read(file) }
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.write(contents, to: target)
            } catch {
                throw .init(description: "cannot write \(target.path): \(error)")
            }
            report.written.append(file.path)
        }
        for path in record.keys.sorted() where newRecord[path] == nil && Self.isSafe(path) {
            try? manager.removeItem(at: folder.appendingPathComponent(path))
            report.removed.append(path)
        }
        let lines = newRecord.keys.sorted().map { path in
            let entry = newRecord[path]
            return "\(path)\t\(entry?.digest ?? "")\t\(entry?.size ?? 0)\t\(entry?.fingerprint ?? "-")"
        }
        do {
            try AtomicFile.write("# agendac archive site: path, SHA-256, size and inputs' fingerprint (or -) of every file the last build wrote\n" + lines.joined(separator: "\n") + "\n",
                                 to: folder.appendingPathComponent(SitePaths.buildRecord))
        } catch {
            throw .init(description: "cannot write \(SitePaths.buildRecord): \(error)")
        }
        return report
    }

    /// The file's SHA-256 and size, and its bytes when they had to be made to know them.
    func resolved(_ file: SiteFile) throws(ArchiveSite.BuildError) -> (String, Int, [UInt8]?) {
        switch file.content {
        case .text(let make):
            let bytes = Array(make().utf8)
            return (SHA256.hexDigest(bytes), bytes.count, bytes)
        case .copy(let archived):
            return (archived.sha256, archived.byteCount, nil)
        }
    }

    /// A copied file's bytes, checked against the SHA-256 the archive records.
    func read(_ file: SiteFile) throws(ArchiveSite.BuildError) -> [UInt8] {
        guard case .copy(let archived) = file.content else { return [] }
        let bytes: [UInt8]
        do { bytes = try readFile(archived) } catch { throw .init(description: "cannot read the archive's \(archived.path): \(error)") }
        guard SHA256.hexDigest(bytes) == archived.sha256 else {
            throw .init(description: "the archive's \(archived.path) does not match its recorded SHA-256; run `agendac archive verify`")
        }
        return bytes
    }

    /// The last build's record; an empty folder (or none) has none, a folder with other files is refused.
    func readRecord() throws(ArchiveSite.BuildError) -> [String: Recorded] {
        let manager = FileManager.default
        let recordURL = folder.appendingPathComponent(SitePaths.buildRecord)
        guard let data = manager.contents(atPath: recordURL.path) else {
            if let isFolder = FileKind.isFolder(folder.path) {
                guard isFolder else { throw .init(description: "\(folder.path) is a file, not a folder") }
                let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
                guard entries.isEmpty else {
                    throw .init(description: "\(folder.path) holds files but no site that agendac built (no \(SitePaths.buildRecord)); choose an empty or new folder")
                }
            }
            return [:]
        }
        var record: [String: Recorded] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3 || columns.count == 4, let size = Int(columns[2]) else { continue }
            let fingerprint = columns.count == 4 && columns[3] != "-" ? String(columns[3]) : nil
            record[String(columns[0])] = Recorded(digest: String(columns[1]), size: size, fingerprint: fingerprint)
        }
        return record
    }

    static func sizeOnDisk(_ url: URL) -> Int? {
        var status = stat()
        guard lstat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Relative, without `..`, `.` or empty components.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}

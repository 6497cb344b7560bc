import AgendaArchive
import AgendaBase
import AgendaSemantics
import Foundation

/// The archive's public site on generated archives: meetings of 10 items in
/// six committees meeting in turn, cases recurring across meetings,
/// Danish words in many inflections. Reports the full build, the build after
/// adding one meeting (what it rewrote), and the site's size. The largest
/// site is left in `.build/archive-site-large` for the browser test's timing
/// (`ARCHIVE_SITE_LARGE=.build/archive-site-large bash Tests/archive/site/run.sh -k large`).
enum SiteBenchmark {
    static func meetingText(_ number: Int, _ random: inout SearchBenchmark.Generator, caseCount: Int) -> String {
        func word() -> String {
            if random.next(8) == 0 { return "ord\(random.next(50_000))" }
            return SearchBenchmark.stems[random.next(SearchBenchmark.stems.count)] + SearchBenchmark.endings[random.next(SearchBenchmark.endings.count)]
        }
        func sentence(_ words: Int) -> String {
            let text = (0..<words).map { _ in word() }.joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst() + "."
        }
        let committee = SearchBenchmark.committees[number % SearchBenchmark.committees.count]
        let day = date(number)
        var text = "møde: \(committee)\nkommune: Benchmark Kommune\ndokument: referat\ndato: \(day?.iso ?? "2000-01-01")\ntid: 16:00\n\n"
        for item in 1...10 {
            text += "punkt \(item): \(sentence(4)) \(SearchBenchmark.places[random.next(SearchBenchmark.places.count)])\n"
            text += "sagsnr: 15.00.00-P20-\(random.next(max(caseCount, 1)))-26\n\n"
            text += "resume:\n\(sentence(14)) \(sentence(12))\n\n\(sentence(16))\n\n"
            text += "indstilling: Direktionen indstiller, at\n1. \(committee) godkender \(sentence(6).lowercased())\n\n"
            text += "beslutning:\n\(random.next(3) > 0 ? "Godkendt. " + sentence(8) : "Udsat.")\n\n"
        }
        return text
    }

    /// One meeting a day from 1 January 2000, the committees in turn (each meets every sixth day).
    static func date(_ number: Int) -> CalendarDate? {
        var year = 2000, dayOfYear = number
        while dayOfYear >= (CalendarDate.isLeap(year) ? 366 : 365) {
            dayOfYear -= CalendarDate.isLeap(year) ? 366 : 365
            year += 1
        }
        var month = 1
        while dayOfYear >= CalendarDate.daysIn(month: month, year: year) {
            dayOfYear -= CalendarDate.daysIn(month: month, year: year)
            month += 1
        }
        return CalendarDate(year: year, month: month, day: dayOfYear + 1)
    }

    /// The meetings, and the bytes of the one public file each has (its source
    /// stands in for the public JSON, so the site copies a file per meeting).
    static func meetings(items: Int) -> ([ArchivedMeeting], [String: [UInt8]]) {
        var random = SearchBenchmark.Generator(state: 7)
        var files: [String: [UInt8]] = [:]
        let meetings = (0..<max(1, items / 10)).compactMap { number -> ArchivedMeeting? in
            let text = meetingText(number, &random, caseCount: items / 4)
            guard var record = try? ArchivedMeeting.record(of: AnalyzedDocument(text: text).meeting).get() else { return nil }
            // what the store records: the public JSON's checksum stands for the public content
            let digest = SHA256.hexDigest(Array(text.utf8))
            record.files = [ArchivedFile(kind: .publicJSON, path: "\(record.id.path)/offentlig.json", sha256: digest, byteCount: text.utf8.count)]
            files[record.id.path + "/offentlig.json"] = Array(text.utf8)
            return record
        }
        return (meetings, files)
    }

    static func run(sizes: [Int]) -> String {
        var out = "## Archive site (release build, generated meetings of 10 items)\n\n"
        out += "| items | meetings | full build | after adding one meeting | pages rendered | files rewritten | files | site size | search index |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for items in sizes {
            var (meetings, files) = meetings(items: items)
            guard let last = meetings.popLast() else { continue }
            let largest = items == sizes.max()
            let folder = largest ? URL(fileURLWithPath: ".build/archive-site-large")
                : FileManager.default.temporaryDirectory.appendingPathComponent("agendac-bench-site-\(getpid())-\(items)")
            try? FileManager.default.removeItem(at: folder)
            let read: (ArchivedFile) throws -> [UInt8] = { files[$0.path] ?? [] }
            let started = Measure.now()
            do {
                _ = try ArchiveSite.build(ArchiveSnapshot(meetings: meetings), into: folder, readFile: read)
            } catch {
                out += "| \(items) | build failed: \(error) | | | | | | | |\n"
                continue
            }
            let full = Double(Measure.now() - started) / 1e9
            meetings.append(last)
            let again = Measure.now()
            guard let report = try? ArchiveSite.build(ArchiveSnapshot(meetings: meetings), into: folder, readFile: read) else { continue }
            let incremental = Double(Measure.now() - again) / 1e9
            let index = folderSize(folder.appendingPathComponent("soeg"))
            out += "| \(items) | \(meetings.count) | \(Measure.format(full, decimals: 2)) s | \(Measure.format(incremental, decimals: 2)) s "
            out += "| \(report.rendered) of \(report.fileCount) | \(report.written.count) | \(report.fileCount) "
            out += "| \(CompilerBenchmark.sizeLabel(report.byteCount)) (\(report.byteCount) bytes) | \(CompilerBenchmark.sizeLabel(index)) |\n"
            if !largest { try? FileManager.default.removeItem(at: folder) }
        }
        out += "\nFull build: from an in-memory snapshot (compiling the archive is not included). After adding one meeting: the same, with one meeting more; "
        out += "pages rendered counts the files whose text was made (a meeting page whose inputs' fingerprint is unchanged is not made; "
        out += "the year and case pages and the search index are made and compared by SHA-256).\n"
        out += "\nThe largest site is kept in `.build/archive-site-large`; `ARCHIVE_SITE_LARGE=.build/archive-site-large bash Tests/archive/site/run.sh -k large` times searches in Chromium there (p50/p95 in ms, its last line).\n"
        return out
    }

    static func folderSize(_ folder: URL) -> Int {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey]) else { return 0 }
        var total = 0
        for case let url as URL in walker { total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
        return total
    }
}

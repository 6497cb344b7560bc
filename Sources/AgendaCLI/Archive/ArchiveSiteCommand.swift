import AgendaArchive
import AgendaRender
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac archive site DIR`: writes or updates the archive's public website
/// in DIR, rewriting only files whose contents changed.
enum ArchiveSiteCommand {
    static let usage = "usage: agendac archive site DIR"

    static func parse(_ arguments: [String]) throws(UsageError) -> String {
        var folders: [String] = []
        for argument in arguments {
            guard !argument.hasPrefix("--") else { throw UsageError("unknown option \(argument)\n\(usage)") }
            folders.append(argument)
        }
        guard folders.count == 1, let folder = folders.first, !folder.isEmpty else {
            throw UsageError("give the one folder to write the site in\n\(usage)")
        }
        return folder
    }

    /// Builds the site from the archive's snapshot; `readFile` gives an archived public file's bytes.
    static func run(_ arguments: [String], snapshot: ArchiveSnapshot, style: HouseStyle = .standard,
                    readFile: @escaping (ArchivedFile) throws -> [UInt8], io: CommandIO) -> Int32 {
        let folder: String
        do { folder = try parse(arguments) } catch {
            io.standardError("agendac archive site: \(error.message)\n")
            return ExitCode.usage
        }
        do {
            let report = try ArchiveSite.build(snapshot, into: io.resolve(folder), style: style, readFile: readFile)
            io.standardOutput(summary(report, folder: folder))
            return ExitCode.success
        } catch {
            io.standardError("agendac archive site: \(error.description)\n")
            return ExitCode.usage
        }
    }

    static func summary(_ report: ArchiveSite.Report, folder: String) -> String {
        // tenths of a megabyte rounded as printf's %.1f rounds (half to even; the quotient is exact)
        let tenths = Int((Double(report.byteCount) * 10 / 1_048_576).rounded(.toNearestOrEven))
        return "\(folder): \(report.fileCount) files (\(tenths / 10).\(tenths % 10) MB); "
            + "\(report.written.count) written, \(report.unchanged) unchanged, \(report.removed.count) removed\n"
    }
}

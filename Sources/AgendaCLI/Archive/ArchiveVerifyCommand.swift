import AgendaArchive
import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac archive verify`: exit 0 when the archive is intact, 1 naming each
/// file or record changed, removed, added or reordered outside the tool.
enum ArchiveVerifyCommand {
    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["--archive"], switches: [])
        guard reader.positional.isEmpty else { throw UsageError("archive verify takes no arguments") }
        let url = try ArchiveCommand.location(reader.value("--archive"), near: io.currentDirectory, io: io)
        let report = ArchiveVerifier.verify(at: url)
        var out = ""
        for problem in report.problems { out += problem.description + "\n" }
        if report.isIntact {
            out += "intact: \(report.recordCount) record\(report.recordCount == 1 ? "" : "s"), \(report.meetingCount) meeting\(report.meetingCount == 1 ? "" : "s"), \(report.fileCount) file\(report.fileCount == 1 ? "" : "s") match the ledger\n"
            io.standardOutput(out)
            return ExitCode.success
        }
        out += "not intact: \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found\n"
        io.standardOutput(out)
        return ExitCode.findings
    }
}

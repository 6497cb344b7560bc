import AgendaArchive
import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac archive approve MEETING-ID --by NAME [--at TIME]`.
enum ArchiveApproveCommand {
    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["--archive", "--by", "--at"], switches: [])
        guard reader.positional.count == 1, let idText = reader.positional.first else {
            throw UsageError("archive approve needs one meeting: agendac archive approve MEETING-ID --by NAME")
        }
        guard let id = MeetingID(path: idText) else {
            throw UsageError("\(idText) is not a meeting id; write committee-slug/date, as `agendac archive list` shows it")
        }
        guard let name = reader.value("--by"), !name.trimmedSpaces.isEmpty else {
            throw UsageError("archive approve needs --by NAME: who approves")
        }
        let time = try ArchiveCommand.time(reader.value("--at"))
        var store = try ArchiveCommand.open(try ArchiveCommand.location(reader.value("--archive"), near: io.currentDirectory, io: io))
        do {
            let change = try store.approve(id, by: name, at: time)
            io.standardOutput(change.summary + "\n")
            return ExitCode.success
        } catch {
            io.standardError("agendac: \(error.description)\n")
            return ExitCode.findings
        }
    }
}

import AgendaArchive
import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac archive list` (every meeting) and `agendac archive status [MEETING-ID]`
/// (one meeting in full, or the minutes still awaiting approval).
enum ArchiveStatusCommand {
    static func run(_ arguments: [String], io: CommandIO, listing: Bool) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["--archive"], switches: [])
        guard reader.positional.count <= (listing ? 0 : 1) else {
            throw UsageError(listing ? "archive list takes no arguments" : "archive status takes at most one meeting id")
        }
        let store = try ArchiveCommand.open(try ArchiveCommand.location(reader.value("--archive"), near: io.currentDirectory, io: io))
        if let idText = reader.positional.first {
            guard let id = MeetingID(path: idText) else {
                throw UsageError("\(idText) is not a meeting id; write committee-slug/date, as `agendac archive list` shows it")
            }
            return meeting(id, in: store, io: io)
        }
        let shown = listing ? store.entries : store.entries.filter { $0.stage == .minutes }
        var out = ""
        for entry in shown { out += line(entry) + "\n" }
        let awaiting = store.entries.filter { $0.stage == .minutes }.count
        out += "\(store.entries.count) meeting\(store.entries.count == 1 ? "" : "s"), \(awaiting) awaiting approval\n"
        io.standardOutput(out)
        return ExitCode.success
    }

    static func line(_ entry: CatalogEntry) -> String {
        var text = "\(entry.id)  \(entry.stage.rawValue)  \(entry.version)  \(entry.committee)"
        if entry.stage == .minutes {
            text += "  missing: " + (entry.missingApprovers.isEmpty ? "one approval" : entry.missingApprovers.joined(separator: ", "))
        }
        return text
    }

    static func meeting(_ id: MeetingID, in store: ArchiveStore, io: CommandIO) -> Int32 {
        guard store.entry(id) != nil else {
            io.standardError("agendac: \(id): no such meeting in the archive; `agendac archive list` shows the meetings\n")
            return ExitCode.findings
        }
        let meeting: ArchivedMeeting
        do { meeting = try store.meeting(id) } catch {
            io.standardError("agendac: \(error.description)\n")
            return ExitCode.findings
        }
        var out = "\(meeting.id)  \(meeting.committee)  \(meeting.date.iso)\n"
        out += "stage: \(meeting.stage.rawValue)\n"
        for version in meeting.earlierVersions {
            out += "kept: \(version.name) (\(version.stage.rawValue), added \(version.addedAt), source \(version.sha256))\n"
        }
        let current = meeting.stage == .agenda ? "agenda" : "r\(meeting.revision)"
        out += "current: \(current), source \(meeting.files.first { $0.kind == .source }?.sha256 ?? "?")\n"
        if let revision = meeting.revisions.last, revision.number == meeting.revision {
            out += "revised: \(revision.at), because \(revision.reason)\n"
        }
        for approval in meeting.approvals { out += "approved by \(approval.name) at \(approval.at)\n" }
        if meeting.stage == .minutes {
            out += "missing: " + (meeting.missingApprovers.isEmpty ? "one approval" : meeting.missingApprovers.joined(separator: ", ")) + "\n"
        }
        io.standardOutput(out)
        return ExitCode.success
    }
}

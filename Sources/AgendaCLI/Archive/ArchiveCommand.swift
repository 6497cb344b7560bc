import AgendaArchive
import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac archive <subcommand>`: the minutes archive. Each subcommand is its
/// own file; this one finds the archive and dispatches.
enum ArchiveCommand {
    static let usage = """
        usage: agendac archive <subcommand> [--archive DIR] …

          add FILES… [--at TIME] [--style STYLE]
                                  file agendas and minutes that check clean (nothing is added when one has errors)
          revise FILE --reason TEXT [--at TIME] [--style STYLE]
                                  a new revision of approved minutes; the approved one is kept
          approve MEETING-ID --by NAME [--at TIME]
                                  record one approver's approval of the current minutes
          status [MEETING-ID]     a meeting's versions and approvals, or the minutes still awaiting approval
          list                    every meeting with its stage and who has still to approve
          verify                  recompute every hash and the ledger's chain; exit 1 when something changed
          search QUERY [--committee C] [--from DATE] [--to DATE] [--case NUMBER] [--decided] [--limit N] [--json]
                                  ranked full-text search over the public items, with the passage and its place
          case NUMBER [--json]    every treatment of a case across the archive, oldest first
          site DIR                the static public website (pages, case histories, in-browser search)
          export --to oparl DIR --base-url URL [--page-size N]
          export --to postgres DIR
                                  the public archive as OParl 1.1 files, or as what psql loads

        The archive is --archive DIR, else `archive` in the nearest agendac.json.
        TIME is ISO 8601 (2026-05-11T09:30:00Z); the default is now.
        MEETING-ID is committee-slug/date, as `archive list` shows it.

        """

    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        guard let subcommand = arguments.first else {
            io.standardError(usage)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        switch subcommand {
        case "add": return try ArchiveAddCommand.run(rest, io: io, revising: false)
        case "revise": return try ArchiveAddCommand.run(rest, io: io, revising: true)
        case "approve": return try ArchiveApproveCommand.run(rest, io: io)
        case "status": return try ArchiveStatusCommand.run(rest, io: io, listing: false)
        case "list": return try ArchiveStatusCommand.run(rest, io: io, listing: true)
        case "verify": return try ArchiveVerifyCommand.run(rest, io: io)
        case "export": return try ArchiveExportCommand.run(rest, io: io)
        case "search", "case", "site": return try runReader(subcommand, rest, io: io)
        case "help", "--help", "-h":
            io.standardOutput(usage)
            return ExitCode.success
        default:
            throw UsageError("unknown archive subcommand '\(subcommand)'; expected add, revise, approve, status, list, verify, search, case, site or export")
        }
    }

    /// The commands that read the archive's public snapshot: `--archive DIR`
    /// is taken out here, the rest goes to the command's own parser.
    static func runReader(_ subcommand: String, _ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        var rest: [String] = []
        var archiveOption: String?
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--archive" {
                guard index + 1 < arguments.count else { throw UsageError("--archive needs a folder") }
                archiveOption = arguments[index + 1]
                index += 2
            } else {
                rest.append(arguments[index])
                index += 1
            }
        }
        let root = try location(archiveOption, near: io.currentDirectory, io: io)
        // taken before anything is read: a change made while the index is brought up to date shows as a new stamp next time
        let stamp = subcommand == "search" ? ArchiveStamp.read(root) : nil
        let indexFolder = root.appendingPathComponent("index")
        if let stamp, ArchiveSearchIndex(folder: indexFolder).isCurrent(archiveStamp: stamp) {
            // nothing committed since the index was last synced: the catalog and the meetings stay unread
            return ArchiveSearchCommand.run(rest, indexFolder: indexFolder, io: io)
        }
        if let stamp, (try? ArchiveSearchIndex(folder: indexFolder).follow(archive: root, archiveStamp: stamp)) == true {
            // only commits since the last sync: the meetings the ledger's new records name were indexed
            return ArchiveSearchCommand.run(rest, indexFolder: indexFolder, io: io)
        }
        // also before the snapshot: a later search follows the ledger from here
        let ledger = stamp == nil ? nil : ArchiveStore.ledgerMark(at: root)
        let store = try open(root)
        let snapshot: ArchiveSnapshot
        do { snapshot = try store.snapshot() } catch {
            io.standardError("agendac: \(error.description)\n")
            return ExitCode.findings
        }
        switch subcommand {
        case "case":
            return ArchiveCaseCommand.run(rest, snapshot: snapshot, io: io)
        case "site":
            let root = store.root
            return ArchiveSiteCommand.run(rest, snapshot: snapshot, readFile: { file in
                guard ArchivePath.isSafe(file.path), let data = FileManager.default.contents(atPath: root.appendingPathComponent(file.path).path) else {
                    throw UsageError("the archive lacks \(file.path); run agendac archive verify")
                }
                return [UInt8](data)
            }, io: io)
        default:
            // the index follows the archive: only meetings added or changed since it was last brought up to date are indexed
            do { try ArchiveSearchIndex(folder: indexFolder).sync(with: snapshot, archiveStamp: stamp, ledger: ledger) } catch {
                io.standardError("agendac: \(error.description)\n")
                return ExitCode.findings
            }
            return ArchiveSearchCommand.run(rest, indexFolder: indexFolder, io: io)
        }
    }

    /// The archive folder: `--archive DIR`, else `archive` in the nearest agendac.json above `folder`.
    static func location(_ option: String?, near folder: URL, io: CommandIO) throws(UsageError) -> URL {
        if let option {
            guard !option.isEmpty else { throw UsageError("--archive needs a folder") }
            return io.resolve(option).standardizedFileURL
        }
        if let settingsURL = WorkspaceSettings.find(from: folder) {
            switch WorkspaceSettings.load(settingsURL) {
            case .success(let settings):
                if let archive = settings.archiveURL { return archive.standardizedFileURL }
            case .failure(let problem):
                throw UsageError("\(InputFiles.displayPath(settingsURL, io: io)) \(problem.reason); fix it or give --archive DIR")
            }
        }
        throw UsageError("no archive named: give --archive DIR, or set \"archive\" in agendac.json")
    }

    /// Opens the archive at `url` for a command that only reads or changes an existing one.
    static func open(_ url: URL) throws(UsageError) -> ArchiveStore {
        do {
            return try ArchiveStore.open(at: url)
        } catch {
            throw UsageError(error.description)
        }
    }

    /// `--at TIME`, checked; the current time (UTC, seconds) when not given.
    static func time(_ option: String?) throws(UsageError) -> String {
        guard let option else { return Date.ISO8601FormatStyle().format(Date()) }
        // accepted exactly when the archive's products can read it back
        guard OParlTime.seconds(ofInstant: option) != nil else {
            throw UsageError("--at \(option) is not an ISO 8601 time; write it as 2026-05-11T09:30:00Z or 2026-05-11T11:30:00+02:00")
        }
        return option
    }
}

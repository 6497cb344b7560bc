import AgendaArchive
import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac archive export --to oparl DIR --base-url URL [--page-size N]` and
/// `agendac archive export --to postgres DIR`: the archive's public models and
/// files, written beside DIR and put in its place whole (only an empty folder
/// or an earlier export of the same kind is replaced).
enum ArchiveExportCommand {
    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["--archive", "--to", "--base-url", "--page-size"], switches: [])
        guard reader.positional.count == 1, let written = reader.positional.first, !written.isEmpty else {
            throw UsageError("archive export takes one folder: agendac archive export --to oparl|postgres DIR")
        }
        let format = reader.value("--to")
        guard format == "oparl" || format == "postgres" else {
            throw UsageError(format == nil ? "archive export needs --to oparl or --to postgres"
                             : "archive export --to \(format ?? "") is not a format; use oparl or postgres")
        }
        var options: OParlExport.Options?
        if format == "oparl" {
            guard let text = reader.value("--base-url") else {
                throw UsageError("--to oparl needs --base-url URL: where a web server will serve the folder (https://…)")
            }
            guard let base = OParlBaseURL(text) else {
                throw UsageError("--base-url \(text) is not an http or https URL without query or fragment")
            }
            var pageSize = 100
            if let size = reader.value("--page-size") {
                guard let value = Int(size), value >= 1, value <= 10_000 else {
                    throw UsageError("--page-size \(size) is not a number from 1 to 10000")
                }
                pageSize = value
            }
            options = OParlExport.Options(baseURL: base, pageSize: pageSize)
        } else if reader.value("--base-url") != nil || reader.value("--page-size") != nil {
            throw UsageError("--base-url and --page-size are for --to oparl")
        }
        let location = try ArchiveCommand.location(reader.value("--archive"), near: io.currentDirectory, io: io)
        let store = try ArchiveCommand.open(location)
        let target = io.resolve(written).standardizedFileURL
        if target.path == store.root.standardizedFileURL.path || target.path.hasPrefix(store.root.standardizedFileURL.path + "/") {
            throw UsageError("write the export outside the archive folder \(store.root.path)")
        }
        let snapshot: ArchiveSnapshot
        do {
            snapshot = try store.snapshot()
        } catch {
            io.standardError("agendac: \(error.description)\n")
            return ExitCode.findings
        }
        let folder: ExportFolder
        do {
            folder = try ExportFolder(target: target, kind: format ?? "")
        } catch {
            throw UsageError(error.description)
        }
        do {
            if let options {
                var sink = folder
                let summary = try OParlExport.write(snapshot, options: options, files: ArchiveFolderFiles(root: store.root), to: &sink)
                try sink.commit()
                io.standardOutput("wrote \(summary.objectFiles) OParl files for \(summary.meetings) meeting\(summary.meetings == 1 ? "" : "s"), \(summary.agendaItems) items, \(summary.papers) cases and \(summary.files) public files to \(InputFiles.displayPath(target, io: io)); serve it at \(options.baseURL.text)/ (the endpoint is \(options.baseURL.url("system.json")))\n")
            } else {
                let (sink, summary) = try PostgresExport.write(snapshot, to: folder)
                try sink.commit()
                io.standardOutput("wrote the PostgreSQL export of \(summary.meetings) meeting\(summary.meetings == 1 ? "" : "s"), \(summary.items) items and \(summary.cases) cases to \(InputFiles.displayPath(target, io: io)); load it with: psql -d DATABASE -f \(InputFiles.displayPath(target.appendingPathComponent("load.sql"), io: io))\n")
            }
        } catch {
            folder.discard()
            io.standardError("agendac: \(error.description)\n")
            return error.isArchiveProblem ? ExitCode.findings : ExitCode.usage
        }
        return ExitCode.success
    }
}

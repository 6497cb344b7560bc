import AgendaArchive
import AgendaBase
import AgendaRender
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac archive add FILE…` and `agendac archive revise FILE --reason TEXT`.
/// Every file is checked first; when any has errors they are reported as
/// `check` reports them and nothing is added (exit 1).
enum ArchiveAddCommand {
    static func run(_ arguments: [String], io: CommandIO, revising: Bool) throws(UsageError) -> Int32 {
        let valued: Set<String> = revising ? ["--archive", "--at", "--style", "--reason"] : ["--archive", "--at", "--style"]
        let reader = try ArgumentReader(arguments, valued: valued, switches: [])
        let name = revising ? "revise" : "add"
        guard !reader.positional.isEmpty else { throw UsageError("archive \(name) needs \(revising ? "a file" : "files"): agendac archive \(name) FILE\(revising ? " --reason TEXT" : "…")") }
        if revising, reader.positional.count != 1 { throw UsageError("archive revise takes one file at a time") }
        let reason = reader.value("--reason")
        if revising, (reason ?? "").trimmedSpaces.isEmpty { throw UsageError("archive revise needs --reason TEXT: why the approved minutes are changed") }
        let time = try ArchiveCommand.time(reader.value("--at"))

        var prepared: [(path: String, document: ArchiveDocument)] = []
        var failed = false
        for path in reader.positional {
            guard !path.isEmpty else { throw UsageError("an empty path names no file") }
            let url = io.resolve(path).standardizedFileURL
            guard let isFolder = FileKind.isFolder(url.path) else { throw UsageError("\(path): no such file") }
            guard !isFolder else { throw UsageError("\(path) is a folder; archive \(name) takes .agenda files") }
            let analyzed: AnalyzedDocument, settingsProblems: [Diagnostic]
            do {
                (analyzed, settingsProblems) = try InputFiles.analyze(url, io: io)
            } catch {
                throw UsageError(error.message)
            }
            let shown = InputFiles.displayPath(url, io: io)
            let problems = settingsProblems + analyzed.diagnostics
            if problems.contains(where: { $0.severity == .error || $0.severity == .warning }) {
                io.standardError(CompileCommand.findingsReport(problems, in: analyzed, path: shown))
            }
            let errors = problems.filter { $0.severity == .error }.count
            if errors > 0 {
                io.standardError("agendac: \(shown) has \(errors) error\(errors == 1 ? "" : "s"); only documents that check clean are archived\n")
                failed = true
                continue
            }
            let style: HouseStyle
            switch try StyleLoading.forAgenda(url, override: reader.value("--style"), settings: StyleCommand.nearestSettings(url.deletingLastPathComponent()), io: io) {
            case .success(let found): style = found
            case .failure(let report):
                io.standardError(report.text)
                failed = true
                continue
            }
            let members = analyzed.meeting.committee.flatMap { StyleCommand.nearestSettings(url.deletingLastPathComponent())?.committee(named: $0.value) }?.members.map(\.name) ?? []
            prepared.append((shown, ArchiveDocument(source: analyzed.source.bytes, file: url, meeting: analyzed.meeting, style: style, committeeMembers: members)))
        }
        if failed {
            io.standardError("agendac: nothing was added to the archive\n")
            return ExitCode.findings
        }

        let firstFolder = prepared.first?.document.file.deletingLastPathComponent() ?? io.currentDirectory
        let archiveURL = try ArchiveCommand.location(reader.value("--archive"), near: firstFolder, io: io)
        var store: ArchiveStore
        do {
            let settings = StyleCommand.nearestSettings(firstFolder)
            store = try ArchiveStore.openOrCreate(at: archiveURL, municipality: settings?.municipality)
        } catch {
            throw UsageError(error.description)
        }
        var code = ExitCode.success
        for (path, document) in prepared {
            do {
                let change = revising
                    ? try store.revise(document, reason: reason ?? "", at: time)
                    : try store.add(document, at: time)
                var line = "\(path): \(change.summary)"
                if change.stage == .minutes, !change.missingApprovers.isEmpty {
                    line += "; awaiting approval by \(change.missingApprovers.joined(separator: ", "))"
                }
                io.standardOutput(line + "\n")
            } catch {
                io.standardError("agendac: \(path): \(error.description)\n")
                code = ExitCode.findings
            }
        }
        return code
    }
}

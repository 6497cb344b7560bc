import AgendaBase
import AgendaRender
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac compile FILE --to json|text|markdown|html|pdf [-o OUT] [--public] [--force] [--style STYLE]`.
/// A document with errors is not compiled: the findings go to standard error
/// in `check`'s text style and the exit code is 1, so a build notices and no
/// stale or wrong output is left behind. Warnings are reported and do not stop
/// it. `--force` writes a draft despite errors (still exit 1), but never a
/// public version: that is only ever made from a document without errors.
/// The house style is `--style STYLE`, else `agendac-stil.json` beside or above
/// the agenda; a style with errors stops the compile (exit 1, nothing written).
enum CompileCommand {
    /// A compiled file is made again from its source, so it is not synced to disk (the source `fmt` writes is).
    static let outputDurability = AtomicFile.Durability.regenerable
    static let synopsis = "agendac compile FILE --to json|text|markdown|html|pdf [-o OUT] [--public] [--force] [--style STYLE]"

    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["--to", "-o", "--output", "--style"], switches: ["--public", "--force"])
        guard reader.positional.count == 1, let path = reader.positional.first else {
            let given = reader.positional.isEmpty ? "no file" : "\(reader.positional.count) files"
            throw UsageError("compile needs exactly one file, got \(given): \(synopsis)")
        }
        guard let formatName = reader.value("--to") else {
            throw UsageError("compile needs --to json, text, markdown, html or pdf: \(synopsis)")
        }
        // PDF is bytes, not text: it has its own renderer
        let pdf = formatName == "pdf"
        let format = OutputFormat(rawValue: formatName)
        guard pdf || format != nil else {
            throw UsageError("--to must be json, text, markdown, html or pdf, not '\(formatName)'")
        }
        let publicVersion = reader.has("--public")
        let force = reader.has("--force")
        if publicVersion && force {
            throw UsageError("--public and --force cannot be combined: a public version is only made from a document without errors; fix the errors (`agendac check \(path)`) and compile again without --force")
        }
        let outputPath = reader.value("-o") ?? reader.value("--output")
        if outputPath?.isEmpty == true { throw UsageError("-o needs a file name") }

        guard !path.isEmpty else { throw UsageError("compile needs a file name, not an empty one: \(synopsis)") }
        let url = io.resolve(path)
        guard let isFolder = FileKind.isFolder(url.path) else { throw UsageError("\(path): no such file") }
        guard !isFolder else { throw UsageError("\(path) is a folder; compile takes one .agenda file") }
        if let outputPath, AtomicFile.isSameFile(url, io.resolve(outputPath)) {
            throw UsageError("-o \(outputPath) is the input file itself; writing there would destroy the source")
        }

        let document: AnalyzedDocument, settingsProblems: [Diagnostic]
        do {
            (document, settingsProblems) = try InputFiles.analyze(url, io: io)
        } catch {
            throw UsageError(error.message)
        }
        let problems = settingsProblems + document.diagnostics
        let displayPath = InputFiles.displayPath(url, io: io)
        let errorCount = problems.filter { $0.severity == .error }.count
        let reportsFindings = problems.contains { $0.severity == .error || $0.severity == .warning }
        if reportsFindings { io.standardError(findingsReport(problems, in: document, path: displayPath)) }
        if errorCount > 0 && !force {
            let plural = errorCount == 1 ? "error" : "errors"
            let advice = publicVersion
                ? "a public version is only made from a document without errors"
                : "fix the \(plural), or add --force to write a draft anyway"
            io.standardError("agendac: \(displayPath) has \(errorCount) \(plural); nothing written (\(advice))\n")
            return ExitCode.findings
        }

        let style: HouseStyle
        switch try StyleLoading.forAgenda(url, override: reader.value("--style"), settings: StyleCommand.nearestSettings(url.deletingLastPathComponent()), io: io) {
        case .success(let found): style = found
        case .failure(let report):
            io.standardError(report.text)
            return ExitCode.findings
        }

        // attachment files are relative to the agenda; links must be relative to where the page is written
        let links = outputPath.map { AttachmentLinks(agenda: url, output: io.resolve($0)) } ?? AttachmentLinks()
        let options = RenderOptions(publicVersion: publicVersion, attachmentLinks: links, style: style)
        guard let format else {
            let bytes: [UInt8]
            do {
                bytes = try PDFRenderer.render(document.meeting, options: options)
            } catch {
                io.standardError("agendac: the PDF could not be written: \(error); nothing written\n")
                return ExitCode.usage
            }
            if let outputPath {
                do {
                    try AtomicFile.write(bytes, to: io.resolve(outputPath), durability: Self.outputDurability)
                } catch {
                    throw UsageError(error.description)
                }
            } else {
                io.standardOutputBytes(bytes)
            }
            return errorCount > 0 ? ExitCode.findings : ExitCode.success
        }
        let output = AgendaRenderer.render(document.meeting, as: format, options: options)
        if let outputPath {
            do {
                try AtomicFile.write(output, to: io.resolve(outputPath), durability: Self.outputDurability)
            } catch {
                throw UsageError(error.description)
            }
        } else {
            io.standardOutput(output)
        }
        return errorCount > 0 ? ExitCode.findings : ExitCode.success
    }

    /// The errors and warnings as `check` prints them (`file:line:col: severity CODE: message`);
    /// information is left to `check`, so the build log shows what needs fixing.
    static func findingsReport(_ diagnostics: [Diagnostic], in document: AnalyzedDocument, path: String) -> String {
        let findings = diagnostics.filter { $0.severity == .error || $0.severity == .warning }.map { diagnostic in
            CheckCommand.Finding(file: path, diagnostic: diagnostic, in: document.source)
        }
        return CheckCommand.text(findings, fileCount: 1)
    }
}

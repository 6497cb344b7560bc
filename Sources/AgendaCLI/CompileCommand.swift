import AgendaBase
import AgendaRender
import AgendaSemantics
import Foundation

/// `agendac compile FILE --to json|text|markdown|html [-o OUT] [--public]`.
/// Always compiles; when the checker finds errors they go to standard error in
/// `check`'s text style and the exit code is 1, so a build notices.
enum CompileCommand {
    static let synopsis = "agendac compile FILE --to json|text|markdown|html [-o OUT] [--public]"

    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["--to", "-o", "--output"], switches: ["--public"])
        guard reader.positional.count == 1, let path = reader.positional.first else {
            let given = reader.positional.isEmpty ? "no file" : "\(reader.positional.count) files"
            throw UsageError("compile needs exactly one file, got \(given): \(synopsis)")
        }
        guard let formatName = reader.value("--to") else {
            throw UsageError("compile needs --to json, text, markdown or html: \(synopsis)")
        }
        guard let format = OutputFormat(rawValue: formatName) else {
            throw UsageError("--to must be json, text, markdown or html, not '\(formatName)'")
        }
        let outputPath = reader.value("-o") ?? reader.value("--output")
        if outputPath?.isEmpty == true { throw UsageError("-o needs a file name") }

        let url = io.resolve(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { throw UsageError("\(path): no such file") }
        guard !isFolder.boolValue else { throw UsageError("\(path) is a folder; compile takes one .agenda file") }

        let (document, settingsProblems) = try InputFiles.analyze(url)
        // attachment files are relative to the agenda; links must be relative to where the page is written
        let links = outputPath.map { AttachmentLinks(agenda: url, output: io.resolve($0)) } ?? AttachmentLinks()
        let output = AgendaRenderer.render(document.meeting, as: format,
                                           options: RenderOptions(publicVersion: reader.has("--public"), attachmentLinks: links))
        if let outputPath {
            do {
                try AtomicFile.write(output, to: io.resolve(outputPath))
            } catch {
                throw UsageError(error.description)
            }
        } else {
            io.standardOutput(output)
        }

        let problems = settingsProblems + document.diagnostics
        guard problems.contains(where: { $0.severity == .error }) else { return ExitCode.success }
        io.standardError(findingsReport(problems, in: document, path: InputFiles.displayPath(url, io: io)))
        return ExitCode.findings
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

import AgendaArchive
import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac check FILES-OR-FOLDERS… [--format text|json|github|sarif] [--archive DIR]`: linting for CI.
/// With an archive (`--archive DIR`, or `archive` in the files' agendac.json), `sagens gang:`
/// lines are also read against it (AG705–AG707).
/// Exit 0 without errors, 1 with errors, 2 when the command line or a file cannot be used
/// (every other file is still checked and reported).
enum CheckCommand {
    enum OutputFormat: String, CaseIterable { case text, json, github, sarif }

    /// One finding located for people (columns in Unicode scalars) and for SARIF (columns in UTF-16 code units).
    struct Finding {
        var file: String
        var start: LineColumn
        var end: LineColumn
        var utf16Start: LineColumn
        var utf16End: LineColumn
        var diagnostic: Diagnostic

        init(file: String, diagnostic: Diagnostic, in source: SourceText) {
            self.file = file
            self.diagnostic = diagnostic
            start = source.position(of: diagnostic.range.lowerBound, unit: .unicodeScalars)
            end = source.position(of: diagnostic.range.upperBound, unit: .unicodeScalars)
            utf16Start = source.position(of: diagnostic.range.lowerBound, unit: .utf16)
            utf16End = source.position(of: diagnostic.range.upperBound, unit: .utf16)
        }
    }

    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["--format", "--archive"], switches: [])
        let formatName = reader.value("--format") ?? "text"
        guard let format = OutputFormat(rawValue: formatName) else {
            throw UsageError("--format must be text, json, github or sarif, not '\(formatName)'")
        }
        guard !reader.positional.isEmpty else { throw UsageError("check needs files or folders: agendac check samples/") }
        let expansion = try InputFiles.expand(reader.positional, io: io)
        var archives = try CheckArchives(option: reader.value("--archive"), io: io)
        var unreadable = expansion.unreadable
        let files = expansion.files
        var findings: [Finding] = []
        for file in files {
            let analyzed: InputFiles.Analyzed
            do {
                analyzed = try InputFiles.analyzeInContext(file, io: io)
            } catch {
                unreadable.append(error)
                continue
            }
            let document = analyzed.document
            let path = InputFiles.displayPath(file, io: io)
            let archived = archives.findings(for: document, settings: analyzed.context.settings, io: io)
            for diagnostic in ArchiveHistoryCheck.merged(analyzed.settingsProblems + document.diagnostics, archived) {
                findings.append(Finding(file: path, diagnostic: diagnostic, in: document.source))
            }
        }
        switch format {
        case .text: io.standardOutput(text(findings, fileCount: files.count))
        case .json: io.standardOutput(json(findings).prettyPrinted())
        case .github: io.standardOutput(github(findings))
        case .sarif: io.standardOutput(SARIFReport.log(findings).prettyPrinted())
        }
        InputFiles.report(unreadable, io: io)
        // a file that could not be checked is an I/O error: no clean bill of health for it
        if !unreadable.isEmpty { return ExitCode.usage }
        return findings.contains { $0.diagnostic.severity == .error } ? ExitCode.findings : ExitCode.success
    }

    static func text(_ findings: [Finding], fileCount: Int) -> String {
        var out = ""
        for finding in findings { out += line(finding) }
        let errors = findings.filter { $0.diagnostic.severity == .error }.count
        let warnings = findings.filter { $0.diagnostic.severity == .warning }.count
        out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(fileCount) file\(fileCount == 1 ? "" : "s")\n"
        return out
    }

    /// `file:line:column: severity CODE: message`, as compilers print a finding.
    static func line(_ finding: Finding) -> String {
        let diagnostic = finding.diagnostic
        return "\(finding.file):\(finding.start.line + 1):\(finding.start.column + 1): \(diagnostic.severity.rawValue) \(diagnostic.code): \(diagnostic.message)\n"
    }

    static func json(_ findings: [Finding]) -> JSON {
        .array(findings.map { finding in
            .object([
                ("file", .string(finding.file)),
                ("line", .int(finding.start.line + 1)),
                ("column", .int(finding.start.column + 1)),
                ("endLine", .int(finding.end.line + 1)),
                ("endColumn", .int(finding.end.column + 1)),
                ("severity", .string(finding.diagnostic.severity.rawValue)),
                ("code", .string(finding.diagnostic.code)),
                ("message", .string(finding.diagnostic.message)),
            ])
        })
    }

    /// GitHub workflow commands; `%`, CR and LF are escaped as the runner requires.
    static func github(_ findings: [Finding]) -> String {
        func escape(_ text: String, property: Bool) -> String {
            var result = text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
            if property { result = result.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
            return result
        }
        return findings.map { finding in
            let level = switch finding.diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            default: "notice"
            }
            return "::\(level) file=\(escape(finding.file, property: true)),line=\(finding.start.line + 1),col=\(finding.start.column + 1),endLine=\(finding.end.line + 1),endColumn=\(finding.end.column + 1),title=\(finding.diagnostic.code)::\(escape(finding.diagnostic.message, property: false))\n"
        }.joined()
    }
}

import AgendaBase
import AgendaImport
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac import FILE… [-o OUT] [--into-archive [--archive DIR]] [--style-out FILE]`: existing agendas and minutes (text,
/// Markdown-flavoured text, PDF) written in the language, and with `--style-out` the house style
/// they were printed in (`StyleInference`). One file goes to OUT,
/// or beside it with `.agenda`; several go into the folder OUT, or each beside
/// its original. Prints each file's short report. Exit 2 when a file could not
/// be read or written (the others are still done), 0 otherwise: what could not
/// be placed is in the report, and kept in the file. `--into-archive` then
/// files the imported documents as `agendac archive add` does.
enum ImportCommand {
    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["-o", "--output", "--archive", "--style-out"], switches: ["--into-archive"])
        if reader.value("--archive") != nil, !reader.has("--into-archive") {
            throw UsageError("--archive DIR names the archive for --into-archive; add --into-archive")
        }
        let files = reader.positional
        guard !files.isEmpty else { throw UsageError("import needs files: agendac import referat.txt [-o referat.agenda]") }
        let output = reader.value("-o") ?? reader.value("--output")
        let outputFolder: URL? = files.count > 1 ? output.map { io.resolve($0) } : nil
        if let outputFolder {
            do {
                try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
            } catch {
                throw UsageError("-o \(output ?? ""): cannot make the folder: \(ErrorText.describing(error))")
            }
        }
        let styleOut = reader.value("--style-out").map { io.resolve($0) }
        var styleLines: [ImportLine] = []
        var failed = false
        var written: [String] = []
        // case-number forms the checker reads only from settings, by the folder the imports went to
        var caseNumberForms: [(folder: URL, forms: [String])] = []
        for path in files {
            let input = io.resolve(path)
            let target: URL
            if files.count == 1, let output {
                target = io.resolve(output)
            } else if let outputFolder {
                target = outputFolder.appendingPathComponent(input.deletingPathExtension().lastPathComponent + ".agenda")
            } else {
                target = input.deletingPathExtension().appendingPathExtension("agenda")
            }
            if target.standardizedFileURL.path == input.standardizedFileURL.path {
                io.standardError("agendac: \(path): the output would overwrite the original; give -o\n")
                failed = true
                continue
            }
            do {
                let lines = try readLines(input)
                if styleOut != nil { styleLines += lines }
                let folder = target.deletingLastPathComponent()
                let patterns = StyleCommand.nearestSettings(folder)?.caseNumberPatterns ?? []
                let result = DocumentImporter.importDocument(lines, fileName: input.lastPathComponent, caseNumberPatterns: patterns)
                try AtomicFile.write(result.source, to: target)
                if !result.report.caseNumberForms.isEmpty {
                    if let index = caseNumberForms.firstIndex(where: { $0.folder.path == folder.path }) {
                        caseNumberForms[index].forms += result.report.caseNumberForms
                    } else {
                        caseNumberForms.append((folder, result.report.caseNumberForms))
                    }
                }
                written.append(target.path)
                io.standardOutput(replacingPrefix("\(input.lastPathComponent):", of: result.report.text,
                                                  with: "\(path) → \(output.map { _ in target.path } ?? target.lastPathComponent):"))
            } catch {
                io.standardError("agendac: \(path): \(error)\n")
                failed = true
            }
        }
        for (folder, forms) in caseNumberForms where !settingCaseNumberForms(CaseNumberForm.merged(forms), in: folder, io: io) {
            failed = true
        }
        // what the checker says of each imported document, apart from the import's own findings
        for target in written { io.standardOutput(checkReport(URL(fileURLWithPath: target), io: io)) }
        if let styleOut, !styleLines.isEmpty {
            do {
                try AtomicFile.write(StyleInference.infer(from: styleLines), to: styleOut)
                io.standardOutput("house style as printed → \(styleOut.path) (compile with --style \(styleOut.lastPathComponent), or name it agendac-stil.json beside the agendas)\n")
            } catch {
                io.standardError("agendac: --style-out \(styleOut.path): \(error)\n")
                failed = true
            }
        }
        if reader.has("--into-archive") {
            if failed {
                io.standardError("agendac: nothing was added to the archive, since not every file could be imported\n")
                return ExitCode.usage
            }
            // the same path as `agendac archive add`: files that check clean are filed, else nothing is
            let archive = reader.value("--archive").map { ["--archive", $0] } ?? []
            return try ArchiveAddCommand.run(written + archive, io: io, revising: false)
        }
        return failed ? ExitCode.usage : ExitCode.success
    }

    /// Case numbers in a form the checker reads only when the settings name it
    /// (`2024-012345`): without an `agendac.json` over `folder`, one is written
    /// there naming the forms (with the checker's own, which the list replaces);
    /// an existing one is never changed: the line to add is printed instead.
    /// False when the settings could not be written.
    static func settingCaseNumberForms(_ forms: [String], in folder: URL, io: CommandIO) -> Bool {
        let quoted = forms.map { "\"\($0)\"" }.joined(separator: ", ")
        if let existing = WorkspaceSettings.find(from: folder) {
            io.standardOutput("case numbers written \(quoted): add \(forms.count == 1 ? "it" : "them") to `caseNumberPatterns` in \(existing.path) so that `agendac check` reads them\n")
            return true
        }
        let settings = folder.appendingPathComponent(WorkspaceSettings.fileName)
        do {
            try AtomicFile.write(CaseNumberForm.settingsJSON(forms), to: settings)
            io.standardOutput("case numbers written \(quoted) → \(InputFiles.displayPath(settings, io: io)) (`caseNumberPatterns`, so that `agendac check` reads them)\n")
            return true
        } catch {
            io.standardError("agendac: \(settings.path): \(error)\n")
            return false
        }
    }

    /// The checker's errors and warnings on an imported document, under the
    /// settings it will be checked with: what the original says (a closed item
    /// whose decision it printed, an absentee it never listed as a member) or
    /// worth a look, listed apart from what the import could not place.
    static func checkReport(_ target: URL, io: CommandIO) -> String {
        guard let analyzed = try? InputFiles.analyzeInContext(target, io: io) else { return "" }
        let path = InputFiles.displayPath(target, io: io)
        let findings = (analyzed.settingsProblems + analyzed.document.diagnostics)
            .filter { $0.severity == .error || $0.severity == .warning }
            .map { CheckCommand.Finding(file: path, diagnostic: $0, in: analyzed.document.source) }
        guard !findings.isEmpty else { return "\(path): checks clean\n" }
        let errors = findings.filter { $0.diagnostic.severity == .error }.count
        var out = "\(path): the checker's findings (\(errors) error\(errors == 1 ? "" : "s"), \(findings.count - errors) warning\(findings.count - errors == 1 ? "" : "s")): what the original says, or worth a look; not import problems\n"
        for finding in findings { out += "  " + CheckCommand.line(finding) }
        return out
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "cannot be read (no such file, or no permission)" }
    }

    struct NotText: Error, CustomStringConvertible {
        var description: String { "is not UTF-8 text; import text (.txt, .md) or a PDF" }
    }

    /// A PDF through the PDF reader, anything else as text.
    static func readLines(_ url: URL) throws -> [ImportLine] {
        if url.pathExtension.lowercased() == "pdf" { return try ImportPDFHook.lines(ofPDFAt: url) }
        guard let bytes = FileBytes.contents(ofFile: url.path) else { throw Unreadable() }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw NotText() }
        return ImportLine.lines(ofText: text)
    }

    /// `text` with `prefix` replaced where it starts it, again while the rest
    /// starts with it (`replacingOccurrences` with `.anchored`).
    static func replacingPrefix(_ prefix: String, of text: String, with replacement: String) -> String {
        guard !prefix.isEmpty else { return text }
        var result = ""
        var rest = Substring(text)
        while rest.hasPrefix(prefix) {
            result += replacement
            rest = rest.dropFirst(prefix.count)
        }
        return result + rest
    }
}

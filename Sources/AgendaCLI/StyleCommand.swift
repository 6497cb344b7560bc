import AgendaBase
import AgendaRender
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac style --print [FILE]` shows the effective house style (the built-in
/// one with the municipality's file over it), for a secretary to start from;
/// `agendac style --schema` prints the JSON Schema published as docs/style.schema.json.
enum StyleCommand {
    static let synopsis = "agendac style --print [STYLE-FILE] | agendac style --schema"

    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: [], switches: ["--print", "--schema"])
        if reader.has("--schema") {
            guard reader.positional.isEmpty, !reader.has("--print") else { throw UsageError("--schema takes nothing else: \(synopsis)") }
            io.standardOutput(StyleSchema.document().prettyPrinted() + "\n")
            return ExitCode.success
        }
        guard reader.has("--print"), reader.positional.count <= 1 else { throw UsageError("style needs --print or --schema: \(synopsis)") }
        let styleURL = reader.positional.first.map(io.resolve) ?? StyleFile.find(from: io.currentDirectory, settings: nearestSettings(io.currentDirectory))
        switch try StyleLoading.load(styleURL, io: io) {
        case .success(let style):
            io.standardOutput(StyleFile.effectiveJSON(style).prettyPrinted() + "\n")
            return ExitCode.success
        case .failure(let report):
            io.standardError(report.text)
            return ExitCode.findings
        }
    }

    static func nearestSettings(_ folder: URL) -> WorkspaceSettings? {
        guard let url = WorkspaceSettings.find(from: folder), case .success(let settings) = WorkspaceSettings.load(url) else { return nil }
        return settings
    }
}

/// Reading the house style for the commands, its findings in `check`'s text style.
enum StyleLoading {
    struct Report: Error {
        var text: String
    }

    /// The standard style when there is no file; the file's style, or its findings, when there is.
    static func load(_ url: URL?, io: CommandIO) throws(UsageError) -> Result<HouseStyle, Report> {
        guard let url else { return .success(.standard) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UsageError("\(InputFiles.displayPath(url, io: io)): the style file cannot be read")
        }
        let bytes = Array(data)
        let (style, diagnostics) = StyleFile.read(bytes, folder: url.deletingLastPathComponent(), files: StyleFile.readFromDisk)
        if let style, diagnostics.isEmpty { return .success(style) }
        let path = InputFiles.displayPath(url, io: io)
        let source = SourceText(bytes: bytes)
        let findings = diagnostics.map { CheckCommand.Finding(file: path, diagnostic: $0, in: source) }
        return .failure(Report(text: CheckCommand.text(findings, fileCount: 1)
            + "agendac: \(path) is not a usable house style; nothing written\n"))
    }

    /// The style for compiling an agenda: `--style FILE`, else the one found beside the agenda.
    static func forAgenda(_ agenda: URL, override: String?, settings: WorkspaceSettings?, io: CommandIO) throws(UsageError) -> Result<HouseStyle, Report> {
        if let override {
            let url = io.resolve(override)
            guard FileManager.default.fileExists(atPath: url.path) else { throw UsageError("--style \(override): no such file") }
            return try load(url, io: io)
        }
        return try load(StyleFile.find(from: agenda.deletingLastPathComponent(), settings: settings), io: io)
    }
}

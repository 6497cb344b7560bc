import AgendaBase
import AgendaFormat
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac fmt FILES-OR-FOLDERS… [--check]` and `agendac fmt -` (standard input to standard output).
/// Writes (atomically) only the files that change and lists them; with `--check`
/// writes nothing, lists the files that would change and exits 1 if any would.
/// Exit 2 on a usage error, or when a file cannot be read, written or formatted
/// (text that is not UTF-8 is never touched); the other files are still done.
enum FormatCommand {
    static let standardInputName = "<stdin>"

    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        try run(arguments, io: io, readStandardInput: { FileBytes.contents(ofDescriptor: STDIN_FILENO) ?? [] })
    }

    /// `readStandardInput` is a parameter so tests can feed `fmt -`.
    static func run(_ arguments: [String], io: CommandIO, readStandardInput: () -> [UInt8]) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: [], switches: ["--check"])
        let check = reader.has("--check")
        guard !reader.positional.isEmpty else {
            throw UsageError("fmt needs files or folders, or - for standard input: agendac fmt samples/")
        }
        if reader.positional.contains("-") {
            guard reader.positional.count == 1 else { throw UsageError("fmt - reads standard input and takes no files besides") }
            return formatStandardInput(readStandardInput(), check: check, io: io)
        }
        let expansion = try InputFiles.expand(reader.positional, io: io)
        let files = expansion.files
        InputFiles.report(expansion.unreadable, io: io)
        var changed = 0
        var failed = !expansion.unreadable.isEmpty
        for file in files {
            let path = InputFiles.displayPath(file, io: io)
            switch formatFile(file, write: !check, io: io) {
            case .unchanged: break
            case .changed:
                changed += 1
                io.standardOutput(path + "\n")
            case .failed(let reason):
                failed = true
                io.standardError("agendac: \(path): \(reason)\n")
            }
        }
        if check && changed > 0 {
            io.standardError("\(changed) of \(files.count) file\(files.count == 1 ? "" : "s") would be reformatted; run `agendac fmt` on \(changed == 1 ? "it" : "them")\n")
        }
        if failed { return ExitCode.usage }
        return check && changed > 0 ? ExitCode.findings : ExitCode.success
    }

    enum Outcome: Equatable {
        case unchanged, changed
        case failed(String)
    }

    static func formatFile(_ file: URL, write: Bool, io: CommandIO) -> Outcome {
        let source: SourceText
        do {
            source = try InputFiles.read(file, io: io)
        } catch {
            return .failed(error.reason)
        }
        guard AgendaFormat.Formatter.canFormat(source) else { return .failed(notTextReason) }
        let formatted = AgendaFormat.Formatter.formattedBytes(source)
        guard formatted != source.bytes else { return .unchanged }
        if write {
            do {
                try AtomicFile.write(formatted, to: file)
            } catch {
                return .failed(error.description)
            }
        }
        return .changed
    }

    static func formatStandardInput(_ bytes: [UInt8], check: Bool, io: CommandIO) -> Int32 {
        let source = SourceText(bytes: bytes)
        guard AgendaFormat.Formatter.canFormat(source) else {
            io.standardError("agendac: \(standardInputName): \(notTextReason)\n")
            return ExitCode.usage
        }
        let formatted = AgendaFormat.Formatter.format(source)
        guard check else {
            io.standardOutput(formatted)
            return ExitCode.success
        }
        guard !formatted.utf8.elementsEqual(bytes) else { return ExitCode.success }
        io.standardOutput(standardInputName + "\n")
        return ExitCode.findings
    }

    static let notTextReason = "not formatted: it holds bytes that are not UTF-8 text (AG100; see `agendac check`)"
}

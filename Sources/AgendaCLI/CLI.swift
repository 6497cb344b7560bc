import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Where a command reads and writes; tests pass closures, `main` the real streams.
public struct CommandIO: Sendable {
    public var standardOutput: @Sendable (String) -> Void
    /// Binary output (a PDF) on standard output.
    public var standardOutputBytes: @Sendable ([UInt8]) -> Void
    public var standardError: @Sendable (String) -> Void
    public var currentDirectory: URL
    /// The first failed write to standard output or error, if any (a full disk, a closed pipe).
    public var writeFailure: @Sendable () -> String?

    public init(standardOutput: @escaping @Sendable (String) -> Void, standardError: @escaping @Sendable (String) -> Void,
                currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                writeFailure: @escaping @Sendable () -> String? = { nil }, standardOutputBytes: (@Sendable ([UInt8]) -> Void)? = nil) {
        self.standardOutput = standardOutput
        // a captured stream (tests) takes bytes as text
        self.standardOutputBytes = standardOutputBytes ?? { standardOutput(String(decoding: $0, as: UTF8.self)) }
        self.standardError = standardError
        self.currentDirectory = currentDirectory
        self.writeFailure = writeFailure
    }

    /// The process's real streams. A failed write is remembered, later writes to
    /// that stream are skipped, and `CLI.run` ends with exit 2 instead of a crash.
    public static var process: CommandIO {
        let failures = StreamFailures()
        return CommandIO(standardOutput: { failures.write($0, to: STDOUT_FILENO, name: "standard output") },
                         standardError: { failures.write($0, to: STDERR_FILENO, name: "standard error") },
                         writeFailure: { failures.first },
                         standardOutputBytes: { failures.write($0, to: STDOUT_FILENO, name: "standard output") })
    }

    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
    }
}

/// Remembers which standard streams could not be written, and why.
final class StreamFailures: @unchecked Sendable {
    private let lock = Lock()
    private var failed: [Int32: String] = [:]
    private var order: [String] = []

    func write(_ text: String, to descriptor: Int32, name: String) {
        write(Array(text.utf8), to: descriptor, name: name)
    }

    func write(_ bytes: [UInt8], to descriptor: Int32, name: String) {
        guard lock.withLock({ failed[descriptor] == nil }) else { return }
        guard let reason = StandardStream.write(bytes, to: descriptor) else { return }
        lock.withLock {
            failed[descriptor] = reason
            order.append("cannot write to \(name): \(reason)")
        }
    }

    var first: String? { lock.withLock { order.first } }
}

/// A mistake in the command line itself: a short message and exit code 2.
public struct UsageError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Exit codes: 0 fine, 1 the input has errors, 2 the command line or a file could not be used.
public enum ExitCode {
    public static let success: Int32 = 0
    public static let findings: Int32 = 1
    public static let usage: Int32 = 2
}

/// The `agendac` command line: a thin layer that parses arguments and calls the libraries.
public enum CLI {
    public static let usage = """
        usage: agendac <command> [arguments]

        commands:
          compile FILE --to json|text|markdown|html|pdf [-o OUT] [--public] [--force] [--style STYLE]
                                     compile an agenda to another format; a document with
                                     errors is not written unless --force (never with --public);
                                     printed in the house style beside it (agendac-stil.json) or STYLE
          style --print [STYLE]      show the effective house style, to start a municipality's from
          style --schema             print the style file's JSON Schema
          check FILES-OR-FOLDERS… [--format text|json|github|sarif] [--archive DIR]
                                     report problems; exit 1 when there are errors; `sagens gang:`
                                     lines are read against the archive (--archive, or agendac.json's)
          fmt FILES-OR-FOLDERS… [--check]
                                     rewrite files in the canonical layout; --check only reports
          fmt -                      format standard input to standard output
          archive add FILES… [--archive DIR] [--at TIME] [--style STYLE]
                                     file agendas and minutes that check clean into the archive
          archive revise FILE --reason TEXT [--archive DIR] [--at TIME] [--style STYLE]
                                     a new revision of approved minutes; the approved one is kept
          archive approve MEETING-ID --by NAME [--archive DIR] [--at TIME]
                                     record one approver's approval of exactly the archived text
          archive status [MEETING-ID] [--archive DIR]
                                     one meeting's versions and approvals, or who has still to approve
          archive list [--archive DIR]
                                     every archived meeting, its stage and missing approvals
          archive verify [--archive DIR]
                                     recompute every hash and the ledger's chain; exit 1 when changed
          import FILES… [-o OUT] [--into-archive] [--archive DIR] [--style-out FILE]
                                     read existing minutes (text, Markdown, PDF) into the language:
                                     FILE.agenda beside each, or OUT (a folder for several); prints
                                     what was recognised and what could not be placed;
                                     --into-archive then files them as archive add does;
                                     --style-out writes the house style they were printed in
          lsp                        run the language server on standard input/output
          rules                      list every rule with its code and explanation
          help                       show this text
          --version                  show the version

        """

    public static func run(_ arguments: [String], io: CommandIO = .process) -> Int32 {
        guard let command = arguments.first else {
            io.standardError(usage)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        let code = run(command, rest, io: io)
        if let failure = io.writeFailure() {
            // an output that was cut short is an I/O error, whatever the command found
            io.standardError("agendac: \(failure)\n")
            return ExitCode.usage
        }
        return code
    }

    private static func run(_ command: String, _ rest: [String], io: CommandIO) -> Int32 {
        do {
            switch command {
            case "compile": return try CompileCommand.run(rest, io: io)
            case "check": return try CheckCommand.run(rest, io: io)
            case "fmt", "format": return try FormatCommand.run(rest, io: io)
            case "lsp": return try LanguageServerCommand.run(rest, io: io)
            case "rules": return RulesCommand.run(rest, io: io)
            case "style": return try StyleCommand.run(rest, io: io)
            case "archive": return try ArchiveCommand.run(rest, io: io)
            case "import": return try ImportCommand.run(rest, io: io)
            case "--version", "version":
                io.standardOutput("agendac \(AgendacVersion.current)\n")
                return ExitCode.success
            case "help", "--help", "-h":
                io.standardOutput(usage)
                return ExitCode.success
            default:
                io.standardError("agendac: unknown command '\(command)'; expected compile, check, fmt, archive, import, lsp or rules\n")
                return ExitCode.usage
            }
        } catch {
            io.standardError("agendac: \(error.message)\n")
            return ExitCode.usage
        }
    }
}

/// Reads `--flag`, `--option value` and positional arguments, refusing anything unknown.
struct ArgumentReader {
    private(set) var positional: [String] = []
    private var options: [String: String] = [:]
    private var flags: Set<String> = []

    /// `valued` are options that take a value (`--to`, `-o`), `switches` those that do not.
    init(_ arguments: [String], valued: Set<String>, switches: Set<String>) throws(UsageError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                positional += arguments[(index + 1)...]
                break
            }
            if argument.hasPrefix("-") && argument.count > 1 {
                var name = argument
                var inlineValue: String?
                if let equals = argument.firstIndex(of: "=") {
                    name = String(argument[..<equals])
                    inlineValue = String(argument[argument.index(after: equals)...])
                }
                if valued.contains(name) {
                    if let inlineValue {
                        options[name] = inlineValue
                    } else {
                        guard index + 1 < arguments.count else { throw UsageError("\(name) needs a value") }
                        options[name] = arguments[index + 1]
                        index += 1
                    }
                } else if switches.contains(name) {
                    flags.insert(name)
                } else {
                    let known = (valued.union(switches)).sorted().joined(separator: ", ")
                    throw UsageError("unknown option '\(name)'; expected \(known.isEmpty ? "no options" : known)")
                }
            } else {
                positional.append(argument)
            }
            index += 1
        }
    }

    func value(_ name: String) -> String? { options[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }
}

extension Error {
    var message: String {
        if let usage = self as? UsageError { return usage.message }
        return String(describing: self)
    }
}

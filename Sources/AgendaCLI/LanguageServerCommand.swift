import AgendaLSP
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac lsp`: the language server on standard input and output.
/// Exit 0 after `shutdown` and `exit`; 1 on `exit` without `shutdown` or when
/// the input ends first. Log lines go to standard error, never standard output.
enum LanguageServerCommand {
    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        // editors pass --stdio by habit; it is what we do anyway
        let reader = try ArgumentReader(arguments, valued: [], switches: ["--stdio"])
        guard reader.positional.isEmpty else { throw UsageError("lsp takes no arguments; it talks LSP on standard input and output") }
        let server = LanguageServer(input: STDIN_FILENO, output: STDOUT_FILENO,
                                    options: LanguageServer.Options(log: LanguageServer.Options.standardErrorLog))
        return server.run()
    }
}

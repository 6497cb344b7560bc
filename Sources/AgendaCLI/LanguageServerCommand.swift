/// `agendac lsp`. (Being written now; see the issue.)
enum LanguageServerCommand {
    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        throw UsageError("'lsp' is not available yet")
    }
}

/// `agendac compile`. (Being written now; see the issue.)
enum CompileCommand {
    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        throw UsageError("'compile' is not available yet")
    }
}

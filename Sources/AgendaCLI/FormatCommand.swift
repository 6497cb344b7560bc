/// `agendac fmt`. (Being written now; see the issue.)
enum FormatCommand {
    static func run(_ arguments: [String], io: CommandIO) throws(UsageError) -> Int32 {
        throw UsageError("'fmt' is not available yet")
    }
}

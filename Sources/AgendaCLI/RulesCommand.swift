import Foundation
import AgendaBase

/// `agendac rules`: the rule table, for people and for CI configuration.
enum RulesCommand {
    static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        var out = ""
        for rule in Rule.allCases {
            out += "\(rule.code)  \(rule.severity.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(rule.title)\n"
            out += "       \(rule.explanation)\n"
        }
        io.standardOutput(out)
        return ExitCode.success
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import AgendaBase

/// `agendac rules`: the rule table, for people and for CI configuration.
enum RulesCommand {
    static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        var out = ""
        for rule in Rule.allCases {
            out += "\(rule.code)  \(padded(rule.severity.rawValue, to: 11)) \(rule.title)\n"
            out += "       \(rule.explanation)\n"
        }
        io.standardOutput(out)
        return ExitCode.success
    }

    /// `text` cut or filled with spaces to `width` characters (`padding(toLength:withPad:startingAt:)`).
    static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }
}

import AgendaArchive
import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac archive search QUERY [--committee C] [--from D] [--to D] [--case N] [--decided] [--limit N] [--json]`:
/// reads only the archive's search index, never the meetings.
enum ArchiveSearchCommand {
    static let usage = "usage: agendac archive search QUERY [--committee C] [--from DATE] [--to DATE] [--case NUMBER] [--decided] [--limit N] [--json]"

    struct Options {
        var query: ArchiveSearchQuery
        var json = false
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var words: [String] = []
        var query = ArchiveSearchQuery("")
        var json = false
        var rest = arguments[...]
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = rest.popFirst(), !next.hasPrefix("--") else { throw UsageError("\(flag) needs a value\n\(usage)") }
            return next
        }
        func date(_ flag: String) throws(UsageError) -> CalendarDate {
            let text = try value(flag)
            guard case .date(let date) = CalendarDate.read(text) else {
                throw UsageError("\(flag) '\(text)' is not a date; write it as 2026-05-04")
            }
            return date
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--committee": query.committee = try value(argument)
            case "--case": query.caseNumber = try value(argument)
            case "--from": query.from = try date(argument)
            case "--to": query.to = try date(argument)
            case "--decided": query.decidedOnly = true
            case "--json": json = true
            case "--limit":
                let text = try value(argument)
                guard let limit = Int(text), limit > 0, limit <= 1_000 else { throw UsageError("--limit '\(text)' is not a number from 1 to 1000") }
                query.limit = limit
            default:
                guard !argument.hasPrefix("--") else { throw UsageError("unknown option \(argument)\n\(usage)") }
                words.append(argument)
            }
        }
        query.text = words.joined(separator: " ")
        guard !query.text.trimmedSpaces.isEmpty || query.committee != nil || query.caseNumber != nil || query.from != nil || query.to != nil || query.decidedOnly else {
            throw UsageError("nothing to search for\n\(usage)")
        }
        return Options(query: query, json: json)
    }

    /// Searches the index kept in `indexFolder`.
    static func run(_ arguments: [String], indexFolder: URL, io: CommandIO) -> Int32 {
        let options: Options
        do { options = try parse(arguments) } catch {
            io.standardError("agendac archive search: \(error.message)\n")
            return ExitCode.usage
        }
        do {
            let results = try ArchiveSearchIndex(folder: indexFolder).search(options.query)
            io.standardOutput(options.json ? ArchiveReports.searchJSON(options.query, results) : ArchiveReports.searchText(results))
            return ExitCode.success
        } catch {
            io.standardError("agendac archive search: \(error.description)\n")
            return ExitCode.usage
        }
    }
}

/// `agendac archive case NUMBER [--json]`: every treatment of a case, oldest first.
enum ArchiveCaseCommand {
    static let usage = "usage: agendac archive case NUMBER [--json]"

    static func parse(_ arguments: [String]) throws(UsageError) -> (number: String, json: Bool) {
        var json = false
        var numbers: [String] = []
        for argument in arguments {
            if argument == "--json" { json = true } else if argument.hasPrefix("--") {
                throw UsageError("unknown option \(argument)\n\(usage)")
            } else { numbers.append(argument) }
        }
        guard numbers.count == 1, let number = numbers.first, !number.trimmedSpaces.isEmpty else {
            throw UsageError("give one case number\n\(usage)")
        }
        return (number.trimmedSpaces, json)
    }

    static func run(_ arguments: [String], snapshot: ArchiveSnapshot, io: CommandIO) -> Int32 {
        let options: (number: String, json: Bool)
        do { options = try parse(arguments) } catch {
            io.standardError("agendac archive case: \(error.message)\n")
            return ExitCode.usage
        }
        let entries = CaseHistory(snapshot).entries(ofCase: options.number)
        io.standardOutput(options.json ? ArchiveReports.caseJSON(options.number, entries) : ArchiveReports.caseText(options.number, entries))
        return ExitCode.success
    }
}

import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac check --format sarif`: SARIF 2.1.0, the format code-scanning tools
/// read, so findings show on the lines they concern. One run; the driver lists
/// every rule of the rule table, and each result points at its rule by id and
/// index. Columns are 1-based UTF-16 code units (SARIF's default `columnKind`),
/// and `endColumn` is the column just after the finding.
enum SARIFReport {
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    static func log(_ findings: [CheckCommand.Finding]) -> JSON {
        .object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([run(findings)])),
        ])
    }

    static func run(_ findings: [CheckCommand.Finding]) -> JSON {
        .object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("utf16CodeUnits")),
            ("results", .array(findings.map(result))),
        ])
    }

    static var driver: JSON {
        .object([
            ("name", .string("agendac")),
            ("version", .string(AgendacVersion.current)),
            ("rules", .array(Rule.allCases.map(descriptor))),
        ])
    }

    /// A rule as SARIF describes it: `AG402`, `MissingDecision`, its title and explanation, its default level.
    static func descriptor(_ rule: Rule) -> JSON {
        .object([
            ("id", .string(rule.code)),
            ("name", .string(pascalCase(String(describing: rule)))),
            ("shortDescription", .object([("text", .string(rule.title))])),
            ("fullDescription", .object([("text", .string(rule.explanation))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
        ])
    }

    static func result(_ finding: CheckCommand.Finding) -> JSON {
        let diagnostic = finding.diagnostic
        let region: JSON = .object([
            ("startLine", .int(finding.utf16Start.line + 1)),
            ("startColumn", .int(finding.utf16Start.column + 1)),
            ("endLine", .int(finding.utf16End.line + 1)),
            ("endColumn", .int(finding.utf16End.column + 1)),
        ])
        let location: JSON = .object([
            ("physicalLocation", .object([
                ("artifactLocation", .object([("uri", .string(uri(finding.file)))])),
                ("region", region),
            ])),
        ])
        var members: [(String, JSON)] = [("ruleId", .string(diagnostic.code))]
        if let index = Rule.allCases.firstIndex(of: diagnostic.rule) { members.append(("ruleIndex", .int(index))) }
        members += [
            ("level", .string(level(diagnostic.severity))),
            ("message", .object([("text", .string(diagnostic.message))])),
            ("locations", .array([location])),
        ]
        return .object(members)
    }

    /// SARIF has no "information" or "hint": both are a note.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .information, .hint: "note"
        }
    }

    /// A path as a URI reference: relative paths stay relative (to the folder
    /// `check` ran in, which code scanning takes as the repository root), absolute
    /// ones become `file:` URIs; spaces, `æøå`, `%`, `#` and `?` are percent-encoded.
    static func uri(_ path: String) -> String {
        let encoded = PercentEncoding.path(path, alsoEncoding: ";")
        if path.hasPrefix("/") { return "file://" + encoded }
        // `a:b.agenda` would read as a URI with the scheme `a`
        if let firstSegment = encoded.split(separator: "/", omittingEmptySubsequences: false).first, firstSegment.contains(":") {
            return "./" + encoded
        }
        return encoded
    }

    static func pascalCase(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }
}

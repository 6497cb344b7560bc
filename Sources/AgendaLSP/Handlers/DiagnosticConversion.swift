import AgendaBase

/// `Diagnostic` → LSP `Diagnostic`.
enum DiagnosticConversion {
    static let source = "agendac"

    static func json(_ diagnostics: [Diagnostic], positions: LSPPositions) -> JSON {
        .array(diagnostics.map { json($0, positions: positions) })
    }

    static func json(_ diagnostic: Diagnostic, positions: LSPPositions) -> JSON {
        .object([
            ("range", positions.json(diagnostic.range)),
            ("severity", .int(severity(diagnostic.severity))),
            ("code", .string(diagnostic.code)),
            ("source", .string(source)),
            ("message", .string(diagnostic.message)),
            // the rule travels back in code-action requests; no codeDescription: we have no page to link
            ("data", .object([("rule", .string(diagnostic.rule.rawValue))])),
        ])
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .information: 3
        case .hint: 4
        }
    }

    /// The rule a client diagnostic came from, read from `data` (or its `code`).
    static func rule(of diagnostic: JSON) -> Rule? {
        if let code = diagnostic["data"]?["rule"]?.stringValue, let rule = Rule(rawValue: code) { return rule }
        if let code = diagnostic["code"]?.stringValue { return Rule(rawValue: code) }
        return nil
    }
}

import AgendaBase

/// `Diagnostic` → LSP `Diagnostic`.
enum DiagnosticConversion {
    static let source = "agendac"

    static func json(_ diagnostics: [Diagnostic], positions: LSPPositions) -> JSON {
        // findings come mostly in order: starts and ends each counted on from the one before,
        // so many findings on one long line cost its length about once
        var starts = positions.cursor(), ends = positions.cursor()
        return .array(diagnostics.map { diagnostic in
            let range = JSON.object([("start", json(starts.position(of: diagnostic.range.lowerBound))),
                                     ("end", json(ends.position(of: diagnostic.range.upperBound)))])
            return json(diagnostic, range: range)
        })
    }

    static func json(_ diagnostic: Diagnostic, positions: LSPPositions) -> JSON {
        json(diagnostic, range: positions.json(diagnostic.range))
    }

    static func json(_ position: LineColumn) -> JSON {
        .object([("line", .int(position.line)), ("character", .int(position.column))])
    }

    private static func json(_ diagnostic: Diagnostic, range: JSON) -> JSON {
        .object([
            ("range", range),
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

/// How serious a finding is. `error` fails `agendac check`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning, information, hint

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .information: 2
        case .hint: 3
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A mechanical repair: replace `range` with `replacement`.
public struct TextEdit: Hashable, Sendable {
    public var range: Range<Int>
    public var replacement: String
    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A fix offered for a diagnostic (a quick fix in editors).
public struct Fix: Hashable, Sendable {
    public var title: String
    public var edits: [TextEdit]
    public init(title: String, edits: [TextEdit]) {
        self.title = title
        self.edits = edits
    }
}

/// One finding, located by byte offsets into the file's `SourceText`.
public struct Diagnostic: Hashable, Sendable {
    public var rule: Rule
    public var range: Range<Int>
    public var message: String
    public var severity: Severity
    public var fixes: [Fix]

    /// `message` should say what is wrong and how to fix it; the rule's severity applies
    /// unless the finding itself decides otherwise.
    public init(_ rule: Rule, _ range: Range<Int>, _ message: String, severity: Severity? = nil, fixes: [Fix] = []) {
        self.rule = rule
        self.range = range
        self.message = message
        self.severity = severity ?? rule.severity
        self.fixes = fixes
    }

    public var code: String { rule.code }
}

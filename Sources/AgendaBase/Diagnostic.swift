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
///
/// A fix's edits are either written out, or deferred: worked out only when an
/// editor resolves the fix or a tool applies it. A fix that touches the whole
/// document (renumbering every item) is built once per document and shared by
/// every finding it repairs, so a finding costs nothing until it is resolved.
public struct Fix: Hashable, Sendable {
    public var title: String
    private var written: [TextEdit]
    private var deferred: DeferredEdits?

    public init(title: String, edits: [TextEdit]) {
        self.title = title
        self.written = edits
        self.deferred = nil
    }

    public init(title: String, deferred: DeferredEdits) {
        self.title = title
        self.written = []
        self.deferred = deferred
    }

    /// The edits, computed now when they were deferred (time linear in the document).
    public var edits: [TextEdit] { deferred?.compute() ?? written }

    /// Whether the edits are computed only when asked for.
    public var isDeferred: Bool { deferred != nil }
}

/// Edits worked out on demand. Equal only to itself, so that findings sharing
/// one deferred fix compare equal without computing it.
public final class DeferredEdits: Hashable, Sendable {
    let compute: @Sendable () -> [TextEdit]

    public init(_ compute: @escaping @Sendable () -> [TextEdit]) { self.compute = compute }

    public static func == (a: DeferredEdits, b: DeferredEdits) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
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

extension Diagnostic {
    /// The order findings are listed in: by place, then severity and code; the
    /// range's end and the message settle ties, so every way of computing the
    /// same findings (a full analysis, or an incremental one) lists them alike.
    public static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.code != b.code { return a.code < b.code }
        if a.range.upperBound != b.range.upperBound { return a.range.upperBound < b.range.upperBound }
        return a.message < b.message
    }

    /// The finding moved by `delta` bytes, its fixes with it; nil when a fix is
    /// deferred (its edits are worked out later, from the text it was made for).
    public func shifted(by delta: Int) -> Diagnostic? {
        if delta == 0 { return self }
        var moved = self
        moved.range = (range.lowerBound + delta)..<(range.upperBound + delta)
        var fixes: [Fix] = []
        fixes.reserveCapacity(self.fixes.count)
        for fix in self.fixes {
            guard let shifted = fix.shifted(by: delta) else { return nil }
            fixes.append(shifted)
        }
        moved.fixes = fixes
        return moved
    }
}

extension Fix {
    /// The fix with its edits moved by `delta` bytes; nil for a deferred fix.
    public func shifted(by delta: Int) -> Fix? {
        guard deferred == nil else { return nil }
        return Fix(title: title, edits: written.map { TextEdit(range: ($0.range.lowerBound + delta)..<($0.range.upperBound + delta), replacement: $0.replacement) })
    }
}

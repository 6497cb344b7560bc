import AgendaBase
import AgendaIDE
import AgendaSemantics

/// One version of one document with its analysis, computed at most once, on
/// whichever thread asks first (background diagnostics or a request); others wait.
///
/// A new cell is made for every edit and every settings change, so comparing
/// cells by identity tells whether a result still describes the document.
public final class AnalysisCell: Sendable {
    public let source: SourceText
    public let context: CheckContext
    /// Problems with the workspace settings, reported with the document's own.
    public let settingsProblems: [Diagnostic]
    /// Unique per cell; the pull-diagnostics result id.
    public let serial: Int
    /// A house style file (`agendac-stil.json`), checked as one rather than as an agenda.
    public let isStyleFile: Bool

    private let computed = Locked<AnalyzedDocument?>(nil)
    private static let counter = Locked(0)

    public init(source: SourceText, context: CheckContext, settingsProblems: [Diagnostic] = [], isStyleFile: Bool = false) {
        self.source = source
        self.isStyleFile = isStyleFile
        self.context = context
        self.settingsProblems = settingsProblems
        self.serial = Self.counter.withLock { value in
            value += 1
            return value
        }
    }

    public var analysis: AnalyzedDocument {
        computed.withLock { cached in
            if let cached { return cached }
            let fresh = AnalyzedDocument(source: source, context: context)
            cached = fresh
            return fresh
        }
    }

    /// Every finding to show for the document: the settings' problems first.
    public var diagnostics: [Diagnostic] {
        if isStyleFile { return StyleFileAssist.diagnostics(source) }
        return settingsProblems + analysis.diagnostics
    }
}

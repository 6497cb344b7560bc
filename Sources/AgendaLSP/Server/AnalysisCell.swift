import AgendaArchive
import AgendaBase
import AgendaIDE
import AgendaSemantics
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

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
    /// The archive the settings name, as loaded when the cell was made: its
    /// `sagens gang:` lines are read against it (AG705–AG707).
    public let archive: ArchiveContext?
    /// Unique per cell; the pull-diagnostics result id.
    public let serial: Int
    /// A house style file (`agendac-stil.json`), checked as one rather than as an agenda.
    public let isStyleFile: Bool

    private let computed = Locked<AnalyzedDocument?>(nil)
    /// The findings, kept up to date edit by edit: an earlier version's analysis
    /// and the edits since, until someone asks; then the analysis of this version.
    private let findings: Locked<Findings>
    private static let counter = Locked(0)
    /// Edits waiting on one earlier analysis beyond this are cheaper analysed whole.
    static let longestPendingEdits = 256

    enum Findings {
        case pending(base: IncrementalAnalysis?, edits: [TextEdit])
        case computed(IncrementalAnalysis)
    }

    /// `previous` and `edits`: the cell this version was edited from, and the
    /// edits (byte ranges, each in the text the one before left).
    public init(source: SourceText, context: CheckContext, settingsProblems: [Diagnostic] = [], archive: ArchiveContext? = nil,
                isStyleFile: Bool = false, after previous: AnalysisCell? = nil, edits: [TextEdit] = []) {
        self.source = source
        self.archive = archive
        self.isStyleFile = isStyleFile
        self.context = context
        self.settingsProblems = settingsProblems
        self.serial = Self.counter.withLock { value in
            value += 1
            return value
        }
        var start = Findings.pending(base: nil, edits: [])
        if let previous, !isStyleFile, Self.sameContext(previous.context, context) {
            switch previous.findings.withLock({ $0 }) {
            case .computed(let analysis): start = .pending(base: analysis, edits: edits)
            case .pending(let base?, let earlier) where earlier.count + edits.count <= Self.longestPendingEdits:
                start = .pending(base: base, edits: earlier + edits)
            case .pending: break
            }
        }
        findings = Locked(start)
    }

    /// Whether findings made under `a` still hold under `b`: the same file and settings.
    static func sameContext(_ a: CheckContext, _ b: CheckContext) -> Bool {
        a.fileURL == b.fileURL && a.settings?.url == b.settings?.url && (a.klePlan == nil) == (b.klePlan == nil)
    }

    private static let releaseQueue = DispatchQueue(label: "agendac.lsp.release", qos: .utility)
    private static let waitingReleases = Locked(0)

    /// Lets the last reference to a replaced version go on another queue:
    /// freeing a large document's model takes time an edit should not wait for.
    /// At most two wait there, so memory stays bounded when that queue lags.
    public func releaseInBackground() {
        let queued = Self.waitingReleases.withLock { count in
            guard count < 2 else { return false }
            count += 1
            return true
        }
        guard queued else { return }
        Self.releaseQueue.async {
            withExtendedLifetime(self) {}
            Self.waitingReleases.withLock { $0 -= 1 }
        }
    }

    /// The findings of this version, worked out from the earlier version's where there is one.
    public var incremental: IncrementalAnalysis {
        findings.withLock { state in
            switch state {
            case .computed(let analysis):
                return analysis
            case .pending(let base, let edits):
                let analysis = base?.applying(edits) ?? IncrementalAnalysis(source: source, context: context)
                state = .computed(analysis)
                return analysis
            }
        }
    }

    /// The tree, model and findings every feature reads: put together from the
    /// incremental analysis's kept segments, so a request right after an edit
    /// pays for the edited item, not for the whole document.
    public var analysis: AnalyzedDocument {
        computed.withLock { cached in
            if let cached { return cached }
            let fresh = incremental.document
            cached = fresh
            return fresh
        }
    }

    /// Every finding to show for the document: the settings' problems first,
    /// then the document's and the archive's in source order.
    public var diagnostics: [Diagnostic] {
        if isStyleFile { return StyleFileAssist.diagnostics(source) }
        let own = settingsProblems + incremental.diagnostics
        guard let archive else { return own }
        return ArchiveHistoryCheck.merged(own, ArchiveHistoryCheck.check(analysis.meeting, against: archive.history.lookup))
    }
}

import AgendaBase
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// What the checker may look at beyond the document itself.
public struct CheckContext: Sendable {
    /// The agenda file, for resolving attachment paths; nil for unsaved text.
    public var fileURL: URL?
    /// The workspace settings (`agendac.json`), if one was found.
    public var settings: WorkspaceSettings?
    /// The full KLE plan, when the settings point at a KLE-XML file.
    public var klePlan: KLEPlan?
    /// Whether a file exists; injectable so tests and the language server decide what "exists" means.
    public var fileExists: @Sendable (URL) -> Bool

    public init(fileURL: URL? = nil, settings: WorkspaceSettings? = nil, klePlan: KLEPlan? = nil,
                fileExists: @escaping @Sendable (URL) -> Bool = { FileManager.default.fileExists(atPath: $0.path) }) {
        self.fileURL = fileURL
        self.settings = settings
        self.klePlan = klePlan
        self.fileExists = fileExists
    }

    /// Finds the settings by walking up from `fileURL` and loads the KLE plan they name.
    /// Problems with either become diagnostics of the returned list, never failures.
    public static func discover(for fileURL: URL) -> (CheckContext, [Diagnostic]) {
        var context = CheckContext(fileURL: fileURL)
        var problems: [Diagnostic] = []
        if let settingsURL = WorkspaceSettings.find(from: fileURL.deletingLastPathComponent()) {
            switch WorkspaceSettings.load(settingsURL) {
            case .success(let settings):
                context.settings = settings
                if let kleURL = settings.kleFileURL {
                    switch KLEPlan.load(kleURL) {
                    case .success(let plan): context.klePlan = plan
                    case .failure(let error):
                        problems.append(Diagnostic(.settingsUnreadable, 0..<0, "the KLE file \(kleURL.path) named in \(settingsURL.path) cannot be read (\(error.reason)); fix `kleFile`"))
                    }
                }
            case .failure(let error):
                problems.append(Diagnostic(.settingsUnreadable, 0..<0, "\(settingsURL.path): \(error.reason); fix the file or remove it"))
            }
        }
        return (context, problems)
    }
}

/// One document, parsed, lowered and checked: what every consumer (CLI,
/// renderers, language server) starts from.
public struct AnalyzedDocument: Sendable {
    public var syntax: DocumentSyntax
    public var meeting: Meeting
    /// Syntax, lowering and checker findings, in source order.
    public var diagnostics: [Diagnostic]

    public var source: SourceText { syntax.source }

    public init(source: SourceText, context: CheckContext = CheckContext()) {
        syntax = Parser.parse(source)
        let lowered = Lowering.lower(syntax, committees: context.settings?.committees.map(\.name) ?? [])
        meeting = lowered.meeting
        let checked = Checker.check(meeting, source: source, context: context)
        // a line read as a mistyped flag (AG425) is not also "text outside a section"
        let nearMisses = Set(lowered.diagnostics.lazy.filter { $0.rule == .nearMissWithholdingFlag }.map(\.range.lowerBound))
        let parsed = nearMisses.isEmpty ? syntax.diagnostics
            : syntax.diagnostics.filter { !($0.rule == .textOutsideSection && nearMisses.contains($0.range.lowerBound)) }
        diagnostics = (parsed + lowered.diagnostics + checked).sorted(by: Diagnostic.precedes)
    }

    /// A document put together from parts already analysed (`IncrementalAnalysis.document`).
    init(syntax: DocumentSyntax, meeting: Meeting, diagnostics: [Diagnostic]) {
        self.syntax = syntax
        self.meeting = meeting
        self.diagnostics = diagnostics
    }

    public init(text: String, context: CheckContext = CheckContext()) {
        self.init(source: SourceText(text), context: context)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

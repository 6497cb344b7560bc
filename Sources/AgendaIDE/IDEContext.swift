import AgendaBase
import AgendaSemantics

/// What an editor feature may consult besides the document it works on: who
/// the document is, the workspace settings, the KLE plan and the other
/// documents of the workspace.
///
/// A plain value, cheap to make per request (every field is copy-on-write).
public struct IDEContext: Sendable {
    /// The document's identifier in `workspace` (a URI for the language server).
    /// Features use it to tell the document's own items from other meetings';
    /// the document passed to a feature always wins over the index's copy.
    public var documentID: String
    /// `agendac.json`: committees, members, parties, distribution codes.
    public var settings: WorkspaceSettings?
    /// The full KLE plan, when the settings name a KLE-XML file.
    public var klePlan: KLEPlan?
    /// Every document of the workspace, for cross-meeting features.
    public var workspace: WorkspaceIndex
    /// The archive the workspace names, when it has one: case histories across
    /// archived meetings for hover and references.
    public var archive: ArchiveContext?

    public init(documentID: String = "", settings: WorkspaceSettings? = nil, klePlan: KLEPlan? = nil,
                workspace: WorkspaceIndex = WorkspaceIndex(), archive: ArchiveContext? = nil) {
        self.documentID = documentID
        self.settings = settings
        self.klePlan = klePlan
        self.workspace = workspace
        self.archive = archive
    }

    /// The settings and KLE plan of the context the document was checked with.
    public init(documentID: String, checkContext: CheckContext, workspace: WorkspaceIndex = WorkspaceIndex()) {
        self.init(documentID: documentID, settings: checkContext.settings, klePlan: checkContext.klePlan, workspace: workspace)
    }

    /// The workspace as the document passed to a feature sees it: the index,
    /// with this document's entries replaced by `document`'s (the index may
    /// hold an older version, or none).
    func view(with document: AnalyzedDocument) -> WorkspaceView {
        WorkspaceView(index: workspace, currentID: documentID, current: DocumentSummary(id: documentID, document: document))
    }
}

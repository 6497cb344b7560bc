import AgendaBase
import AgendaIDE

/// The workspace as the IDE features see it: the files on disk, with each
/// open document in place of its disk copy (the editor's text wins).
///
/// Kept up to date incrementally on the work queue: a request re-indexes only
/// the open documents edited since the last request, and starts over only
/// when the disk index itself changed. Document ids are canonical URIs.
final class FeatureIndex {
    private var index = WorkspaceIndex()
    private var diskRevision = -1
    /// The analysis cell each open document was indexed from.
    private var indexedCells: [String: Int] = [:]

    /// `leavingStale`: a document whose re-indexing the caller does not need,
    /// because the feature reads that document's fresh analysis directly
    /// (completion on the document being typed in must not cost its size).
    func current(workspace: Workspace, documents: DocumentStore, leavingStale: String? = nil) -> WorkspaceIndex {
        let (disk, revision) = workspace.index
        if revision != diskRevision {
            index = disk
            diskRevision = revision
            indexedCells = [:]
        }
        let open = Dictionary(documents.all.map { (DocumentURI.canonical($0.uri), $0) }, uniquingKeysWith: { first, _ in first })
        for key in indexedCells.keys where open[key] == nil {
            // closed: back to the disk copy, if there is one
            if let document = disk.document(key) { index.update(document, id: key) } else { index.remove(id: key) }
            indexedCells[key] = nil
        }
        for (key, document) in open where key != leavingStale && indexedCells[key] != document.analysis.serial {
            index.update(document.analysis.analysis, id: key)
            indexedCells[key] = document.analysis.serial
        }
        return index
    }
}

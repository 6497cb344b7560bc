import AgendaArchive
import AgendaBase
import Foundation

/// The workspace's archive as editor features see it: every case's history
/// across the archived meetings (public models only), and where their sources
/// are kept, so a treatment can be shown as a location in its archived file.
public struct ArchiveContext: Sendable {
    public let history: CaseHistory
    /// The archive's folder; archived source paths are relative to it.
    public let root: URL

    public init(snapshot: ArchiveSnapshot, root: URL) {
        history = CaseHistory(snapshot)
        self.root = root.standardizedFileURL
    }

    /// The identifier (a file URI) of an archived source file.
    public func documentID(ofSourceFile path: String) -> String {
        root.appendingPathComponent(path).standardizedFileURL.absoluteString
    }

    /// The archived source behind an identifier `documentID(ofSourceFile:)` made;
    /// nil for anything outside the archive's folder.
    public func source(ofDocumentID id: String) -> SourceText? {
        guard let url = URL(string: id), url.isFileURL else { return nil }
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(root.path + "/"), let data = FileManager.default.contents(atPath: path) else { return nil }
        return SourceText(bytes: [UInt8](data))
    }

    /// The archive's treatments of a case, as locations in their archived sources.
    func locations(ofCase number: String) -> [Location] {
        history.entries(ofCase: number).compactMap { entry in
            // an item linked by `sagens gang:` carries another number: point at its `punkt` line
            let range = entry.link == .caseNumber ? entry.caseNumberRange ?? entry.headerRange : entry.headerRange
            return entry.sourceFile.map { Location(documentID: documentID(ofSourceFile: $0), range: range) }
        }
    }
}

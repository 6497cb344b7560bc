import AgendaArchive
import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The workspace's archive as editor features see it: every case's history
/// across the archived meetings (public models only), and where their sources
/// are kept, so a treatment can be shown as a location in its archived file.
public struct ArchiveContext: Sendable {
    public let history: CaseHistory
    /// The archive's folder; archived source paths are relative to it.
    public let root: URL
    /// Each archived source's identifier (how the editor names the file) → its path in the archive.
    let sourcesByID: [String: String]
    let identify: @Sendable (URL) -> String

    /// `identify` names a file as the editor does (the language server: its `file:` URI).
    public init(snapshot: ArchiveSnapshot, root: URL, identify: @escaping @Sendable (URL) -> String = { $0.absoluteString }) {
        history = CaseHistory(snapshot)
        self.root = root.standardizedFileURL
        self.identify = identify
        var sources: [String: String] = [:]
        for meeting in snapshot.meetings {
            for file in meeting.files where file.kind == .source {
                sources[identify(self.root.appendingPathComponent(file.path).standardizedFileURL)] = file.path
            }
        }
        sourcesByID = sources
    }

    /// The identifier of an archived source file.
    public func documentID(ofSourceFile path: String) -> String {
        identify(root.appendingPathComponent(path).standardizedFileURL)
    }

    /// The archive-relative path behind an identifier; nil for anything but an archived source.
    public func sourcePath(ofDocumentID id: String) -> String? { sourcesByID[id] }

    /// The text of an archived source; nil for anything but an archived source.
    public func source(ofDocumentID id: String) -> SourceText? {
        // only a path inside the archive: the catalog is a file anyone could have edited
        guard let path = sourcesByID[id], ArchivePath.isSafe(path), let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
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

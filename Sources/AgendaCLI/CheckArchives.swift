import AgendaArchive
import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The archives `agendac check` reads `sagens gang:` lines against (AG705–AG707):
/// `--archive DIR` for every file, else the `archive` that each file's
/// `agendac.json` names. Each archive is opened and compiled once per run.
struct CheckArchives {
    /// `--archive DIR`, opened before any file is checked.
    private let given: ArchiveItemLookup?
    /// Archives named by settings, by folder path; nil when it could not be opened (reported once).
    private var named: [String: ArchiveItemLookup?] = [:]

    /// Opens `--archive DIR` when given; an archive that cannot be read is a usage error.
    init(option: String?, io: CommandIO) throws(UsageError) {
        guard let option else {
            given = nil
            return
        }
        let root = try ArchiveCommand.location(option, near: io.currentDirectory, io: io)
        switch Self.load(root) {
        case .success(let lookup): given = lookup
        case .failure(let error): throw UsageError("--archive: \(error.description)")
        }
    }

    /// The document's `sagens gang:` lines read against its archive, in source
    /// order; the first file whose settings name an unusable archive also gets
    /// one finding saying so (AG506, naming the settings file).
    mutating func findings(for document: AnalyzedDocument, settings: WorkspaceSettings?, io: CommandIO) -> [Diagnostic] {
        if let given { return ArchiveHistoryCheck.check(document.meeting, against: given) }
        guard let settings, let root = settings.archiveURL?.standardizedFileURL else { return [] }
        if let known = named[root.path] {
            return known.map { ArchiveHistoryCheck.check(document.meeting, against: $0) } ?? []
        }
        switch Self.load(root) {
        case .success(let lookup):
            named[root.path] = lookup
            return ArchiveHistoryCheck.check(document.meeting, against: lookup)
        case .failure(let error):
            named[root.path] = .some(nil)
            let settingsPath = InputFiles.displayPath(settings.url, io: io)
            return [Diagnostic(.settingsUnreadable, 0..<0,
                "the archive named in \(settingsPath) cannot be read (\(error.description)), so `sagens gang:` lines are not checked against it; fix `archive` in \(settingsPath)")]
        }
    }

    private static func load(_ root: URL) -> Result<ArchiveItemLookup, ArchiveError> {
        do {
            return .success(ArchiveItemLookup(try ArchiveStore.open(at: root).snapshot()))
        } catch {
            return .failure(error)
        }
    }
}

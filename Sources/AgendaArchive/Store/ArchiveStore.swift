import AgendaBase
import AgendaRender
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// An archive folder opened for reading and writing. Opening reads only the
/// marker and the catalog; a meeting's files are read when it is asked for,
/// so adding to a large archive costs the same as to a small one.
public struct ArchiveStore: Sendable {
    public static let formatName = "agendac-archive"
    public static let formatVersion = 1

    public let root: URL
    public private(set) var municipality: String?
    var catalog: CatalogFile

    /// Called before each step of a write; a test throws here to prove that a
    /// failure half-way leaves the archive as it was.
    var faultInjection: (@Sendable (WriteStep) throws(ArchiveError) -> Void)?

    /// The steps of a write, in order.
    enum WriteStep: String, CaseIterable, Sendable {
        case filesStaged, meetingMoved, catalogWritten, ledgerAppended
    }

    /// Opens an existing archive: the folder must hold `agendac-archive.json`.
    public static func open(at root: URL) throws(ArchiveError) -> ArchiveStore {
        let municipality = try readManifest(root)
        let catalogURL = root.appendingPathComponent(ArchiveLayout.catalogName)
        let catalog: CatalogFile
        if let bytes = FileManager.default.contents(atPath: catalogURL.path) {
            catalog = try CatalogFile.parse(Array(bytes))
        } else if FileManager.default.fileExists(atPath: catalogURL.path) {
            throw ArchiveError("\(ArchiveLayout.catalogName): cannot be read")
        } else {
            throw .malformed(ArchiveLayout.catalogName, "the file is missing")
        }
        return ArchiveStore(root: root, municipality: municipality, catalog: catalog)
    }

    /// The archive for reading single meetings (`meeting(_:)`) only: the catalog
    /// stays unread, so following the ledger costs what changed, not the archive.
    static func openForReadingMeetings(at root: URL) throws(ArchiveError) -> ArchiveStore {
        ArchiveStore(root: root, municipality: try readManifest(root), catalog: CatalogFile())
    }

    /// The ledger's mark (`LedgerMark`): its size and last record, for readers
    /// that derive something from the archive and later follow only what was appended.
    public static func ledgerMark(at root: URL) -> LedgerMark? {
        try? LedgerFile.mark(root.appendingPathComponent(ArchiveLayout.ledgerName))
    }

    /// Reads the marker file; returns the municipality it names.
    static func readManifest(_ root: URL) throws(ArchiveError) -> String? {
        let manifestURL = root.appendingPathComponent(ArchiveLayout.manifestName)
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            if FileKind.isFolder(root.path) == nil {
                throw ArchiveError("\(root.path): no such archive folder; `agendac archive add` makes one")
            }
            throw ArchiveError("\(root.path) is not an archive (it has no \(ArchiveLayout.manifestName)); `agendac archive add` makes one in an empty or new folder")
        }
        let manifest: JSON
        do { manifest = try JSON.parse(Array(data)) } catch {
            throw .malformed(ArchiveLayout.manifestName, "not valid JSON (\(error.description))")
        }
        guard manifest["format"]?.stringValue == formatName else {
            throw .malformed(ArchiveLayout.manifestName, "`format` must be \"\(formatName)\"")
        }
        guard let version = manifest["version"]?.intValue, version <= formatVersion, version >= 1 else {
            throw ArchiveError("\(ArchiveLayout.manifestName): the archive's format version is not one this agendac reads (it reads version \(formatVersion)); use a newer agendac")
        }
        return manifest["municipality"]?.stringValue
    }

    /// Opens the archive, or makes a new one in a folder that does not exist or holds nothing but hidden entries (`.git`).
    public static func openOrCreate(at root: URL, municipality: String? = nil) throws(ArchiveError) -> ArchiveStore {
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(ArchiveLayout.manifestName).path) {
            return try open(at: root)
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        if let visible = entries.first(where: { !$0.hasPrefix(".") }) {
            throw ArchiveError("\(root.path) is not an archive and not empty (it holds \(visible)); name an empty or new folder")
        }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError("\(root.path): the archive folder cannot be made (\(ErrorText.describing(error)))")
        }
        var manifest = JSONObjectBuilder()
        manifest.set("format", formatName)
        manifest.set("version", formatVersion)
        manifest.set("municipality", municipality)
        do {
            try AtomicFile.write([], to: root.appendingPathComponent(ArchiveLayout.catalogName))
            try AtomicFile.write([], to: root.appendingPathComponent(ArchiveLayout.ledgerName))
            // version control keeps the archive, never a write in progress
            try AtomicFile.write(ArchiveLayout.stagingFolder + "/\n", to: root.appendingPathComponent(".gitignore"))
            // the marker last: a folder without it is not an archive yet, and is made again
            try AtomicFile.write(manifest.json.prettyPrinted(), to: root.appendingPathComponent(ArchiveLayout.manifestName))
        } catch {
            throw ArchiveError(error.description)
        }
        return try open(at: root)
    }

    /// The meetings, one line each, in the order of their meetings (date, then committee).
    public var entries: [CatalogEntry] { catalog.entries }

    public func entry(_ id: MeetingID) -> CatalogEntry? { catalog.entry(id) }

    /// The whole archive as its readers see it: each meeting's stored source
    /// compiled once into its public model.
    public func snapshot() throws(ArchiveError) -> ArchiveSnapshot {
        var meetings: [ArchivedMeeting] = []
        meetings.reserveCapacity(catalog.entries.count)
        for entry in catalog.entries { meetings.append(try meeting(entry.id)) }
        return ArchiveSnapshot(meetings: meetings, municipality: municipality)
    }

    /// One meeting as the readers see it, read from its folder (for readers that rebuild only what changed).
    public func meeting(_ id: MeetingID) throws(ArchiveError) -> ArchivedMeeting {
        let state = try readState(id)
        guard let current = state.current else { throw .malformed(ArchiveLayout.statePath(id), "no version is listed") }
        let (meeting, published) = try publicVersion(current, of: id)
        let revisions = state.versions.filter { ($0.revision ?? 0) > 1 }.map { version in
            Revision(number: version.revision ?? 0, reason: version.reason ?? "", at: version.addedAt, sha256: version.source)
        }
        var earlier: [KeptVersion] = []
        for version in state.versions.dropLast() {
            // an earlier revision of the minutes is shown beside the current one; a superseded agenda is only listed
            let earlierPublic = version.isAgenda ? nil : try publicVersion(version, of: id).published
            earlier.append(KeptVersion(name: version.name, stage: version.stage, revision: version.revision, sha256: version.source,
                                       addedAt: version.addedAt, approvals: version.approvals, files: version.files,
                                       publicMeeting: earlierPublic))
        }
        return ArchivedMeeting(
            id: id, committee: state.committee, date: state.date, time: meeting.time?.value, place: meeting.place?.value,
            stage: current.stage, revision: current.revision ?? 1, revisions: revisions,
            approvals: current.approvals.filter { $0.sha256 == current.source }, files: current.files,
            publicMeeting: published, approvers: current.approvers, earlierVersions: earlier)
    }

    /// A version's full model (for the facts read from it) and its public
    /// version, attachments named by their paths in the version's folder.
    func publicVersion(_ version: VersionState, of id: MeetingID) throws(ArchiveError) -> (meeting: Meeting, published: Meeting) {
        let (meeting, style) = try compile(version, of: id)
        let publicMeeting = AgendaRenderer.publicVersion(of: meeting, style: style)
        let plan = AttachmentPlan(publicMeeting: publicMeeting, folder: ArchiveLayout.versionFolder(id, version.name))
        return (meeting, plan.rewrite(publicMeeting))
    }

    /// The meeting's `meeting.json`.
    func readState(_ id: MeetingID) throws(ArchiveError) -> MeetingState {
        let path = ArchiveLayout.statePath(id)
        guard let data = FileManager.default.contents(atPath: url(path).path) else {
            throw .malformed(path, "the file is missing or cannot be read")
        }
        let state = try MeetingState.parse(Array(data), path: path)
        guard state.id == id else { throw .malformed(path, "it describes \(state.id), not \(id)") }
        return state
    }

    /// A version's model, read from its stored source and style.
    func compile(_ version: VersionState, of id: MeetingID) throws(ArchiveError) -> (Meeting, HouseStyle) {
        let folder = ArchiveLayout.versionFolder(id, version.name)
        let sourcePath = folder + "/" + ArchiveLayout.sourceName
        guard let source = FileManager.default.contents(atPath: url(sourcePath).path) else {
            throw .malformed(sourcePath, "the file is missing or cannot be read")
        }
        let stylePath = folder + "/" + ArchiveLayout.styleName
        var style = HouseStyle.standard
        if let bytes = FileManager.default.contents(atPath: url(stylePath).path) {
            guard let read = StyleFile.read(Array(bytes)).style else { throw .malformed(stylePath, "not a usable house style") }
            style = read
        }
        return (AnalyzedDocument(source: SourceText(bytes: Array(source))).meeting, style)
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}

import AgendaBase

/// One line of `ledger.jsonl`. Every change the store makes is one record;
/// each names the files it covers with their SHA-256 and the hash of the
/// record before it, so the records form a chain: a changed, removed or
/// reordered record, or a file changed outside the tool, no longer matches.
///
/// A record's `hash` is the SHA-256 of the line's bytes up to the `,"hash":`
/// member. An electronic signature can be attached later without changing
/// any record: it signs that hash (which covers the approved source's SHA-256
/// and, through `previous`, everything before), and is kept beside the ledger
/// or in a later record that names the signed record's hash.
public struct LedgerRecord: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A meeting's first version (an agenda, or minutes).
        case add
        /// A changed agenda, or changed minutes not yet approved, in place of the earlier text.
        case replace
        /// Minutes superseding the agenda of the same meeting (the agenda is kept).
        case supersede
        /// One approver's approval of exactly one source.
        case approve
        /// A new revision of approved minutes, with a reason (the old one is kept).
        case revise
    }

    public var sequence: Int
    public var kind: Kind
    public var meeting: MeetingID
    /// The version written or approved: `agenda`, `r1` …
    public var version: String
    /// The meeting's stage after this record.
    public var stage: ArchivedMeeting.Stage
    public var at: String
    /// The approver (approve records).
    public var by: String?
    /// Why a revision was made (revise records).
    public var reason: String?
    /// SHA-256 of the version's source.
    public var source: String
    /// The files this record covers: all of the version written, or the source approved.
    public var files: [ArchivedFile]
    /// The hash of the record before, or 64 zeros for the first.
    public var previous: String
    public var hash: String = ""

    public static let firstPrevious = String(repeating: "0", count: 64)

    /// The line's bytes before `,"hash":…}`: what `hash` is the SHA-256 of.
    var body: [UInt8] {
        var object = JSONObjectBuilder()
        object.set("sequence", sequence)
        object.set("kind", kind.rawValue)
        object.set("meeting", meeting.path)
        object.set("version", version)
        object.set("stage", stage.rawValue)
        object.set("at", at)
        object.set("by", by)
        object.set("reason", reason)
        object.set("source", source)
        object.set("files", JSON.array(files.map(\.json)))
        object.set("previous", previous)
        var bytes = object.json.serializedBytes()
        bytes.removeLast()   // the closing brace; `hash` follows
        return bytes
    }

    /// The record sealed: its hash computed, ready to append.
    func sealed() -> (record: LedgerRecord, line: [UInt8]) {
        let body = body
        var record = self
        record.hash = SHA256.hexDigest(body)
        return (record, body + Array(",\"hash\":\"\(record.hash)\"}\n".utf8))
    }

    /// Reads one line; `place` (`ledger.jsonl:7`) names it in errors. The hash is read, not checked.
    static func parse(_ line: [UInt8], place: String) throws(ArchiveError) -> LedgerRecord {
        let json: JSON
        do { json = try JSON.parse(line) } catch { throw .malformed(place, "not valid JSON (\(error.description))") }
        guard let sequence = json["sequence"]?.intValue,
              let kindName = json["kind"]?.stringValue, let kind = Kind(rawValue: kindName),
              let meetingText = json["meeting"]?.stringValue, let meeting = MeetingID(path: meetingText),
              let version = json["version"]?.stringValue,
              version == ArchiveLayout.agendaVersion || ArchiveLayout.revisionNumber(version) != nil,
              let stageName = json["stage"]?.stringValue, let stage = ArchivedMeeting.Stage(rawValue: stageName),
              let at = json["at"]?.stringValue,
              let source = json["source"]?.stringValue,
              let previous = json["previous"]?.stringValue,
              let hash = json["hash"]?.stringValue else {
            throw .malformed(place, "a ledger record needs `sequence`, `kind`, `meeting`, `version`, `stage`, `at`, `source`, `files`, `previous` and `hash`")
        }
        var files: [ArchivedFile] = []
        for file in json["files"]?.arrayValue ?? [] { files.append(try ArchivedFile.parse(file, path: place)) }
        return LedgerRecord(sequence: sequence, kind: kind, meeting: meeting, version: version, stage: stage, at: at,
                            by: json["by"]?.stringValue, reason: json["reason"]?.stringValue, source: source,
                            files: files, previous: previous, hash: hash)
    }

    /// The SHA-256 of the line as it stands (its bytes before `,"hash":`); nil when the line does not end as the tool writes it.
    static func recomputedHash(of line: [UInt8]) -> String? {
        let suffixLength = ",\"hash\":\"".utf8.count + 64 + 2
        guard line.count > suffixLength else { return nil }
        let cut = line.count - suffixLength
        guard Array(line[cut..<(cut + 9)]) == Array(",\"hash\":\"".utf8), line.last == UInt8(ascii: "}") else { return nil }
        return SHA256.hexDigest(Array(line[..<cut]))
    }
}

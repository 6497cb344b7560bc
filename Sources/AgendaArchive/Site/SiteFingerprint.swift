import AgendaBase
import AgendaRender

/// What a meeting's pages are made from, hashed, so an incremental build
/// renders only the meetings whose inputs changed: the meeting's facts,
/// approvals and revisions, the SHA-256 of every public file of every version
/// shown (the public JSON and HTML stand for the public model they were written
/// from), the house style, the municipality and the agendac version. A
/// meeting without a public JSON or HTML file has nothing that vouches for
/// its model and is always rendered.
enum SiteFingerprint {
    /// Raised whenever the pages' code shows the same inputs differently, so
    /// the next build renders every page again.
    static let format = 2

    /// The build-wide part: style, municipality, agendac and page format.
    static func context(style: HouseStyle, municipality: String?) -> String {
        var styleText = ""
        var untemplated = style
        untemplated.templates = [:]
        styleText += String(describing: untemplated)
        // a dictionary prints in a different order in each process: the templates go in the table's order
        for key in StyleTemplate.allCases { styleText += "\n\(key.rawValue)=\(String(describing: style.templates[key]))" }
        return "site \(format); agendac \(AgendacVersion.current); municipality \(municipality ?? "-"); style \(SHA256.hexDigest(Array(styleText.utf8)))"
    }

    /// The fingerprint of a meeting's pages (current and earlier revisions); nil when a version shown has no public JSON or HTML.
    static func meeting(_ meeting: ArchivedMeeting, context: String) -> String? {
        let shown = [meeting.publicFiles] + MeetingPage.earlierRevisions(of: meeting).map(\.publicFiles)
        guard shown.allSatisfy({ files in files.contains { $0.kind == .publicJSON || $0.kind == .publicHTML } }) else { return nil }
        var text = context + "\n\(meeting.id.path)\t\(meeting.committee)\t\(meeting.date.iso)\t\(meeting.stage.rawValue)\t\(meeting.revision)\n"
        for approval in meeting.approvals { text += "approval\t\(approval.name)\t\(approval.at)\t\(approval.sha256)\n" }
        for revision in meeting.revisions { text += "revision\t\(revision.number)\t\(revision.at)\t\(revision.sha256)\t\(revision.reason)\n" }
        for file in meeting.publicFiles { text += line(file) }
        for version in meeting.earlierVersions {
            text += "version\t\(version.name)\t\(version.stage.rawValue)\t\(version.revision ?? 0)\t\(version.sha256)\t\(version.addedAt)\t\(version.publicMeeting != nil)\n"
            for approval in version.approvals { text += "approval\t\(approval.name)\t\(approval.at)\t\(approval.sha256)\n" }
            for file in version.publicFiles { text += line(file) }
        }
        return SHA256.hexDigest(Array(text.utf8))
    }

    static func line(_ file: ArchivedFile) -> String { "file\t\(file.kind.rawValue)\t\(file.path)\t\(file.sha256)\t\(file.byteCount)\n" }
}

import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Attachment files: each must lie in a folder the agenda may refer to
/// (AG507), and exist there (AG505). A path that leads elsewhere is reported
/// without being looked up, so a check never tells whether a file outside exists.
enum AttachmentRules {
    /// The agenda's folder and the folders the settings allow, worked out once
    /// for all items; nil for unsaved text, whose attachments are not looked up.
    static func folders(_ context: CheckContext) -> (folder: String, allowed: [String])? {
        guard let fileURL = context.fileURL else { return nil }
        let folder = AttachmentPath.normalized(fileURL.deletingLastPathComponent().path)
        return (folder, [folder] + AttachmentPath.extraFolders(context.settings))
    }

    static func itemFindings(_ item: Item, folders: (folder: String, allowed: [String])?, context: CheckContext) -> [Diagnostic] {
        guard let (folder, allowed) = folders else { return [] }
        var findings: [Diagnostic] = []
        for attachment in item.attachments {
            guard let file = attachment.file else { continue }
            let path = AttachmentPath.normalized(file.value.hasPrefix("/") ? file.value : folder + "/" + file.value)
            guard allowed.contains(where: { AttachmentPath.isInside(path, $0) }) else {
                findings.append(Diagnostic(.attachmentOutsideFolder, file.range,
                    "the attachment \(file.value) lies outside the agenda's folder (\(folder)); move the file into that folder or below it and name it relative to the agenda, or list its folder in `attachmentFolders` in agendac.json"))
                continue
            }
            if !context.fileExists(URL(fileURLWithPath: path)) {
                findings.append(Diagnostic(.missingAttachmentFile, file.range,
                    "the attachment file \(file.value) does not exist (looked for \(path)); check the path or add the file"))
            }
        }
        return findings
    }
}

/// Paths compared as text, never by asking the file system.
enum AttachmentPath {
    /// `a/./b/../c` → `a/c`, `//x` → `/x`; `..` above the root stays at the root.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path.hasPrefix(folder + "/")
    }

    /// The folder of `agendac.json` and its `attachmentFolders`.
    static func extraFolders(_ settings: WorkspaceSettings?) -> [String] {
        guard let settings else { return [] }
        return ([settings.url.deletingLastPathComponent()] + settings.attachmentFolders).map { normalized($0.path) }
    }
}

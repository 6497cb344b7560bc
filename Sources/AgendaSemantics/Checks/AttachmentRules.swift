import AgendaBase
import Foundation

/// Attachments whose file does not exist, relative to the agenda file.
enum AttachmentRules {
    static func check(_ meeting: Meeting, context: CheckContext) -> [Diagnostic] {
        guard let fileURL = context.fileURL else { return [] }
        let folder = fileURL.deletingLastPathComponent()
        var findings: [Diagnostic] = []
        for item in meeting.items {
            for attachment in item.attachments {
                guard let file = attachment.file else { continue }
                let url = file.value.hasPrefix("/") ? URL(fileURLWithPath: file.value) : folder.appendingPathComponent(file.value)
                if !context.fileExists(url) {
                    findings.append(Diagnostic(.missingAttachmentFile, file.range,
                        "the attachment file \(file.value) does not exist (looked for \(url.standardizedFileURL.path)); check the path or add the file"))
                }
            }
        }
        return findings
    }
}

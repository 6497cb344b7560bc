/// The formats `agendac compile --to` produces.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, text, markdown, html

    /// The usual file extension, for tools that name output files.
    public var fileExtension: String {
        switch self {
        case .json: "json"
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        }
    }
}

/// Choices that change what is rendered, the same for every format.
public struct RenderOptions: Sendable {
    /// The public version (`--public`): closed items keep only number, title and
    /// the "Lukket punkt" marker, and attachments marked not public are left out.
    public var publicVersion: Bool
    /// How attachment files are linked from the page (HTML and Markdown).
    public var attachmentLinks: AttachmentLinks

    /// The house style the printed formats (text, Markdown, HTML) are written in; JSON is data and has none.
    public var style: HouseStyle

    /// PDF only: PDF/A-2a (archival, the archive keeps it) on top of PDF/UA-1. The other formats ignore it.
    public var archival: Bool

    public init(publicVersion: Bool = false, attachmentLinks: AttachmentLinks = AttachmentLinks(), style: HouseStyle = .standard, archival: Bool = false) {
        self.publicVersion = publicVersion
        self.attachmentLinks = attachmentLinks
        self.style = style
        self.archival = archival
    }
}

import AgendaSemantics

/// The one entry point of the output layer: a meeting in, a document out.
public enum AgendaRenderer {
    public static func render(_ meeting: Meeting, as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
        let style = options.style
        let shown = options.publicVersion ? PublicVersion.of(meeting, style: style) : meeting
        switch format {
        case .json: return JSONRenderer.document(shown, options: options).prettyPrinted()
        case .text: return ControlCharacters.visible(TextRenderer.render(shown, style: style))
        case .markdown: return ControlCharacters.visible(MarkdownRenderer.render(shown, links: options.attachmentLinks, style: style))
        case .html: return HTMLRenderer.render(shown, links: options.attachmentLinks, style: style)
        }
    }

    /// The public version of a meeting: what every `--public` output shows, as a model.
    public static func publicVersion(of meeting: Meeting, style: HouseStyle = .standard) -> Meeting {
        PublicVersion.of(meeting, style: style)
    }
}

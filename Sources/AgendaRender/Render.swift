import AgendaSemantics

/// The one entry point of the output layer: a meeting in, a document out.
public enum AgendaRenderer {
    public static func render(_ meeting: Meeting, as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
        let style = options.style
        let shown = options.publicVersion ? PublicVersion.of(meeting, style: style) : meeting
        switch format {
        case .json: return String(decoding: JSONRenderer.prettyPrinted(shown, options: options), as: UTF8.self)
        case .text: return ControlCharacters.visible(TextRenderer.render(shown, style: style))
        case .markdown: return ControlCharacters.visible(MarkdownRenderer.render(shown, links: options.attachmentLinks, style: style))
        case .html: return HTMLRenderer.render(shown, links: options.attachmentLinks, style: style)
        }
    }

    /// A meeting's HTML in pieces, for a page of a site (the archive's) that adds its own
    /// landmarks around it. The meeting is shown as given: pass a public version for the public.
    public static func htmlParts(_ meeting: Meeting, links: AttachmentLinks = AttachmentLinks(), style: HouseStyle = .standard) -> HTMLParts {
        HTMLRenderer.parts(meeting, links: links, style: style)
    }

    /// The house style's sheet for HTML pages, which `htmlParts` leaves to the site to link.
    public static func htmlStylesheet(_ style: HouseStyle = .standard) -> String {
        HTMLStyle.css(style.html)
    }

    /// Each item's anchor in the HTML (`punkt-3`; a repeated number `punkt-3-2`), in order.
    public static func itemAnchors(of meeting: Meeting) -> [String] {
        var names = AnchorNames()
        return meeting.items.map { names.next(for: $0.number) }
    }

    /// The public version of a meeting: what every `--public` output shows, as a model.
    public static func publicVersion(of meeting: Meeting, style: HouseStyle = .standard) -> Meeting {
        PublicVersion.of(meeting, style: style)
    }
}

import AgendaBase
import AgendaIDE

/// `textDocument/hover`: the IDE's Markdown and the range it describes.
/// It tells where else a case appears, so it waits for the workspace index.
enum HoverHandler {
    static let capability = Capability("hoverProvider", always: .bool(true))

    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        try context.whenIndexed(hover)
    }

    static func hover(_ context: HandlerContext) throws(ResponseError) -> JSON {
        let document = try context.document()
        let offset = try context.position(in: document)
        if StyleFileAssist.isStyleFile(document.uri) {
            guard let hover = StyleFileAssist.hover(document.source, at: offset) else { return .null }
            return .object([
                ("contents", context.markup(hover.markdown, markdownSupported: context.client.markdownHover)),
                ("range", document.positions.json(hover.range)),
            ])
        }
        guard let hover = Hover.hover(in: document.analysis, at: offset, context: context.ideContext(for: document)) else {
            return .null
        }
        return .object([
            ("contents", context.markup(hover.markdown, markdownSupported: context.client.markdownHover)),
            ("range", document.positions.json(hover.range)),
        ])
    }
}

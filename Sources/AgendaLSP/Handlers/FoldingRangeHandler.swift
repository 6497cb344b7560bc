import AgendaBase
import AgendaIDE

/// `textDocument/foldingRange`: whole lines, as every client can fold them.
enum FoldingRangeHandler {
    static let capability = Capability("foldingRangeProvider", always: .bool(true))

    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let ranges = FoldingRanges.ranges(in: document.analysis)
        return .result(.array(ranges.compactMap { folding in
            let start = document.positions.position(folding.range.lowerBound).line
            let end = document.positions.position(folding.range.upperBound).line
            guard end > start else { return nil }
            return .object([
                ("startLine", .int(start)),
                ("endLine", .int(end)),
                ("kind", .string(folding.kind == .comment ? "comment" : "region")),
            ])
        }))
    }
}

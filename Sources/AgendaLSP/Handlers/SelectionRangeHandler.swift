import AgendaBase
import AgendaIDE

/// `textDocument/selectionRange`: for each position, the IDE's ranges from the
/// innermost out, as the linked `parent` chain LSP wants.
enum SelectionRangeHandler {
    static let capability = Capability("selectionRangeProvider", always: .bool(true))

    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        guard let positions = context.params?["positions"]?.arrayValue else {
            throw ResponseError.invalidParams("positions must be an array of positions")
        }
        var result: [JSON] = []
        for position in positions {
            guard let offset = document.positions.offset(position) else {
                throw ResponseError.invalidParams("positions must hold {line, character} with non-negative integers")
            }
            // LSP wants one answer per position; where the IDE has none, the empty range at it
            let ranges = SelectionRanges.ranges(in: document.analysis, at: offset)
            var chain: JSON?
            for range in (ranges.isEmpty ? [offset..<offset] : ranges).reversed() {
                var members: [(String, JSON)] = [("range", document.positions.json(range))]
                if let parent = chain { members.append(("parent", parent)) }
                chain = .object(members)
            }
            result.append(chain ?? .null)
            try context.token.check()
        }
        return .result(.array(result))
    }
}

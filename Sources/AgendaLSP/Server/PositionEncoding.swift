import AgendaBase

/// The unit LSP positions count columns in, agreed in `initialize`.
public struct PositionEncoding: Sendable, Equatable {
    public var unit: ColumnUnit
    /// The name on the wire (`utf-8`, `utf-16`).
    public var name: String { unit.rawValue }

    public static let utf16 = PositionEncoding(unit: .utf16)
    public static let utf8 = PositionEncoding(unit: .utf8)

    /// The server picks from the client's list: UTF-8 when offered (our offsets
    /// are UTF-8 already, so it is the cheapest), else the mandatory UTF-16.
    public static func negotiate(clientOffers: [String]?) -> PositionEncoding {
        (clientOffers ?? []).contains(ColumnUnit.utf8.rawValue) ? .utf8 : .utf16
    }
}

/// Converts between byte offsets into one text and LSP positions and ranges.
/// Every conversion of the server goes through here, and through `SourceText`.
public struct LSPPositions: Sendable {
    public let source: SourceText
    public let encoding: PositionEncoding

    public init(_ source: SourceText, _ encoding: PositionEncoding) {
        self.source = source
        self.encoding = encoding
    }

    public func position(_ offset: Int) -> LineColumn {
        source.position(of: offset, unit: encoding.unit)
    }

    /// For many offsets in ascending order (tokens, findings): each counted on from the one before.
    public func cursor() -> PositionCursor {
        PositionCursor(source, unit: encoding.unit)
    }

    public func json(_ offset: Int) -> JSON {
        let position = position(offset)
        return .object([("line", .int(position.line)), ("character", .int(position.column))])
    }

    public func json(_ range: Range<Int>) -> JSON {
        .object([("start", json(range.lowerBound)), ("end", json(range.upperBound))])
    }

    /// The offset of an LSP `Position`; past-the-end lines and columns clamp.
    public func offset(_ position: JSON?) -> Int? {
        guard let line = position?["line"]?.intValue, let character = position?["character"]?.intValue,
              line >= 0, character >= 0 else { return nil }
        return source.offset(of: LineColumn(line: line, column: character), unit: encoding.unit)
    }

    /// The offsets of an LSP `Range`; a range given backwards is put in order.
    public func range(_ range: JSON?) -> Range<Int>? {
        guard let start = offset(range?["start"]), let end = offset(range?["end"]) else { return nil }
        return min(start, end)..<max(start, end)
    }
}

import AgendaBase
import AgendaSemantics

/// Prose blocks and inline markup as JSON. Each block and inline has a `type`;
/// text-bearing ones carry both the plain `text` and the structured `inlines`,
/// so simple consumers need not walk the markup.
enum JSONBlocks {
    static func blocks(_ blocks: [Block]) -> JSON {
        .array(blocks.map(block))
    }

    static func block(_ block: Block) -> JSON {
        switch block {
        case .paragraph(let content, _):
            return .object([("type", .string("paragraph")), ("text", .string(content.plainText)), ("inlines", inlines(content))])
        case .heading(let text, let level, _):
            return .object([("type", .string("heading")), ("text", .string(text)), ("level", .number(Double(level)))])
        case .list(let list):
            return .object([("type", .string("list")), ("ordered", .bool(list.ordered)), ("entries", .array(list.entries.map(entry)))])
        case .table(let table):
            return .object([
                ("type", .string("table")),
                ("hasHeader", .bool(table.hasHeader)),
                ("align", .array(table.alignments.map { $0.map { .string($0.rawValue) } ?? .null })),
                ("totalRow", .bool(table.hasTotalRow)),
                ("rows", .array(table.rows.map { row in .array(row.map { .string($0.plainText) }) })),
                ("rowInlines", .array(table.rows.map { row in .array(row.map(inlines)) })),
            ])
        }
    }

    static func entry(_ entry: ListEntry) -> JSON {
        .object([
            ("marker", .string(entry.marker)),
            ("text", .string(entry.text.plainText)),
            ("inlines", inlines(entry.text)),
            ("children", blocks(entry.children)),
        ])
    }

    /// JSON is data: a line break in the source is the soft wrap the language reads it as, a space.
    static func inlines(_ inlines: [Inline]) -> JSON {
        .array(inlines.joiningLines.map(inline))
    }

    static func inline(_ inline: Inline) -> JSON {
        switch inline {
        case .text(let text): .object([("type", .string("text")), ("text", .string(text))])
        case .strong(let inner): .object([("type", .string("strong")), ("inlines", inlines(inner))])
        case .emphasis(let inner): .object([("type", .string("emphasis")), ("inlines", inlines(inner))])
        case .link(let inner, let url): .object([("type", .string("link")), ("url", .string(url)), ("inlines", inlines(inner))])
        case .lineBreak: .object([("type", .string("text")), ("text", .string(" "))])
        }
    }

    /// A block as plain text, for `resolutionText`.
    static func plainText(_ block: Block) -> String { block.plainText }
}

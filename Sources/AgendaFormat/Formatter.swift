import AgendaBase
import AgendaSyntax

/// The formatter behind `agendac fmt` and the language server's formatting.
///
/// One canonical layout, reached in one pass (formatting twice changes nothing),
/// keeping every word and every comment:
///
/// - Keyword lines: the keyword in lowercase, in the spelling the author chose
///   (Danish or English, main or alternative spelling: only the case changes);
///   no space before the colon, exactly one after it (none when there is no
///   value); `punkt N: Titel` with the number as written; flags alone on the line.
/// - Blank lines: exactly one above every section keyword, `overskrift:`, `punkt`
///   and `underskrifter:`; none between a `punkt` line and the fields right
///   below it; at most one anywhere else; none at the start or end of the file.
///   Comments directly above a keyword line belong to it: the blank line goes above them.
/// - Lists: bullets are written `- ` (`* ` becomes `- `), numbers are kept as
///   written (`1.`, `4)`); a top-level list starts in column 1; what belongs to
///   an entry (continuation lines, nested lists, paragraphs, tables) stands at
///   the entry's content column, after the marker and one space: 2 spaces per
///   level for bullets, 3 under `1.`, 4 under `10.`.
/// - Tables: `| a | b |` with one space inside each pipe, cells padded so the
///   pipes align (widths in grapheme clusters: `æ`, `å` and an emoji count one);
///   a dash row becomes dashes across the column (at least 3), keeping any
///   alignment colon at either end.
/// - Prose is never re-wrapped: each line is only trimmed and moved to its
///   column (column 1 outside lists). An indented prose line that would read as
///   a keyword line in column 1 keeps its indentation (an escape `\` would
///   change what the fail-safe check of withholding flags reads).
/// - Comments keep their text; column 1 outside lists, the indentation of the
///   next list line inside one.
/// - No trailing whitespace, tabs in indentation become spaces, CRLF becomes LF,
///   and a non-empty file ends with exactly one newline.
///
/// Layout only: whatever compiles from the input compiles from the output
/// (`FormatMeaningTests`); where the model reads something `fmt` normalises
/// (trailing spaces, `*` bullets, a keyword's case, a table row's padding,
/// adjacent lists indented differently) it reads it normalised too.
///
/// Safety: the output is parsed again and must say the same as the input (same
/// keywords, blocks, nesting, words and comments; `DocumentShape`). Where the
/// canonical layout would change that, only the line-level rules are applied;
/// if even that would, the text is returned unchanged. A file that is not valid
/// UTF-8 (the bytes behind AG100) is never touched.
public enum Formatter {
    /// The whole document in the canonical layout. Text that is not valid UTF-8
    /// comes back decoded leniently; callers that write files check `canFormat` first.
    public static func format(_ source: SourceText) -> String {
        formattedLinesAndMode(source, recordingLines: false)?.lines.text ?? source.string
    }

    /// The formatted document as UTF-8, without a `String` between (for
    /// writing files); the text unchanged when it may not be touched.
    public static func formattedBytes(_ source: SourceText) -> [UInt8] {
        formattedLinesAndMode(source, recordingLines: false)?.lines.bytes ?? source.bytes
    }

    public static func format(_ text: String) -> String { format(SourceText(text)) }

    /// Whether the formatter may touch the text: false when it is not valid UTF-8.
    public static func canFormat(_ source: SourceText) -> Bool { source.isValidUTF8 }

    /// The edits that format the document (`range == nil`) or only the whole
    /// lines that `range` touches: one edit for each run of consecutive changed lines.
    public static func edits(_ source: SourceText, in range: Range<Int>? = nil) -> [TextEdit] {
        guard let formatted = formattedLines(source), !formatted.lineEnds.isEmpty else { return [] }
        let lines = touchedLines(range, in: source, lineCount: formatted.lineEnds.count)
        var edits: [TextEdit] = []
        var run: ClosedRange<Int>?
        func flush() {
            guard let changed = run else { return }
            let start = source.lineUnit(changed.lowerBound).lowerBound
            let end = source.lineUnit(changed.upperBound).upperBound
            edits.append(TextEdit(range: start..<end, replacement: changed.map(formatted.replacement(ofLine:)).joined()))
            run = nil
        }
        for line in lines {
            if formatted.isChanged(line) {
                run = (run?.lowerBound ?? line)...line
            } else {
                flush()
            }
        }
        flush()
        return edits
    }

    /// The first layout whose output reads like the input, or nil when none does
    /// (or the text is not UTF-8): then the text stays as it is.
    static func formattedLines(_ source: SourceText) -> FormattedLines? {
        formattedLinesAndMode(source)?.lines
    }

    /// Each layout is made from a fresh parse, and the output is parsed only to
    /// compare shapes: no two syntax trees are alive at once.
    static func formattedLinesAndMode(_ source: SourceText, recordingLines: Bool = true) -> (lines: FormattedLines, mode: LayoutMode)? {
        guard canFormat(source) else { return nil }
        var shape: DocumentShape?
        for mode in LayoutMode.allCases {
            let lines = layout(source, mode: mode, recordingLines: recordingLines, shape: &shape)
            if let shape, reads(lines.bytes, like: shape) { return (lines, mode) }
        }
        return nil
    }

    /// The document laid out in `mode`; `shape` is the input's, taken from the same parse when not yet known.
    private static func layout(_ source: SourceText, mode: LayoutMode, recordingLines: Bool, shape: inout DocumentShape?) -> FormattedLines {
        let document = Parser.parse(source)
        if shape == nil { shape = DocumentShape(document) }
        return DocumentLayout(document, plan: LinePlan(document), mode: mode).render(recordingLines: recordingLines)
    }

    private static func reads(_ output: [UInt8], like shape: DocumentShape) -> Bool {
        DocumentShape(Parser.parse(SourceText(bytes: output))) == shape
    }

    /// The lines a byte range touches; an empty range touches the line it stands in.
    static func touchedLines(_ range: Range<Int>?, in source: SourceText, lineCount: Int) -> ClosedRange<Int> {
        guard let range else { return 0...(lineCount - 1) }
        let first = min(source.lineIndex(range.lowerBound), lineCount - 1)
        let last = min(source.lineIndex(max(range.lowerBound, range.upperBound - 1)), lineCount - 1)
        return first...max(first, last)
    }
}

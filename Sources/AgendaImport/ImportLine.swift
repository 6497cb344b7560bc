/// One line of an existing agenda or minutes being imported, with where it
/// came from, so that every import finding can name its line in the source
/// a person can open (the text file, or `pdftotext -layout`'s output of a PDF).
///
/// The page cleaner (page furniture dropped, hyphenated words and paragraphs
/// broken across pages joined) and the recogniser (meeting header, items,
/// sections, decisions) both work on these.
public struct ImportLine: Sendable, Equatable {
    /// The line's text, without its line break.
    public var text: String
    /// The 1-based line in the source this line starts on.
    public var sourceLine: Int
    /// The 1-based page it was printed on, when the source had pages.
    public var page: Int?

    public init(text: String, sourceLine: Int, page: Int? = nil) {
        self.text = text
        self.sourceLine = sourceLine
        self.page = page
    }
}

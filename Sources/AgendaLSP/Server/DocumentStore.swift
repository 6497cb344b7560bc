import AgendaBase

/// A document the client has open: its text is the client's, not the disk's.
public struct OpenDocument: Sendable {
    /// The URI as the client spelled it; replies use this spelling.
    public var uri: String
    public var version: Int
    public var languageID: String
    public var analysis: AnalysisCell

    public var source: SourceText { analysis.source }
}

/// The open documents, keyed by canonical URI. Lives on the server's work
/// queue, so edits apply in the order the client sent them.
public struct DocumentStore: Sendable {
    private var documents: [String: OpenDocument] = [:]

    public init() {}

    public func document(_ uri: String) -> OpenDocument? {
        documents[DocumentURI.canonical(uri)]
    }

    public var all: [OpenDocument] { Array(documents.values) }

    public mutating func store(_ document: OpenDocument) {
        documents[DocumentURI.canonical(document.uri)] = document
    }

    @discardableResult
    public mutating func close(_ uri: String) -> OpenDocument? {
        documents.removeValue(forKey: DocumentURI.canonical(uri))
    }
}

/// Applies `didChange` content changes: each either replaces a range or, without
/// a range, the whole text. Changes apply in order, each to the result of the last.
public enum ContentChanges {
    public static func apply(_ changes: [JSON], to source: SourceText, encoding: PositionEncoding) throws(ResponseError) -> SourceText {
        try edits(changes, to: source, encoding: encoding).source
    }

    /// The new text, and the changes as byte edits, each in the text the one before left
    /// (for `IncrementalAnalysis`).
    public static func edits(_ changes: [JSON], to source: SourceText, encoding: PositionEncoding) throws(ResponseError) -> (source: SourceText, edits: [TextEdit]) {
        var current = source
        var edits: [TextEdit] = []
        for change in changes {
            guard let text = change["text"]?.stringValue else {
                throw ResponseError.invalidParams("a content change without text")
            }
            guard let rangeJSON = change["range"] else {
                edits.append(TextEdit(range: 0..<current.bytes.count, replacement: text))
                current = SourceText(text)
                continue
            }
            guard let range = LSPPositions(current, encoding).range(rangeJSON) else {
                throw ResponseError.invalidParams("a content change with an unreadable range")
            }
            edits.append(TextEdit(range: range, replacement: text))
            current = current.replacing(range, with: Array(text.utf8))
        }
        return (current, edits)
    }
}

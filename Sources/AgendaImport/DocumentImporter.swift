import AgendaBase
import AgendaFormat

/// `agendac import`: existing agendas and minutes, as lines of text, read
/// into the language. The recogniser (`Recognizer`) finds the genre's parts;
/// what it cannot place is kept as prose near where it stood and reported.
public enum DocumentImporter {
    /// The document in the language, formatted as `agendac fmt` writes it, and the report.
    /// `fileName` names the original in the report and in a comment at the top.
    public static func importDocument(_ lines: [ImportLine], fileName: String) -> ImportResult {
        var recognizer = Recognizer(lines: lines, fileName: fileName)
        recognizer.run()
        let source = recognizer.draft.source(fileName: fileName)
        return ImportResult(source: Formatter.format(source), report: recognizer.report)
    }

    /// A text or Markdown-flavoured text file's contents, imported.
    public static func importText(_ text: String, fileName: String) -> ImportResult {
        importDocument(ImportLine.lines(ofText: text), fileName: fileName)
    }
}

import AgendaBase
import AgendaFormat
import AgendaSemantics

/// `agendac import`: existing agendas and minutes, as lines of text, read
/// into the language. The recogniser (`Recognizer`) finds the genre's parts;
/// what it cannot place is kept as prose near where it stood and reported.
public enum DocumentImporter {
    /// The document in the language, formatted as `agendac fmt` writes it, and the report.
    /// `fileName` names the original in the report and in a comment at the top.
    /// `caseNumberPatterns` are the forms the workspace's settings name, read as
    /// case numbers beside the checker's own; others in a case number's place are
    /// kept too, and their forms reported (`ImportReport.caseNumberForms`).
    public static func importDocument(_ lines: [ImportLine], fileName: String, caseNumberPatterns: [CaseNumberPattern] = []) -> ImportResult {
        var recognizer = Recognizer(lines: lines, fileName: fileName, caseNumberPatterns: caseNumberPatterns)
        recognizer.run()
        let source = recognizer.draft.source(fileName: fileName)
        return ImportResult(source: Formatter.format(source), report: recognizer.report)
    }

    /// A text or Markdown-flavoured text file's contents, imported.
    public static func importText(_ text: String, fileName: String) -> ImportResult {
        importDocument(ImportLine.lines(ofText: text), fileName: fileName)
    }
}

import AgendaBase
import AgendaImport
import AgendaSemantics
import Foundation
import Testing

/// How `agendac import` tells a case number in a form the checker reads only
/// from the settings: `Tests/Fixtures/case-number-forms/forms.tsv` lists
/// values and the form reported (or `-`: no case number).
@Suite struct CaseNumberFormTests {
    static func rows() -> [(value: String, form: String?)] {
        let table = Golden.read(Golden.fixtures.appendingPathComponent("case-number-forms/forms.tsv"))
        return table.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == 2 else { return nil }
            return (String(cells[0]), cells[1] == "-" ? nil : String(cells[1]))
        }
    }

    @Test func eachValueHasTheFormOfTheTable() {
        let rows = Self.rows()
        #expect(rows.count >= 15)
        for row in rows {
            let lines = ImportLine.lines(ofText: "Økonomiudvalget\nMødedato: 05.02.2025\n\nPkt. 1  Anlægsbevilling\n\(row.value)\nBeslutning:\nGodkendt.\n")
            let report = DocumentImporter.importDocument(lines, fileName: "x.txt").report
            #expect(report.caseNumberForms == (row.form.map { [$0] } ?? []), "\(row.value)")
        }
    }

    /// The form reported is one the settings read back, and the value matches it.
    @Test func theReportedFormMatchesItsValue() {
        for row in Self.rows() {
            guard let form = row.form else { continue }
            #expect(CaseNumberPattern(form).matches(row.value), "\(row.value) does not match \(form)")
        }
    }

    @Test func runsOfOtherLengthsBecomeARunningNumber() {
        #expect(CaseNumberForm.merged(["yyyy-nnnnnn", "yyyy-nnnnn", "nn.nn"]) == ["yyyy-n", "nn.nn"])
        #expect(CaseNumberForm.merged(["yyyy-nnnnnn", "yyyy-nnnnnn"]) == ["yyyy-nnnnnn"])
    }

    /// With the settings naming the form, the number is read as any other, and nothing is reported.
    @Test func aFormTheSettingsNameIsReadWithoutAReport() {
        let text = "Økonomiudvalget\nMødedato: 05.02.2025\n\nPkt. 1  Anlægsbevilling\nBeslutning:\nGodkendt.\n\nPkt. 2  Haraldslund\nSagsnr.: 2024-012345\nBeslutning:\nGodkendt.\n"
        let plain = DocumentImporter.importDocument(ImportLine.lines(ofText: text), fileName: "x.txt")
        #expect(plain.report.caseNumberForms == ["yyyy-nnnnnn"])
        let withSettings = DocumentImporter.importDocument(ImportLine.lines(ofText: text), fileName: "x.txt",
                                                           caseNumberPatterns: [CaseNumberPattern("yyyy-nnnnnn")])
        #expect(withSettings.report.caseNumberForms.isEmpty)
        #expect(withSettings.source.contains("sagsnr: 2024-012345"))
    }

    /// The settings written name the checker's own forms too, since the list replaces them.
    @Test func theSettingsWrittenKeepTheBuiltInForms() throws {
        let json = try JSON.parse(Array(CaseNumberForm.settingsJSON(["yyyy-nnnnnn"]).utf8))
        guard case .success(let settings) = WorkspaceSettings.parse(json, url: URL(fileURLWithPath: "/x/agendac.json")) else {
            Issue.record("the settings written do not load")
            return
        }
        for value in ["2024-012345", "15.00.00-A00-9-26", "21/24526"] {
            #expect(settings.caseNumberPatterns.contains { $0.matches(value) }, "\(value)")
        }
    }
}

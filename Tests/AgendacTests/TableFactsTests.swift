import AgendaSemantics
import Testing

/// What counts as a number and as a total when a table is read (the forms
/// Grammar/LANGUAGE.md lists under "Table").
@Suite struct TableFactsTests {
    @Test(arguments: ["12", "-3,4", "+2,5", "−0,8", "1.250,5", "539.000 kr.", "kr. 539.000", "12 %", "12%", "1,5 pct.",
                      "100,-", "2,5 mio. kr.", "1.000.000", "0", "2026"])
    func danishNumbers(_ text: String) {
        #expect(TableFacts.isNumber(text))
    }

    @Test(arguments: ["1.25", "1,250.5", "12.34.567", "ny", "2026-05-04", "21/24526", "3 stk.", "kr.", "%", "-", ",5", "1,", "12 % kr. mio."])
    func notNumbers(_ text: String) {
        #expect(!TableFacts.isNumber(text))
    }

    @Test func aColumnOfNumbersMayHaveEmptyAndDashCells() {
        #expect(TableFacts.isNumberColumn(["12", "", "–", "-", "1.250,5"]))
        #expect(!TableFacts.isNumberColumn(["", "-"]))
        #expect(!TableFacts.isNumberColumn(["12", "ny"]))
    }

    @Test(arguments: ["I alt", "i alt", "I  alt", "Total", "Totalt", "Samlet", "Samlet: alle poster", "Sum", "I alt 2026"])
    func totalLabels(_ text: String) {
        #expect(TableFacts.isTotalLabel(text))
    }

    @Test(arguments: ["Ialt", "Totalomkostninger", "Samletid", "Alt i alt", ""])
    func notTotalLabels(_ text: String) {
        #expect(!TableFacts.isTotalLabel(text))
    }
}

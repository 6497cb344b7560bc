import AgendaImport
import Foundation
import Testing

/// The importer on pathological text, at n and 4n: linear passes take about
/// 4 times as long on the larger input, quadratic ones 16 times. Only the ratio
/// is asserted, so a busy machine does not fail the test.
@Suite(.serialized) struct ImportLinearityTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let size: Int
        let generate: @Sendable (Int) -> String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "lines of one item's text", size: 5_000) { n in
            "REFERAT Udvalget d. 04-05-2026\n\nPunkt 1: Sag\n\nSagsfremstilling\n\n" + LinearityTests.repeated(n) { "Linje \($0) i sagen.\n\n" }
        },
        Case(name: "items with absentees and votes", size: 1_000) { n in
            "REFERAT Udvalget d. 04-05-2026\n\n" + LinearityTests.repeated(n) {
                "Punkt \($0 + 1): Sag\n\n15.00.00-A00-1-26\n\nBeslutning\n\nFor: 2 (A, V)\nFraværende: Person \($0) (A)\n\n"
            }
        },
        Case(name: "a contents list and its items", size: 1_000) { n in
            "REFERAT Udvalget d. 04-05-2026\n\nIndholdsfortegnelse\n\n" + LinearityTests.repeated(n) { "Sag nummer \($0).....\t\($0 % 900 + 1)\n" }
                + "\n" + LinearityTests.repeated(n) { "Punkt \($0 + 1): Sag nummer \($0)\n\nResume\n\nTekst.\n\n" }
        },
        Case(name: "one long line", size: 400_000) { n in
            "REFERAT Udvalget d. 04-05-2026\n\nPunkt 1: Sag\n\nResume\n\n" + String(repeating: "ord **fed** ", count: n / 12) + "\n"
        },
        Case(name: "a table of many rows", size: 2_000) { n in
            "Punkt 1: Sag\n\nØkonomi\n\n" + LinearityTests.repeated(n) { "Række \($0)\t\($0)\t\($0 * 2)\n" }
        },
    ]

    static func time(_ text: String) -> Double {
        let lines = ImportLine.lines(ofText: text)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = DocumentImporter.importDocument(lines, fileName: "x.txt")
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(!result.source.isEmpty)
        return elapsed
    }

    @Test(arguments: cases)
    func importGrowsLinearly(_ testCase: Case) {
        let small = testCase.generate(testCase.size), large = testCase.generate(testCase.size * 4)
        _ = Self.time(small)  // warm up the tables read on first use
        let smallTime = max(Self.time(small), 0.002), largeTime = Self.time(large)
        let ratio = largeTime / smallTime
        print("import linearity \(testCase.name): \(String(format: "%.3f", smallTime)) s → \(String(format: "%.3f", largeTime)) s (×\(String(format: "%.1f", ratio)))")
        #expect(ratio < 9, "\(testCase.name): 4 times the input took \(ratio) times as long")
    }

    /// 10⁵ lines, and one line of 10 MB: imported, nothing lost, in time linear in their size.
    @Test func aHundredThousandLinesAndATenMegabyteLine() {
        let manyLines = "Punkt 1: Sag\n\nSagsfremstilling\n\n" + LinearityTests.repeated(100_000) { "Linje \($0)\n" }
        let result = DocumentImporter.importDocument(ImportLine.lines(ofText: manyLines), fileName: "many.txt")
        #expect(result.source.contains("Linje 99999"))
        #expect(result.report.items == 1)
        let longLine = "Punkt 1: Sag\n\nResume\n\n" + String(repeating: "ordet ", count: 10_000_000 / 6) + "\n"
        let long = DocumentImporter.importDocument(ImportLine.lines(ofText: longLine), fileName: "long.txt")
        #expect(long.source.utf8.count > 10_000_000)
        #expect(long.report.wordsInProse == 10_000_000 / 6)
    }
}

import AgendaSearch
import Foundation
import Testing

/// The Snowball Danish stemmer against PostgreSQL's `danish_stem`: every word of
/// the samples and seed minutes, as `Tests/search/postgres.sh` asked PostgreSQL
/// (that script, run by scripts/test, proves the file is still its answer).
struct DanishStemmerTests {
    @Test func stemsEveryWordOfTheSamplesAsPostgreSQLDoes() {
        let file = Golden.fixtures.appendingPathComponent("search/danish-stems.tsv")
        let lines = Golden.read(file).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 1500, "danish-stems.tsv holds too few words; regenerate it with Tests/search/postgres.sh --update")
        var wrong: [String] = []
        for line in lines {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 2 else { Issue.record("malformed line: \(line)"); continue }
            let word = String(columns[0]), expected = String(columns[1])
            #expect(word.lowercased() == word, "PostgreSQL's lower() and Swift's differ on \(word)")
            let actual = DanishStemmer.stopWords.contains(word) ? "" : DanishStemmer.stem(word)
            if actual != expected { wrong.append("\(word): PostgreSQL \(expected), ours \(actual)") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) words stem differently:\n\(wrong.prefix(20).joined(separator: "\n"))")
    }

    /// The sample vocabulary published with the algorithm.
    @Test func stemsTheSnowballSampleVocabulary() {
        let file = Golden.fixtures.appendingPathComponent("search/snowball-vocabulary.tsv")
        let pairs = Golden.read(file).split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t") }
        #expect(pairs.count == 80)
        for pair in pairs where pair.count == 2 {
            #expect(DanishStemmer.stem(String(pair[0])) == String(pair[1]), "\(pair[0])")
        }
    }

    @Test func keepsShortWordsAndOddInput() {
        #expect(DanishStemmer.stem("") == "")
        #expect(DanishStemmer.stem("es") == "es")
        #expect(DanishStemmer.stem("børnehaver") == DanishStemmer.stem("børnehave"))
        #expect(DanishStemmer.stem("løst") == "løst")
        #expect(DanishStemmer.stem("forløst") == "forløs")
        #expect(DanishStemmer.stem("\u{0338}\u{0338}ss") == "\u{0338}\u{0338}ss")
    }
}

import AgendaBase
import AgendaSyntax
import Foundation
import Testing

/// The keyword table is the one source of truth; the grammars and the reference follow it.
@Suite struct GrammarConsistencyTests {
    static let grammar = Golden.packageRoot.appendingPathComponent("Grammar")

    @Test func textMateGrammarNamesEveryKeyword() {
        let tmLanguage = Golden.read(Self.grammar.appendingPathComponent("agenda.tmLanguage.json")).lowercased()
        for keyword in Keyword.allCases {
            for spelling in keyword.spellings {
                // multi-word keywords may be written with \s+ between the words
                let pattern = spelling.lowercased().replacingOccurrences(of: " ", with: "\\\\s+")
                #expect(tmLanguage.contains(spelling.lowercased()) || tmLanguage.contains(pattern),
                        "agenda.tmLanguage.json lacks `\(spelling)`")
            }
        }
    }

    /// The other spellings (`resumé`, `beslutninger`) are highlighted, in the grammar and documented.
    @Test func everyVariantIsInTheGrammarsAndTheReference() {
        let tmLanguage = Golden.read(Self.grammar.appendingPathComponent("agenda.tmLanguage.json")).lowercased()
        let ebnf = Golden.read(Self.grammar.appendingPathComponent("agenda.ebnf")).lowercased()
        let reference = Golden.read(Self.grammar.appendingPathComponent("LANGUAGE.md")).lowercased()
        for keyword in Keyword.allCases {
            for variant in keyword.variants {
                let written = variant.written.lowercased()
                let pattern = written.replacingOccurrences(of: ".", with: "\\\\.?")
                #expect(tmLanguage.contains(written) || tmLanguage.contains(pattern), "agenda.tmLanguage.json lacks `\(written)`")
                #expect(ebnf.contains("\"\(written)\""), "agenda.ebnf lacks `\(written)`")
                #expect(reference.contains("`\(written):`"), "LANGUAGE.md lacks `\(written):`")
                #expect(keyword.spellings.contains(variant.spelling), "`\(written)` names `\(variant.spelling)`, not a spelling of \(keyword)")
            }
        }
    }

    @Test func vsCodeCarriesTheSameGrammar() {
        let original = Golden.bytes(Self.grammar.appendingPathComponent("agenda.tmLanguage.json"))
        let copy = Golden.bytes(Golden.packageRoot.appendingPathComponent("editors/vscode/syntaxes/agenda.tmLanguage.json"))
        #expect(!original.isEmpty && original == copy, "editors/vscode/syntaxes/agenda.tmLanguage.json must be a copy of Grammar/agenda.tmLanguage.json")
    }

    @Test func ebnfAndReferenceNameEveryKeyword() {
        let ebnf = Golden.read(Self.grammar.appendingPathComponent("agenda.ebnf")).lowercased()
        let reference = Golden.read(Self.grammar.appendingPathComponent("LANGUAGE.md")).lowercased()
        for keyword in Keyword.allCases {
            for spelling in keyword.spellings {
                #expect(ebnf.contains(spelling.lowercased()), "agenda.ebnf lacks `\(spelling)`")
                #expect(reference.contains(spelling.lowercased()), "LANGUAGE.md lacks `\(spelling)`")
            }
        }
    }

    /// Every ```agenda example in the reference parses without syntax errors.
    @Test func referenceExamplesParse() {
        let reference = Golden.read(Self.grammar.appendingPathComponent("LANGUAGE.md"))
        var examples: [String] = []
        var current: [Substring]?
        for line in reference.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```agenda") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                examples.append((current ?? []).joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        #expect(examples.count >= 20, "the reference should show every construct by example")
        for example in examples {
            let errors = Parser.parse(example).diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "example fails to parse: \(errors.map(\.message))\n\(example)")
        }
    }
}

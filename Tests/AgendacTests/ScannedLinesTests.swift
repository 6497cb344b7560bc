import AgendaBase
@testable import AgendaSyntax
import Foundation
import Testing

/// `ScannedLines` keeps one byte a line and reads each line's kind again from
/// its bytes; what it gives back must be exactly what the scanner decided
/// (and, for a numbered line the parser read as wrapped prose, that prose).
@Suite struct ScannedLinesTests {
    static let tricky = """
        møde: Byrådet
        punkt 1: Første   \t
          - et punkt  \t
          1. nummer\t
        \\- escaped  
        \\punkt 2: ikke et punkt
        Sagen blev behandlet den 12.
        3. marts og vedtaget.
        1234567. for langt
        |a|b|  
        // kommentar
        \t \r
        resume:
        tekst\r\n  4) x\r\rbeslutning: Godkendt
        underskrifter:
        - Anna
        """

    /// Every line as the scanner classifies it, one at a time.
    static func classified(_ source: SourceText) -> [LineKind] {
        var scanner = LineScanner(source: source)
        var belowText = false
        return (0..<source.lineCount).map { index in
            let kind = scanner.classify(source.lineRange(index), belowText: belowText)
            belowText = LineScanner.belowText(after: kind, belowText)
            return kind
        }
    }

    static func texts() -> [(String, SourceText)] {
        var texts = [("tricky", SourceText(Self.tricky))]
        for url in Golden.sampleFiles() + Golden.inputs("parser") {
            texts.append((url.lastPathComponent, SourceText(Golden.read(url))))
        }
        return texts
    }

    @Test("every line reads back as the scanner classified it")
    func readBackEqualsTheScanner() {
        for (name, source) in Self.texts() {
            var scanner = LineScanner(source: source)
            let lines = scanner.scan()
            let expected = Self.classified(source)
            #expect(lines.count == source.lineCount, "\(name)")
            for index in lines.indices where lines[index] != ScannedLine(range: source.lineRange(index), kind: expected[index]) {
                Issue.record("\(name) line \(index + 1): \(lines[index].kind) read back, \(expected[index]) scanned")
            }
        }
    }

    @Test("a numbered line the parser reads as wrapped prose keeps its marker as text")
    func listEntryReadAsProse() {
        let source = SourceText(Self.tricky)
        let syntax = Parser.parse(source)
        let wrapped = (0..<source.lineCount).first { source.text(source.lineRange($0)).hasPrefix("3. marts") }
        guard let wrapped else { Issue.record("no wrapped line in the text"); return }
        let range = source.lineRange(wrapped)
        #expect(syntax.lines[wrapped].kind == .prose(indent: 0, content: range))
    }

    @Test("a segment's lines are the document's lines from its first line on")
    func segmentsAgreeWithTheDocument() {
        for (name, source) in Self.texts() {
            let document = Parser.parse(source)
            for segment in Parser.parseSegments(source, lines: 0..<source.lineCount) {
                #expect(segment.lines.firstLine == segment.firstLine, "\(name)")
                for index in segment.lines.indices {
                    let line = segment.firstLine + index
                    #expect(segment.lines[index] == document.lines[line], "\(name) line \(line + 1)")
                }
            }
            var scanner = LineScanner(source: source)
            let all = scanner.scan()
            let middle = all.count / 2
            let tail = all.extracting(middle..<all.count)
            #expect(tail.firstLine == middle)
            #expect(tail.count == all.count - middle)
            for index in tail.indices { #expect(tail[index] == all[middle + index], "\(name)") }
            #expect(all.extracting(all.count..<(all.count + 5)).isEmpty)
        }
    }
}

import AgendaBase
@testable import AgendaLSP
import Foundation
import Testing

/// Positions in both negotiated encodings, with æøå (2 bytes, 1 UTF-16 unit)
/// and an emoji outside the BMP (4 bytes, 2 UTF-16 units); clamping; applying
/// incremental edits; `file:` URIs with Danish letters.
@Suite struct LSPPositionTests {
    // byte offsets:   æ0 ø2 å4 ' '6 😀7 ' '11 x12 ' '13 y14 \n15
    // UTF-16 columns: æ0 ø1 å2 ' '3 😀4 ' '6 x7  ' '8  y9  end10
    static let text = SourceText("æøå 😀 x y\nlinje 2\r\nsidste")
    static let xOffset = 12

    static func position(_ line: Int, _ character: Int) -> JSON {
        .object([("line", .int(line)), ("character", .int(character))])
    }

    @Test func encodingIsNegotiated() {
        #expect(PositionEncoding.negotiate(clientOffers: nil) == .utf16)
        #expect(PositionEncoding.negotiate(clientOffers: []) == .utf16)
        #expect(PositionEncoding.negotiate(clientOffers: ["utf-16"]) == .utf16)
        #expect(PositionEncoding.negotiate(clientOffers: ["utf-32", "utf-16", "utf-8"]) == .utf8)
        #expect(PositionEncoding.utf8.name == "utf-8" && PositionEncoding.utf16.name == "utf-16")
    }

    @Test func offsetsBecomePositionsInEitherUnit() {
        let utf16 = LSPPositions(Self.text, .utf16)
        let utf8 = LSPPositions(Self.text, .utf8)
        #expect(utf16.json(Self.xOffset) == Self.position(0, 7))   // æøå=3, space, 😀=2, space
        #expect(utf8.json(Self.xOffset) == Self.position(0, 12))
        #expect(utf16.json(11) == Self.position(0, 6))
        #expect(utf16.json(16) == Self.position(1, 0))
        #expect(utf16.json(Self.text.bytes.count) == Self.position(2, 6))
    }

    @Test func positionsBecomeOffsetsInEitherUnit() {
        #expect(LSPPositions(Self.text, .utf16).offset(Self.position(0, 7)) == Self.xOffset)
        #expect(LSPPositions(Self.text, .utf8).offset(Self.position(0, 12)) == Self.xOffset)
        #expect(LSPPositions(Self.text, .utf16).offset(Self.position(0, 1)) == 2)   // after æ
        #expect(LSPPositions(Self.text, .utf8).offset(Self.position(0, 2)) == 2)
    }

    @Test func positionsRoundTripAtEveryCharacter() {
        for encoding in [PositionEncoding.utf8, .utf16] {
            let positions = LSPPositions(Self.text, encoding)
            var offset = 0
            while offset <= Self.text.bytes.count {
                // between \r and \n is no place for a cursor; it clamps to before the \r
                let insideLineBreak = offset > 0 && offset < Self.text.bytes.count && Self.text.bytes[offset - 1] == 0x0D
                #expect(insideLineBreak || positions.offset(positions.json(offset)) == offset, "\(encoding.name) offset \(offset)")
                offset += offset < Self.text.bytes.count ? UTF8Sequence.length(leadingByte: Self.text.bytes[offset]) : 1
            }
        }
    }

    @Test func positionsPastTheEndClampAndSplitCharactersDoNot() {
        let utf16 = LSPPositions(Self.text, .utf16)
        let utf8 = LSPPositions(Self.text, .utf8)
        #expect(utf16.offset(Self.position(0, 999)) == 15, "to the end of the line, before the newline")
        #expect(utf16.offset(Self.position(1, 99)) == 23, "before \\r\\n")
        #expect(utf16.offset(Self.position(99, 0)) == Self.text.bytes.count)
        #expect(utf16.offset(Self.position(0, 5)) == 7, "between the emoji's surrogates: before the emoji")
        #expect(utf8.offset(Self.position(0, 9)) == 7, "inside the emoji's bytes: before the emoji")
        #expect(utf8.offset(Self.position(0, 1)) == 0, "inside æ: before it")
        #expect(utf16.offset(Self.position(-1, 0)) == nil)
        #expect(utf16.offset(.object([("line", .int(0))])) == nil)
        #expect(utf16.range(.object([("start", Self.position(0, 7)), ("end", Self.position(0, 4))])) == 7..<12, "backwards ranges are put in order")
    }

    // MARK: - Content changes

    static func change(_ start: (Int, Int), _ end: (Int, Int), _ text: String) -> JSON {
        .object([("range", .object([("start", position(start.0, start.1)), ("end", position(end.0, end.1))])), ("text", .string(text))])
    }

    @Test func incrementalChangesInUTF16() throws {
        let changed = try ContentChanges.apply([Self.change((0, 7), (0, 8), "ø🎉")], to: Self.text, encoding: .utf16)
        #expect(changed.string == "æøå 😀 ø🎉 y\nlinje 2\r\nsidste")
        // the next change is counted in the text after the first
        let twice = try ContentChanges.apply([Self.change((0, 7), (0, 8), "ø🎉"), Self.change((0, 8), (0, 10), "!")], to: Self.text, encoding: .utf16)
        #expect(twice.string == "æøå 😀 ø! y\nlinje 2\r\nsidste")
    }

    @Test func incrementalChangesInUTF8() throws {
        let changed = try ContentChanges.apply([Self.change((0, 12), (0, 13), "z")], to: Self.text, encoding: .utf8)
        #expect(changed.string == "æøå 😀 z y\nlinje 2\r\nsidste")
    }

    @Test func changesAcrossLinesInsertionsAndClampedEnds() throws {
        let joined = try ContentChanges.apply([Self.change((0, 10), (1, 5), "")], to: Self.text, encoding: .utf16)
        #expect(joined.string == "æøå 😀 x y 2\r\nsidste")
        let appended = try ContentChanges.apply([Self.change((2, 99), (2, 99), "\npunkt 1: Nyt")], to: Self.text, encoding: .utf16)
        #expect(appended.string.hasSuffix("sidste\npunkt 1: Nyt"))
        let inserted = try ContentChanges.apply([Self.change((1, 0), (1, 0), "// ")], to: Self.text, encoding: .utf16)
        #expect(inserted.lineCount == 3 && inserted.text(inserted.lineRange(1)) == "// linje 2")
    }

    @Test func fullTextChangesReplaceEverything() throws {
        let replaced = try ContentChanges.apply([.object([("text", .string("ny tekst"))]), Self.change((0, 0), (0, 2), "N")], to: Self.text, encoding: .utf16)
        #expect(replaced.string == "N tekst")
    }

    @Test func unreadableChangesAreRefused() {
        #expect(throws: ResponseError.self) { try ContentChanges.apply([.object([("range", .null)])], to: Self.text, encoding: .utf16) }
        #expect(throws: ResponseError.self) { try ContentChanges.apply([.object([("range", .string("x")), ("text", .string(""))])], to: Self.text, encoding: .utf16) }
    }

    // MARK: - URIs

    @Test func fileURIsWithDanishLettersRoundTrip() {
        let path = "/tmp/Møder æøå/Referat #1 100%.agenda"
        let uri = DocumentURI.uri(forPath: path)
        #expect(uri == "file:///tmp/M%C3%B8der%20%C3%A6%C3%B8%C3%A5/Referat%20%231%20100%25.agenda")
        #expect(DocumentURI.path(of: uri) == path)
        #expect(DocumentURI.fileURL(of: uri)?.path == path)
    }

    @Test func clientSpellingsOfTheSameFileAreOneDocument() {
        let encoded = "file:///tmp/m%C3%B8de.agenda"
        let lowercaseEscapes = "file:///tmp/m%c3%b8de.agenda"
        let raw = "file:///tmp/møde.agenda"
        let localhost = "file://localhost/tmp/møde.agenda"
        #expect(Set([encoded, lowercaseEscapes, raw, localhost].map(DocumentURI.canonical)).count == 1)
        #expect(DocumentURI.path(of: raw) == "/tmp/møde.agenda")
    }

    @Test func otherURIsAreNotFiles() {
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
        #expect(DocumentURI.path(of: "file://server/share/a.agenda") == nil)
        #expect(DocumentURI.path(of: "file:///tmp/bad%G1.agenda") == nil)
        #expect(DocumentURI.path(of: "file:///tmp/%FF.agenda") == nil, "not UTF-8")
        #expect(DocumentURI.canonical("untitled:Untitled-1") == "untitled:Untitled-1")
    }
}

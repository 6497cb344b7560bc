import AgendaBase
@testable import AgendaLSP
import Foundation
import Testing

/// The base protocol: `Content-Length` framing survives any byte stream, and
/// JSON-RPC 2.0 validation sorts messages into requests, notifications,
/// responses and the errors -32700 / -32600.
@Suite struct LSPFramingTests {
    static func frame(_ body: String) -> [UInt8] { Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }

    /// Feeds `bytes` in chunks of `chunk` and collects every event, including those at the end of input.
    static func events(_ bytes: [UInt8], chunk: Int = .max) -> [FrameEvent] {
        var decoder = FrameDecoder()
        var events: [FrameEvent] = []
        var index = 0
        while index < bytes.count {
            let end = min(bytes.count, index + max(1, min(chunk, bytes.count)))
            decoder.append(bytes[index..<end])
            while let event = decoder.next() { events.append(event) }
            index = end
        }
        while let event = decoder.next(atEndOfInput: true) { events.append(event) }
        return events
    }

    static func message(_ body: String) -> FrameEvent { .message(Array(body.utf8)) }

    static func isMalformed(_ event: FrameEvent) -> Bool {
        if case .malformed = event { return true }
        return false
    }

    @Test func oneMessage() {
        #expect(Self.events(Self.frame("{\"a\":1}")) == [Self.message("{\"a\":1}")])
    }

    @Test func messagesSplitAtEveryByte() {
        let bytes = Self.frame("{\"a\":\"æøå 😀\"}") + Self.frame("[]") + Self.frame("{}")
        #expect(Self.events(bytes, chunk: 1) == [Self.message("{\"a\":\"æøå 😀\"}"), Self.message("[]"), Self.message("{}")])
    }

    @Test func otherHeadersAndAnyCaseAreAccepted() {
        let bytes = Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8)
        let typeFirst = Array("Content-Type: application/vscode-jsonrpc\r\nCONTENT-LENGTH:2\r\n\r\n[]".utf8)
        #expect(Self.events(bytes) == [Self.message("{}")])
        #expect(Self.events(typeFirst) == [Self.message("[]")])
    }

    @Test func garbageBlockBeforeAMessageCostsOneError() {
        let events = Self.events(Array("hello there\r\n\r\n".utf8) + Self.frame("{}"))
        #expect(events.count == 2)
        #expect(events.first.map(Self.isMalformed) == true)
        #expect(events.last == Self.message("{}"))
    }

    @Test func garbageGluedToAHeaderIsSkipped() {
        for chunk in [1, 3, 1000] {
            let events = Self.events(Array("xyz{not json".utf8) + Self.frame("{}") + Self.frame("[1]"), chunk: chunk)
            #expect(events.count == 3, "chunk \(chunk)")
            #expect(events.first.map(Self.isMalformed) == true)
            #expect(Array(events.dropFirst()) == [Self.message("{}"), Self.message("[1]")])
        }
    }

    @Test func unreadableContentLengthIsReportedAndSkipped() {
        for header in ["Content-Length: abc", "Content-Length: -4", "Content-Length: 99999999999999999999", "Content-Type: text/plain", "Content-Length: 12 34"] {
            let events = Self.events(Array("\(header)\r\n\r\n".utf8) + Self.frame("{}"))
            #expect(events.count == 2, "\(header)")
            #expect(events.first.map(Self.isMalformed) == true, "\(header)")
            #expect(events.last == Self.message("{}"), "\(header)")
        }
    }

    @Test func endOfInputInsideAMessageIsReportedOnce() {
        let truncatedBody = Array(Self.frame("{\"long\":true}").dropLast(3))
        let truncatedHeader = Array("Content-Len".utf8)
        #expect(Self.events(truncatedBody).count == 1)
        #expect(Self.events(truncatedBody).allSatisfy(Self.isMalformed))
        #expect(Self.events(truncatedHeader).allSatisfy(Self.isMalformed))
        #expect(Self.events(Array("\r\n\r\n".utf8)).isEmpty, "blank lines alone are not an error")
    }

    @Test func longGarbageWithoutHeaderEndIsDroppedWithoutBufferingForever() {
        let garbage = [UInt8](repeating: UInt8(ascii: "a"), count: FrameDecoder.maxHeaderBytes * 3)
        let events = Self.events(garbage + Self.frame("{}"), chunk: 4096)
        #expect(events.last == Self.message("{}"))
        #expect(events.dropLast().allSatisfy(Self.isMalformed))
        #expect(!events.dropLast().isEmpty)
    }

    @Test func randomBytesNeverStopTheDecoder() {
        var generator = SeededRandom(seed: 42)
        for round in 0..<200 {
            let length = Int.random(in: 0..<600, using: &generator)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // sprinkle header-like pieces so the interesting paths are taken
            if round % 3 == 0 { bytes += Array("Content-Length: 5\r\n\r\n".utf8) }
            if round % 5 == 0 { bytes.insert(contentsOf: Array("\r\n\r\n".utf8), at: bytes.count / 2) }
            let events = Self.events(bytes + Self.frame("{}"), chunk: Int.random(in: 1...64, using: &generator))
            // the valid message after the noise is still found, unless a random header swallowed it as a body
            #expect(events.count <= bytes.count + 2)
        }
    }

    // MARK: - JSON-RPC validation

    static func decode(_ text: String) -> Result<IncomingMessage, RejectedMessage> {
        IncomingMessage.decode(Array(text.utf8))
    }

    static func rejection(_ text: String) -> RejectedMessage? {
        if case .failure(let rejected) = decode(text) { return rejected }
        return nil
    }

    @Test func requestsNotificationsAndResponsesAreRecognised() throws {
        #expect(try Self.decode(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#).get() == .request(id: .number(1), method: "shutdown", params: nil))
        #expect(try Self.decode(#"{"jsonrpc":"2.0","id":"a","method":"x","params":[1]}"#).get() == .request(id: .string("a"), method: "x", params: .array([.int(1)])))
        #expect(try Self.decode(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).get() == .notification(method: "initialized", params: .object([])))
        #expect(try Self.decode(#"{"jsonrpc":"2.0","id":"agendac-1","result":null}"#).get() == .response(id: .string("agendac-1"), result: .success(.null)))
        let failure = IncomingMessage.ResponseFailure(code: -32601, message: "no")
        #expect(try Self.decode(#"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no"}}"#).get() == .response(id: .number(3), result: .failure(failure)))
    }

    @Test func unreadableJSONIsAParseError() {
        for text in ["{not json", "", "{\"jsonrpc\":\"2.0\",", "\u{FFFD}"] {
            #expect(Self.rejection(text)?.error.code == .parseError, "\(text)")
            #expect(Self.rejection(text)?.id == nil)
        }
    }

    @Test func malformedRequestsAreInvalidRequests() {
        let cases: [(String, RequestID?)] = [
            (#"{"jsonrpc":"2.0","id":1}"#, .number(1)),                          // no method
            (#"{"jsonrpc":"1.0","id":2,"method":"x"}"#, .number(2)),             // wrong version
            (#"{"id":3,"method":"x"}"#, .number(3)),                            // no version
            (#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#, nil),                  // fractional id
            (#"{"jsonrpc":"2.0","id":true,"method":"x"}"#, nil),                 // id of the wrong type
            (#"{"jsonrpc":"2.0","id":null,"method":"x"}"#, nil),                 // null id
            (#"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#, nil),
            (#"{"jsonrpc":"2.0","id":4,"method":5}"#, .number(4)),               // method not a string
            (#"{"jsonrpc":"2.0","id":5,"method":"x","params":"p"}"#, .number(5)), // params not structured
            (#"[{"jsonrpc":"2.0","id":6,"method":"x"}]"#, nil),                  // a batch
            (#""just a string""#, nil),
            (#"{}"#, nil),
        ]
        for (text, id) in cases {
            let rejected = Self.rejection(text)
            #expect(rejected?.error.code == .invalidRequest, "\(text)")
            #expect(rejected?.id == id, "\(text)")
        }
    }

    @Test func responsesAreSerializedAsJSONRPC() throws {
        let error = OutgoingMessage.response(id: nil, error: ResponseError(.parseError, "bad"))
        #expect(error.serialized() == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#)
        let result = OutgoingMessage.response(id: .string("x"), result: .array([]))
        #expect(result.serialized() == #"{"jsonrpc":"2.0","id":"x","result":[]}"#)
    }
}


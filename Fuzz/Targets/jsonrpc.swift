// The language server's input side: Content-Length framing fed in arbitrary
// chunks yields the same messages as fed at once, every framed body survives
// re-framing, and each body is validated as JSON-RPC without a crash.
import AgendaBase
import AgendaLSP

private func frames(_ bytes: [UInt8], chunkSizes: [Int]) -> [FrameEvent] {
    var decoder = FrameDecoder()
    var events: [FrameEvent] = []
    var start = 0, turn = 0
    while start < bytes.count {
        let length = chunkSizes.isEmpty ? bytes.count : max(1, chunkSizes[turn % chunkSizes.count])
        let end = min(bytes.count, start + length)
        decoder.append(bytes[start..<end])
        while let event = decoder.next() { events.append(event) }
        start = end
        turn += 1
    }
    while let event = decoder.next(atEndOfInput: true) { events.append(event) }
    return events
}

private func messages(_ events: [FrameEvent]) -> [[UInt8]] {
    events.compactMap { if case .message(let body) = $0 { body } else { nil } }
}

func fuzzJSONRPC(_ input: UnsafeBufferPointer<UInt8>) {
    let bytes = Array(input)
    let whole = messages(frames(bytes, chunkSizes: []))
    // chunk sizes from the first bytes, so the fuzzer explores how reads split the stream
    let chunked = messages(frames(bytes, chunkSizes: bytes.prefix(4).map { Int($0 % 64) + 1 }))
    if whole != chunked {
        propertyFailed("framing depends on how the input is split: \(whole.count) messages at once, \(chunked.count) in chunks")
    }
    for body in whole {
        var decoder = FrameDecoder()
        decoder.append(FrameEncoder.frame(body))
        guard case .message(let again)? = decoder.next(atEndOfInput: true), again == body else {
            propertyFailed("a framed body of \(body.count) bytes does not come back from re-framing")
        }
        _ = IncomingMessage.decode(body)
    }
}

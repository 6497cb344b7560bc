@testable import AgendaPDF
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// The writer compresses streams on a second thread (`StreamCompressionQueue`);
/// the file must be the very bytes of compressing each stream where it is added.
@Suite struct PDFBackgroundCompressionTests {
    static let fast: @Sendable ([UInt8]) -> [UInt8] = { Deflate.compress($0, effort: .fast) }

    static func oneByOne() -> PDFWriter {
        var compression = StreamCompression(deflate: fast)
        compression.inBackground = false
        return PDFWriter(fonts: { BundledFonts.face($0) }, compression: compression)
    }

    @Test(arguments: Golden.sampleFiles())
    func sameBytesAsCompressingOneByOne(_ sample: URL) throws {
        let meeting = AnalyzedDocument(text: Golden.read(sample)).meeting
        let document = PDFLayout.document(meeting, options: RenderOptions(), faces: .bundled)
        let expected = try Self.oneByOne().write(document)
        // several times: which thread takes which stream varies from run to run
        for _ in 0..<4 {
            let written = try PDFWriter.standard.write(document)
            #expect(written == expected, "\(sample.lastPathComponent)")
        }
        var archival = document
        archival.archival = true
        #expect(try PDFWriter.standard.write(archival) == (try Self.oneByOne().write(archival)))
    }

    @Test func resultsKeepTheOrderStreamsWereHandedIn() {
        let queue = StreamCompressionQueue(deflate: Self.fast)
        let inputs = (0..<200).map { index in Array(String(repeating: "BT /F1 \(index) Tf ET\n", count: index % 37).utf8) }
        for (index, input) in inputs.enumerated() { #expect(queue.submit(input) == index) }
        #expect(queue.results() == inputs.map { Deflate.compress($0, effort: .fast) })
    }

    @Test func nothingHandedInGivesNoResults() {
        #expect(StreamCompressionQueue(deflate: Self.fast).results().isEmpty)
    }

    /// A writer that fails half-way closes its queue, so the second thread ends instead of waiting for ever.
    @Test func closingWithoutResultsEndsTheThread() {
        weak var released: StreamCompressionQueue?
        do {
            let queue = StreamCompressionQueue(deflate: Self.fast)
            released = queue
            _ = queue.submit(Array("q Q\n".utf8))
            queue.close()
        }
        // the thread holds the queue while it runs: gone once it has ended
        var waited = 0
        while released != nil, waited < 5_000 {
            usleep(1_000)
            waited += 1
        }
        #expect(released == nil)
    }
}

@testable import AgendaPDF
import Foundation
import Testing

/// Flate compression: round trips through our own inflater and Python's zlib.
@Suite struct DeflateTests {
    static func inputs() -> [(String, [UInt8])] {
        var random = SplitMix(seed: 1950)
        let noise = (0..<70_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let sample = Golden.sampleFiles().first.map(Golden.bytes) ?? []
        let contentStream = (0..<400).map { "BT /F1 10 Tf 56.7 \(700 - $0) Td <0024002500A8> Tj ET\n" }.joined()
        return [
            ("empty", []),
            ("one byte", [65]),
            ("two bytes", [0, 255]),
            ("a long run", [UInt8](repeating: 97, count: 100_000)),
            ("random bytes (stored)", noise),
            ("a sample agenda", sample),
            ("a font file", BundledFonts.fileBytes(.bold)),
            ("a content stream", Array(contentStream.utf8)),
            ("noise then text", Array(noise.prefix(5_000)) + Array(contentStream.utf8) + Array(noise.prefix(300))),
            ("every byte value", (0..<4096).map { UInt8($0 % 256) }),
        ]
    }

    @Test func roundTripsThroughInflate() throws {
        for (name, bytes) in Self.inputs() {
            let compressed = Deflate.compress(bytes)
            #expect(try Inflate.decompress(compressed) == bytes, "\(name)")
            #expect(compressed.prefix(2) == [0x78, 0x9C])
        }
    }

    /// The PDF writer's effort: short chains, the same format, still compact on what repeats.
    @Test func fastEffortRoundTripsAndStillCompresses() throws {
        for (name, bytes) in Self.inputs() {
            let fast = Deflate.compress(bytes, effort: .fast)
            #expect(try Inflate.decompress(fast) == bytes, "\(name)")
            let thorough = Deflate.compress(bytes)
            #expect(fast.count * 10 <= thorough.count * 12 + 100, "\(name): fast \(fast.count), thorough \(thorough.count)")
        }
        let stream = try #require(Dictionary(uniqueKeysWithValues: Self.inputs())["a content stream"])
        #expect(Deflate.compress(stream, effort: .fast).count * 8 < stream.count)
    }

    /// The unsafe-buffer Deflate writes the very bytes of the array version it replaced (`ReferenceDeflate`),
    /// at both efforts, on the inputs above and on text mixed with noise at every block and window size.
    @Test func sameBytesAsTheReference() {
        var random = SplitMix(seed: 2026)
        var mixed: [UInt8] = []
        while mixed.count < 150_000 {
            if random.next() % 3 == 0 {
                mixed += (0..<Int(random.next() % 400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            } else {
                mixed += Array("q 1 0 0 1 \(random.next() % 600) 700 cm BT /F\(random.next() % 4) 10 Tf <00\(random.next() % 90)> Tj ET Q\n".utf8)
            }
        }
        let inputs = Self.inputs() + [("mixed", mixed), ("mixed prefix", Array(mixed.prefix(33_000))), ("three bytes", [1, 2, 3]),
                                      ("a repeated pair", [UInt8](repeating: 0, count: 300) + [7, 7] + [UInt8](repeating: 0, count: 300))]
        for (name, bytes) in inputs {
            for effort in [Deflate.Effort.fast, .thorough, Deflate.Effort(chainLimit: 1, goodEnough: 3)] {
                #expect(Deflate.compress(bytes, effort: effort) == ReferenceDeflate.compress(bytes, effort: effort), "\(name), chains of \(effort.chainLimit)")
            }
        }
    }

    @Test func compressesWhatRepeats() throws {
        let inputs = Dictionary(uniqueKeysWithValues: Self.inputs())
        let run = try #require(inputs["a long run"])
        #expect(Deflate.compress(run).count < 300)
        let stream = try #require(inputs["a content stream"])
        #expect(Deflate.compress(stream).count * 8 < stream.count)
        let noise = try #require(inputs["random bytes (stored)"])
        #expect(Deflate.compress(noise).count <= noise.count + 6 + 5 * (noise.count / BlockSymbols.capacity + 1), "random bytes are stored, 5 bytes of header a block")
        let font = BundledFonts.fileBytes(.regular)
        let subset = BundledFonts.face(.regular).subset(keepingGlyphs: (36...100).map(UInt16.init))
        let compressed = Deflate.compress(subset)
        #expect(try Inflate.decompress(compressed) == subset)
        #expect(compressed.count * 10 < subset.count * 7, "a font subset shrinks by at least 30 %: \(subset.count) → \(compressed.count)")
        // zlib itself makes 212,101 bytes of the 414,456 at level 6, 226,855 at level 1.
        let bold = BundledFonts.fileBytes(.bold)
        #expect(Deflate.compress(bold).count < 230_000, "\(Deflate.compress(bold).count)")
        #expect(font.count > 0)
    }

    /// Python's zlib (the reference inflater) reads every stream back exactly.
    @Test func pythonsZlibReadsEveryStream() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-deflate-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var arguments: [String] = []
        for (index, (_, bytes)) in Self.inputs().enumerated() {
            let original = directory.appendingPathComponent("\(index).raw"), compressed = directory.appendingPathComponent("\(index).z")
            try Data(bytes).write(to: original)
            try Data(Deflate.compress(bytes)).write(to: compressed)
            arguments += [original.path, compressed.path]
        }
        let script = """
        import sys, zlib
        pairs = sys.argv[1:]
        for i in range(0, len(pairs), 2):
            raw = open(pairs[i], "rb").read()
            print("same" if zlib.decompress(open(pairs[i + 1], "rb").read()) == raw else "differs " + pairs[i])
        """
        let result = try RunProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments, timeoutSeconds: 60)
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output == String(repeating: "same\n", count: Self.inputs().count), "\(result.output)")
    }

    @Test func adler32MatchesKnownValues() {
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([UInt8]()) == 1)
        // Past the 5552-byte reduction point.
        let ones = [UInt8](repeating: 255, count: 100_000)
        #expect(Adler32.checksum(ones) == 0x149A_302C)
        #expect(Adler32.checksum(ones) == Self.slowAdler(ones))
    }

    static func slowAdler(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// Bad streams throw; they never trap or run away.
    @Test func inflateRefusesMalformedStreams() {
        let good = Deflate.compress(Array("Byrådet godkendte indstillingen. Byrådet godkendte indstillingen.".utf8))
        #expect(throws: InflateError.self) { try Inflate.decompress([]) }
        #expect(throws: InflateError.self) { try Inflate.decompress([0x78, 0x9D, 0, 0, 0, 0]) }
        #expect(throws: InflateError.self) { try Inflate.decompress(Array(good.dropLast())) }
        var corrupted = good
        corrupted[corrupted.count - 1] ^= 1
        #expect(throws: InflateError.self) { try Inflate.decompress(corrupted) }
        #expect(throws: InflateError.self) { try Inflate.decompress(Deflate.compress([UInt8](repeating: 0, count: 10_000)), limit: 1_000) }
        var random = SplitMix(seed: 1951)
        for _ in 0..<2_000 {
            var bytes = good
            for _ in 0..<3 { bytes[2 + Int(random.next() % UInt64(bytes.count - 2))] = UInt8(truncatingIfNeeded: random.next()) }
            _ = try? Inflate.decompress(bytes, limit: 100_000)
        }
    }
}

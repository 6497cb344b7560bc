@testable import AgendaArchive
import AgendaBase
@testable import AgendaCLI
@testable import AgendaImport
import Foundation
import Testing

/// The replacements the archive, the importer and the command line use instead
/// of full Foundation (so that `agendac` links FoundationEssentials only), each
/// compared with Foundation's own answer.
struct FoundationEssentialsProgramShimTests {
    /// `Slug.make` as it was written with ICU's transform.
    static func foundationSlug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in TextNormalization.nfc(text).lowercased() {
            let spelled: String
            switch character {
            case "æ": spelled = "ae"
            case "ø": spelled = "oe"
            case "å": spelled = "aa"
            case "ü": spelled = "ue"
            case "ö": spelled = "oe"
            case "ä": spelled = "ae"
            default:
                if character.isASCII, character.isLetter || character.isNumber {
                    spelled = String(character)
                } else if character.isLetter,
                          let folded = String(character).applyingTransform(.stripDiacritics, reverse: false),
                          folded.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), !folded.isEmpty {
                    spelled = folded
                } else {
                    spelled = ""
                }
            }
            if spelled.isEmpty {
                pendingHyphen = !result.isEmpty
                continue
            }
            if pendingHyphen { result += "-" }
            pendingHyphen = false
            result += spelled
        }
        if result.count > 80 { result = String(result.prefix(80)) }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "udvalg" : result
    }

    /// Every letter and nonspacing mark up to U+2FFFF (between ASCII letters; below
    /// U+2000 also with combining marks after it) slugs as ICU's transform did.
    @Test func slugsEveryLetterAsICUDid() {
        var differences: [String] = []
        for value in UInt32(0x80)...UInt32(0x2FFFF) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark else { continue }
            // letters with marks after them, kept and removed, where Latin letters are
            let texts = value < 0x2000 ? ["a\(scalar)b", "x\(scalar)\u{0301}", "\(scalar)\u{0323}\u{0308}", "\(scalar)\u{20DD}"] : ["a\(scalar)b"]
            for text in texts where Slug.make(text) != Self.foundationSlug(text) {
                differences.append("U+\(String(value, radix: 16)) \(text): \(Slug.make(text)) ≠ \(Self.foundationSlug(text))")
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    @Test func slugsCommitteeNamesAsICUDid() throws {
        var names = [
            "Beskæftigelses- og Integrationsudvalget", "Børne- og Ungeudvalget", "Økonomi & Erhverv 😀 Århus",
            "Teknik- og Miljøudvalget", "Kultur-, Fritids- og Idrætsudvalget", "Ældrerådet", "Café Élan Ærø",
            "Straße Łódź İstanbul", "Ǆemal ǈ", "Ⅻ ² ½", "ＡＢＣ", "ﬁnans", "Zoë Brontë naïve façade", "A\u{030A}rhus", "O\u{0338}konomi",
        ]
        let samples = Golden.packageRoot.appendingPathComponent("samples")
        for sample in try FileManager.default.contentsOfDirectory(atPath: samples.path) where sample.hasSuffix(".agenda") {
            let text = try String(contentsOf: samples.appendingPathComponent(sample), encoding: .utf8)
            names += text.split(separator: "\n").prefix(40).map(String.init)
        }
        for name in names { #expect(Slug.make(name) == Self.foundationSlug(name), "\(name)") }
    }

    @Test func describesFileErrorsByTheirSystemReason() throws {
        do {
            try FileManager.default.createDirectory(atPath: "/etc/passwd/inside", withIntermediateDirectories: true)
            Issue.record("a folder was made inside a file")
        } catch {
            // Foundation's localizedDescription: "The operation could not be completed. (NSCocoaErrorDomain error 512.)"
            let underlying = try #require((error as? CocoaError)?.underlying as? POSIXError)
            #expect(underlying.code == .ENOTDIR)
            #expect(ErrorText.describing(error) == "Not a directory: /etc/passwd/inside")
        }
        #expect(ErrorText.describing(POSIXError(.ENOENT)) == "No such file or directory")
        #expect(ErrorText.describing(UsageError("bad")) == String(describing: UsageError("bad")))
    }

    @Test func readsFilesAtOffsetsAsFileHandleDoes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-readonly-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try #require(ReadOnlyFile(path: path))
        let handle = try #require(FileHandle(forReadingAtPath: path))
        #expect(file.size == (try handle.seekToEnd()))
        for (offset, count) in [(0, 0), (0, 10), (9_990, 100), (10_000, 5), (20_000, 5), (1, 9_999)] {
            try handle.seek(toOffset: UInt64(offset))
            #expect(file.read(at: UInt64(offset), count: count) == Array(try handle.read(upToCount: count) ?? Data()), "\(offset) \(count)")
        }
        #expect(ReadOnlyFile(path: path + ".missing") == nil)
        #expect(FileBytes.contents(ofDescriptor: file.descriptor) == bytes)
    }

    @Test func runsAProgramReadingBothPipesAsProcessDoes() throws {
        // more than a pipe holds on both streams at once: reading one after the other would stall
        let script = "head -c 300000 /dev/zero | tr '\\0' a; head -c 300000 /dev/zero | tr '\\0' b >&2; head -c 200000 /dev/zero | tr '\\0' c; exit 3"
        let finished = try ChildProcess.run("/bin/sh", arguments: ["-c", script])
        #expect(finished.output.count == 500_000 && finished.output.first == UInt8(ascii: "a") && finished.output.last == UInt8(ascii: "c"))
        #expect(finished.errors.count == 300_000 && finished.errors.allSatisfy { $0 == UInt8(ascii: "b") })
        #expect(finished.status == 3 && finished.exited)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "kill -KILL $$"]
        try process.run()
        process.waitUntilExit()
        let killed = try ChildProcess.run("/bin/sh", arguments: ["-c", "kill -KILL $$"])
        #expect(killed.status == process.terminationStatus, "\(killed.status) \(process.terminationStatus)")
        #expect(!killed.exited && process.terminationReason == .uncaughtSignal)

        let reads = try ChildProcess.run("/bin/sh", arguments: ["-c", "cat; echo \"$0 $1\"", "x y", "z"])
        #expect(String(decoding: reads.output, as: UTF8.self) == "x y z\n", "standard input is empty and arguments pass unchanged")
        #expect(throws: ChildProcess.StartFailure.self) { try ChildProcess.run("/nonexistent/tool", arguments: []) }
    }

    @Test func formatsAndChecksTimesAsTheFormatterDid() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        for seconds in [0.0, 1_780_000_000, 1_780_000_000.75, 2_000_000_000] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Date.ISO8601FormatStyle().format(date) == formatter.string(from: date))
        }
        // the forms the help names are accepted, as before; forms the archive could not read back are refused
        for accepted in ["2026-05-11T09:30:00Z", "2026-05-11T11:30:00+02:00", "2026-05-11T11:30:00.123Z", "2026-05-11T11:30:00-01:30"] {
            #expect((try? ArchiveCommand.time(accepted)) == accepted)
        }
        for refused in ["2026-05-11", "2026-05-11T25:30:00Z", "2026-02-30T10:00:00Z", "2026-05-11T11:30:00", "x", ""] {
            #expect((try? ArchiveCommand.time(refused)) == nil, "\(refused)")
        }
        #expect(OParlTime.seconds(ofInstant: try ArchiveCommand.time(nil)) != nil)
    }

    @Test func padsReplacesAndRoundsAsFoundationDoes() {
        for text in ["", "hint", "information", "informations", "æøå"] {
            #expect(RulesCommand.padded(text, to: 11) == text.padding(toLength: 11, withPad: " ", startingAt: 0))
        }
        for text in ["a.txt: 3 items", "b a.txt: x", "a.txt:a.txt: x a.txt:", "a.txt", ""] {
            #expect(ImportCommand.replacingPrefix("a.txt:", of: text, with: "x → y:")
                    == text.replacingOccurrences(of: "a.txt:", with: "x → y:", options: .anchored))
        }
        for bytes in [0, 1, 52_428, 52_429, 104_857, 157_286, 262_144, 1_048_576, 1_101_004, 123_456_789, 2_621_440] {
            let report = ArchiveSite.Report(byteCount: bytes)
            #expect(ArchiveSiteCommand.summary(report, folder: "f").contains("(\(String(format: "%.1f", Double(bytes) / 1_048_576)) MB)"), "\(bytes)")
        }
    }
}

import AgendaBase
import Foundation
import Testing

/// The modules import FoundationEssentials only (full Foundation would load ICU
/// at every start); AgendaBase gives them the few full-Foundation string and path
/// functions they used. Each is compared here with Foundation's own answer.
struct FoundationEssentialsShimTests {
    static let texts = [
        "", "a", "punkt 1: Budget den 4. maj", " den ", "aa den bb den cc", "x\r\ny\rz\n", "ÆØÅ æøå – é",
        "O\u{0338}resund", "**fed** og **mere**", "   \t indrykket \t  ", "\u{00A0}no-break\u{2003}", "\n\u{2028} linjer \u{0085}\r",
        "a:b: c", "kl. 10.00 [kl. 12]", "100% 50%",
    ]
    static let needles = [" den ", "**", ":", ": ", "\r", "\n", "–", "O\u{0338}", "aa", "%", "x"]

    @Test func findsFirstAndLastAsFoundationDoes() {
        for text in Self.texts {
            for needle in Self.needles {
                let foundation = NSString(string: text)
                let first = foundation.range(of: needle, options: .literal)
                let last = foundation.range(of: needle, options: [.literal, .backwards])
                #expect(text.rangeOfFirst(needle).map { NSRange($0, in: text) } ?? NSRange(location: NSNotFound, length: 0) == first, "\(text) \(needle)")
                #expect(text.rangeOfLast(needle).map { NSRange($0, in: text) } ?? NSRange(location: NSNotFound, length: 0) == last, "\(text) \(needle)")
            }
        }
    }

    @Test func replacesAsFoundationDoes() {
        for text in Self.texts {
            for needle in Self.needles {
                let expected = NSString(string: text).replacingOccurrences(of: needle, with: "<\(needle.count)>", options: .literal, range: NSRange(location: 0, length: (text as NSString).length))
                #expect(text.replacingEvery(needle, with: "<\(needle.count)>") == expected, "\(text) \(needle)")
            }
        }
    }

    @Test func trimsAsFoundationDoes() {
        for text in Self.texts {
            #expect(text.trimmingCharacters(in: TrimmedScalars.whitespaces) == NSString(string: text).trimmingCharacters(in: CharacterSet.whitespaces), "\(text)")
            #expect(text.trimmingCharacters(in: TrimmedScalars.whitespacesAndNewlines)
                    == NSString(string: text).trimmingCharacters(in: CharacterSet.whitespacesAndNewlines), "\(text)")
            #expect(text.trimming(charactersIn: ",. ") == NSString(string: text).trimmingCharacters(in: CharacterSet(charactersIn: ",. ")))
            #expect(text.trimmingWhitespace(and: ":")
                    == NSString(string: text).trimmingCharacters(in: CharacterSet(charactersIn: ":").union(.whitespaces)))
        }
    }

    @Test func percentEncodesPathsAsFoundationDoes() {
        for text in Self.texts + ["bilag/Budget 2026.pdf", "a;b:c#d?e", "/tmp/æøå/x.agenda", "~user/!$&'()*+,-.=@_"] {
            var allowed = CharacterSet.urlPathAllowed
            allowed.remove(charactersIn: ";:")
            #expect(PercentEncoding.path(text, alsoEncoding: ";:") == text.addingPercentEncoding(withAllowedCharacters: allowed), "\(text)")
        }
    }

    /// NSString's own answers, written out: on Linux its `deletingLastPathComponent` traps on some of these.
    @Test func takesPathsApartAsNSStringDoes() {
        let cases: [(path: String, last: String, folder: String, appended: String)] = [
            ("/", "/", "/", "/b"), ("a", "a", "", "a/b"), ("/a", "a", "/", "/a/b"), ("/a/b", "b", "/a", "/a/b/b"),
            ("a/b/", "b", "a", "a/b/b"), ("a/b/c.agenda", "c.agenda", "a/b", "a/b/c.agenda/b"), (".hidden", ".hidden", "", ".hidden/b"),
            ("/tmp/x/", "x", "/tmp", "/tmp/x/b"), ("", "", "", "b"),
        ]
        for (path, last, folder, appended) in cases {
            #expect(PathText.lastComponent(path) == last, "\(path)")
            #expect(PathText.deletingLastComponent(path) == folder, "\(path)")
            #expect(PathText.appending(path, "b") == appended, "\(path)")
        }
    }

    @Test func locksAroundABody() {
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 100) { _ in counter.lock.withLock { counter.value += 1 } }
        #expect(counter.value == 100)
    }
}

private final class Counter: @unchecked Sendable {
    let lock = Lock()
    var value = 0
}

import AgendaBase

/// Where each page and data file of the site is, relative to its root. Every
/// name is ASCII and path-safe, and every link is relative, so the site works
/// under any URL prefix and from the disk.
enum SitePaths {
    static let index = "index.html"
    static let search = "soeg.html"
    static let minutesStylesheet = "assets/referat.css"
    static let siteStylesheet = "assets/site.css"
    static let danishScript = "assets/dansk.js"
    static let searchScript = "assets/soeg.js"
    static let searchManifest = "soeg/indeks.js"
    /// The record of what the last build wrote (path, SHA-256, size), for incremental builds.
    static let buildRecord = ".agendac-site.tsv"

    static func meetingFolder(_ id: MeetingID) -> String { "moeder/" + id.path }
    static func meeting(_ id: MeetingID) -> String { meetingFolder(id) + "/index.html" }
    /// An earlier revision's own folder inside its meeting's: `moeder/udvalg/2026-05-04/r1`.
    static func versionFolder(_ id: MeetingID, _ version: String) -> String { meetingFolder(id) + "/" + version }
    static func year(committeeSlug: String, year: Int) -> String { "moeder/\(committeeSlug)/\(year).html" }

    /// `sager/15.00.00-p05-3-25.html`; a key with other characters keeps what it can
    /// and adds a piece of its hash, so two keys never share a page.
    static func casePage(_ key: String) -> String {
        var name = ""
        var exact = !key.isEmpty && !key.hasPrefix(".")
        for scalar in key.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "." {
                name.unicodeScalars.append(scalar)
            } else {
                name += "_"
                exact = false
            }
        }
        name = name.lowercased()
        if !exact || name.count > 80 {
            name = String(name.prefix(60)).replacingOccurrences(of: ".", with: "_") + "-" + String(SHA256.hexDigest(SHA256.hash(key)).prefix(12))
        }
        return "sager/\(name).html"
    }

    static func shard(_ key: String) -> String { "soeg/t/\(hex(key)).js" }
    /// A common term's whole posting list, and the head of its best postings.
    static func termFile(_ term: String) -> String { "soeg/o/\(hex(term)).js" }
    static func termHead(_ term: String) -> String { "soeg/o/\(hex(term))-top.js" }
    static func documentChunk(_ number: Int) -> String { "soeg/d/\(number).js" }

    static func hex(_ text: String) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        for byte in text.utf8 {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return out
    }

    /// `../../` for a page two folders down: the way from the page's folder to the root.
    static func root(from path: String) -> String {
        String(repeating: "../", count: path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) })
    }

    /// The link from the page at `from` to the file at `to` (both from the root).
    static func link(from: String, to: String) -> String { root(from: from) + to }
}

/// A subject proposed for a text, with why.
public struct KLESuggestion: Hashable, Sendable {
    public var subject: KLESubject
    public var score: Double
    /// The keywords found in the text, strongest first, in lower case.
    public var keywords: [String]
}

/// OS2KLE's weighted keywords, indexed by their first word's stem, to rank
/// subjects for a text in one pass over its words (no scan of the 2,390 subjects).
///
/// A keyword's weight is divided by the number of subjects that share it, so a
/// word every subject lists (`tilskud`) counts little; a keyword found in the
/// title counts double; a single long keyword also counts, at half weight, as
/// the last part of a compound (`uddannelse` in `ungdomsuddannelsen`).
public struct KLEKeywordIndex: Sendable {
    struct Phrase: Sendable {
        /// The stems after the first.
        var rest: [String]
        /// Position in `subjects`.
        var subject: Int
        var weight: Double
        var text: String
    }

    public let subjects: [KLESubject]
    let phrasesByFirstStem: [String: [Phrase]]
    /// Single-word keywords of at least `compoundPartLength` letters, for compounds.
    let compoundParts: [String: [Phrase]]
    static let compoundPartLength = 6
    /// How much of what a field's subjects found its general subject collects.
    static let generalShare = 1.0
    /// Position in `subjects` of each `NN.GG.00` and `NN.00.00` subject, by key.
    let generalPositions: [Int: Int]

    /// OS2KLE's keywords, parsed once, on first use.
    public static let os2kle = KLEKeywordIndex(os2kleText: OS2KLEText.text)

    init(os2kleText text: String) {
        let bytes = Array(text.utf8)
        var subjects: [KLESubject] = []
        var raw: [(stems: [String], subject: Int, weight: Double, text: String)] = []
        for line in OS2KLEFile.lines(in: text) {
            guard let code = KLESubject.code(forKey: line.key) else { continue }
            let position = subjects.count
            subjects.append(KLESubject(code: code, title: line.title, key: line.key))
            for entry in bytes[line.keywords].split(separator: UInt8(ascii: ";")) {
                // keywords differ in case from subject to subject (`Snerydning`, `snerydning`): one spelling, lower case
                guard let open = entry.lastIndex(of: UInt8(ascii: "[")), entry.last == UInt8(ascii: "]"),
                      let weight = Double(String(decoding: entry[(open + 1)..<(entry.endIndex - 1)], as: UTF8.self)) else { continue }
                let phrase = String(decoding: entry[entry.startIndex..<open], as: UTF8.self).lowercased()
                let stems = DanishWords.stems(phrase).filter { !DanishWords.stopStems.contains($0) }
                if !stems.isEmpty { raw.append((stems, position, weight, phrase)) }
            }
        }
        // how many subjects share a keyword
        var sharing: [[String]: Set<Int>] = [:]
        for entry in raw { sharing[entry.stems, default: []].insert(entry.subject) }
        var byFirst: [String: [Phrase]] = [:]
        var parts: [String: [Phrase]] = [:]
        for entry in raw {
            let phrase = Phrase(rest: Array(entry.stems.dropFirst()), subject: entry.subject,
                                weight: entry.weight / Double(sharing[entry.stems]?.count ?? 1), text: entry.text)
            byFirst[entry.stems[0], default: []].append(phrase)
            if entry.stems.count == 1, entry.stems[0].count >= Self.compoundPartLength { parts[entry.stems[0], default: []].append(phrase) }
        }
        self.subjects = subjects
        var generals: [Int: Int] = [:]
        for (position, subject) in subjects.enumerated() where subject.key % 100 == 0 { generals[subject.key] = position }
        generalPositions = generals
        phrasesByFirstStem = byFirst
        compoundParts = parts
    }

    /// The best `limit` subjects for an item's title and text, best first; empty when no keyword is found.
    public func rank(title: String, text: String, limit: Int = 3) -> [KLESuggestion] {
        rank(found(title: title, text: text), limit: limit)
    }

    /// The main groups of every subject whose keywords occur in the title or text.
    public func mainGroupsMentioned(title: String, text: String) -> Set<Int> {
        Set(found(title: title, text: text).keys.map { subjects[$0].mainGroup })
    }

    /// Subject position → keyword → the weight it counts with, for every keyword found.
    func found(title: String, text: String) -> [Int: [String: Double]] {
        var found: [Int: [String: Double]] = [:]
        func match(_ stems: [String], factor: Double) {
            for (index, stem) in stems.enumerated() {
                for phrase in phrasesByFirstStem[stem] ?? [] where phrase.rest.count < stems.count - index {
                    guard phrase.rest.isEmpty || stems[(index + 1)...].starts(with: phrase.rest) else { continue }
                    found[phrase.subject, default: [:]][phrase.text, default: 0] = max(found[phrase.subject]?[phrase.text] ?? 0, phrase.weight * factor)
                }
                let letters = Array(stem)
                guard letters.count >= Self.compoundPartLength + 2 else { continue }
                for split in 2...(letters.count - Self.compoundPartLength) {
                    for phrase in compoundParts[String(letters[split...])] ?? [] {
                        let weight = phrase.weight * factor / 2
                        found[phrase.subject, default: [:]][phrase.text, default: 0] = max(found[phrase.subject]?[phrase.text] ?? 0, weight)
                    }
                }
            }
        }
        match(DanishWords.stems(title), factor: 2)
        match(DanishWords.stems(text), factor: 1)
        return found
    }

    func rank(_ found: [Int: [String: Double]], limit: Int) -> [KLESuggestion] {
        // a group's and a main group's "i almindelighed" subject (NN.GG.00, NN.00.00) also
        // collects what its subjects found: evidence spread over a field points to the field
        var own: [Int: Double] = [:]
        var groupTotals: [Int: Double] = [:], mainTotals: [Int: Double] = [:]
        for (subject, keywords) in found {
            let score = keywords.values.reduce(0, +)
            own[subject] = score
            groupTotals[subjects[subject].key / 100, default: 0] += score
            mainTotals[subjects[subject].key / 10_000, default: 0] += score
        }
        var candidates = Set(found.keys)
        for group in groupTotals.keys { if let general = generalPositions[group * 100] { candidates.insert(general) } }
        for main in mainTotals.keys { if let general = generalPositions[main * 10_000] { candidates.insert(general) } }
        func fieldContains(_ general: KLESubject, _ key: Int) -> Bool {
            general.key % 10_000 == 0 ? key / 10_000 == general.key / 10_000 : general.key % 100 == 0 && key / 100 == general.key / 100
        }
        let scored = candidates.map { position -> (position: Int, score: Double) in
            let key = subjects[position].key
            var score = own[position] ?? 0
            if key % 10_000 == 0 {
                score += Self.generalShare * (mainTotals[key / 10_000] ?? 0)
            } else if key % 100 == 0 {
                score += Self.generalShare * (groupTotals[key / 100] ?? 0)
            }
            return (position, score)
        }
        let best = scored.sorted { $0.score != $1.score ? $0.score > $1.score : subjects[$0.position].key < subjects[$1.position].key }.prefix(limit)
        return best.map { position, score in
            // a general subject shows the keywords found anywhere in its field
            let subject = subjects[position]
            var keywords = found[position] ?? [:]
            if subject.key % 100 == 0 {
                for (other, words) in found where other != position && fieldContains(subject, subjects[other].key) {
                    keywords.merge(words) { max($0, $1) }
                }
            }
            let ordered = keywords.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            return KLESuggestion(subject: subject, score: score, keywords: ordered)
        }
    }
}

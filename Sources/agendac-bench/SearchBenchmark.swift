import AgendaSearch
import Foundation

/// The search index on generated archives: meetings of 10 items, six committees,
/// cases recurring across meetings, Danish words in many inflections. Reports
/// build time, the byte form's size and query p50/p95.
enum SearchBenchmark {
    static let fields = [SearchField(name: "title", weight: 3), SearchField(name: "sections", weight: 1), SearchField(name: "decision", weight: 2)]
    static let committees = ["Børne- og Skoleudvalget", "Økonomiudvalget", "Beskæftigelsesudvalget", "Teknik- og Miljøudvalget", "Social- og Sundhedsudvalget", "Kultur- og Fritidsudvalget"]
    static let stems = ["børnehave", "skole", "vej", "budget", "plan", "borger", "aftale", "bygning", "kommune", "indsats", "tilbud", "ansøgning", "tilskud", "høring", "udvikling", "område", "lokalplan", "jobcenter", "ældrepleje", "kapacitet", "sundhed", "miljø", "trafik", "klima", "bolig", "kultur", "idræt", "handicap", "integration", "økonomi"]
    static let endings = ["", "r", "n", "rne", "s", "ns"]
    static let places = ["Åbenrå", "Aabenraa", "Horsens", "Herning", "Haderslev", "Skørping", "Ærøskøbing", "Vejle"]

    /// A fixed pseudo-random sequence, so every run indexes the same archive.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static func document(_ number: Int, _ random: inout Generator) -> SearchDocument {
        func word() -> String {
            // a long tail of rare words beside the common ones, as in real minutes
            if random.next(8) == 0 { return "ord\(random.next(50_000))" }
            return stems[random.next(stems.count)] + endings[random.next(endings.count)]
        }
        func sentence(_ words: Int) -> String { (0..<words).map { _ in word() }.joined(separator: " ") + "." }
        let meeting = number / 10
        let committee = committees[meeting % committees.count]
        let caseNumber = "\(10 + random.next(80)).\(random.next(30)).00-P20-\(random.next(400))-26"
        let title = "\(sentence(4)) \(places[random.next(places.count)])"
        let sections = (0..<6).map { _ in sentence(12) }.joined(separator: " ") + " Sagsnummer \(caseNumber)."
        let decided = random.next(3) > 0
        let day = 20_200_101 + (meeting % 7) * 10_000 + (meeting % 12) * 100 + meeting % 28
        return SearchDocument(id: "m\(meeting)/\(number % 10)", texts: [title, sections, decided ? sentence(8) : ""],
                              attributes: ["committee": [committee], "case": [caseNumber], "decided": [decided ? "ja" : "nej"]],
                              date: day)
    }

    static let queries: [SearchQuery] = [
        SearchQuery("børnehaver"), SearchQuery("lokalplan høring"), SearchQuery("Aabenraa skole"),
        SearchQuery("ord123"), SearchQuery("ord4711 budget"), SearchQuery("klima", filters: ["committee": "teknik- og miljøudvalget"]),
        SearchQuery("ældreplejen", filters: ["decided": "ja"], dates: 20_220_101...20_231_231),
        SearchQuery("jobcentret indsatsen tilbud"), SearchQuery("Skørping"), SearchQuery("kapaciteten børnehave skole budget"),
    ]

    static func run(sizes: [Int], rounds: Int) -> String {
        var out = "## Search index (release build, generated items)\n\n"
        out += "| items | build | terms | index size | largest shard | query p50 | query p95 |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|\n"
        for items in sizes {
            var random = Generator(state: 42)
            let documents = (0..<items).map { document($0, &random) }
            let start = Measure.now()
            var index = SearchIndex(fields: fields)
            index.add(contentsOf: documents)
            let build = Double(Measure.now() - start) / 1e9
            let (manifest, shards) = index.encodedShards()
            let size = manifest.count + shards.reduce(0) { $0 + $1.bytes.count }
            let largest = shards.map(\.bytes.count).max() ?? 0
            var samples: [Double] = []
            for _ in 0..<rounds {
                for query in queries {
                    let began = Measure.now()
                    let hits = index.search(query)
                    samples.append(Double(Measure.now() - began) / 1e6)
                    if hits.count > query.limit { print("impossible: more hits than asked") }
                }
            }
            out += "| \(items) | \(Measure.format(build, decimals: 2)) s | \(index.termCount) | \(CompilerBenchmark.sizeLabel(size)) "
            out += "| \(CompilerBenchmark.sizeLabel(largest)) | \(Measure.format(Measure.percentile(samples, 0.5), decimals: 2)) ms "
            out += "| \(Measure.format(Measure.percentile(samples, 0.95), decimals: 2)) ms |\n"
        }
        out += "\nQueries: \(queries.count) mixed (common and rare words, several words, filters, a date range), each \(rounds) times, snippets included.\n"
        return out
    }
}

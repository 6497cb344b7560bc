// The search index's byte form: any bytes read as a whole index, a manifest or a
// shard give an index or a refusal; an index read back writes bytes that read
// back to the same bytes, and answers a query without trapping.
import AgendaSearch

func fuzzSearchIndex(_ input: UnsafeBufferPointer<UInt8>) {
    let bytes = Array(input)
    if let index = try? SearchIndex.decode(bytes) {
        let written = index.encoded()
        do {
            let again = try SearchIndex.decode(written)
            if again.encoded() != written { propertyFailed("an index read back writes different bytes") }
        } catch {
            propertyFailed("an index written from read bytes does not read back: \(error.description)")
        }
        _ = index.search(SearchQuery("børnehave aabenraa 27.12.00-P20-1-26", limit: 5))
        _ = index.search(SearchQuery("", filters: ["committee": "a"], dates: 0...Int.max, limit: 3))
    }
    if var manifest = try? SearchIndex.decode(manifest: bytes) {
        _ = manifest.shardKeys(for: "børnehave")
        try? manifest.load(shard: bytes)
        _ = manifest.search(SearchQuery("a"))
    }
}

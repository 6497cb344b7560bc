// The project's JSON parser and writer: any value parsed comes back equal after
// writing it compactly and pretty, and parsing again.
import AgendaBase

func fuzzJSON(_ input: UnsafeBufferPointer<UInt8>) {
    let bytes = Array(input)
    guard let value = try? JSON.parse(bytes) else { return }
    for (how, written) in [("compact", value.serializedBytes()), ("pretty", Array(value.prettyPrinted().utf8))] {
        do {
            let again = try JSON.parse(written)
            if again != value { propertyFailed("the \(how) writing of a parsed value reads back different: \(String(decoding: written.prefix(200), as: UTF8.self))") }
        } catch {
            propertyFailed("the \(how) writing of a parsed value does not parse: \(error.description)")
        }
    }
}

// The renderers. JSON: its output, full and public, parses with the project's own JSON parser.
import AgendaBase
import AgendaRender

func fuzzRenderJSON(_ input: UnsafeBufferPointer<UInt8>) {
    for output in renderBothVersions(input, as: .json) {
        do {
            _ = try JSON.parse(Array(output.utf8))
        } catch {
            propertyFailed("the JSON output does not parse: \(error.description)")
        }
    }
}

// The text, Markdown and HTML renderers, full and public: no crash, no hang.
func fuzzRenderText(_ input: UnsafeBufferPointer<UInt8>) { _ = renderBothVersions(input, as: .text) }
func fuzzRenderMarkdown(_ input: UnsafeBufferPointer<UInt8>) { _ = renderBothVersions(input, as: .markdown) }
func fuzzRenderHTML(_ input: UnsafeBufferPointer<UInt8>) { _ = renderBothVersions(input, as: .html) }

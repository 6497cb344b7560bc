// Renders an analysed input in one format, in full and as the public version.
import AgendaBase
import AgendaRender

func renderBothVersions(_ input: UnsafeBufferPointer<UInt8>, as format: OutputFormat) -> [String] {
    let document = analyzeChecked(sourceText(input), context: isolatedContext())
    return [false, true].map { publicVersion in
        AgendaRenderer.render(document.meeting, as: format, options: RenderOptions(publicVersion: publicVersion))
    }
}

import AgendaPDF
import AgendaSemantics

/// `agendac compile --to pdf`: the laid-out document written by `AgendaPDF` with the bundled faces.
public enum PDFRenderer {
    public static func render(_ meeting: Meeting, options: RenderOptions = RenderOptions()) throws -> [UInt8] {
        try PDFWriter.write(PDFLayout.document(meeting, options: options, faces: .bundled))
    }
}

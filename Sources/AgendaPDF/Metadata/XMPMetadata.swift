// The XMP metadata stream (ISO 16684-1) with the PDF/UA identification
// (ISO 14289-1, 5) and, for archival documents, PDF/A's (ISO 19005-2, 6.6.4)
// with the extension schema that declares `pdfuaid` to PDF/A readers.

enum XMPMetadata {
    static func packet(_ metadata: DocumentMetadata, archival: Bool) -> [UInt8] {
        let date = metadata.creationDate.xmpString
        let language = escape(metadata.language)
        var xml = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        xml += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        xml += "<rdf:Description rdf:about=\"\"\n"
        xml += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        xml += " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        xml += " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        xml += " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""
        if archival { xml += "\n xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"" }
        xml += ">\n"
        xml += "<dc:format>application/pdf</dc:format>\n"
        xml += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(metadata.title))</rdf:li></rdf:Alt></dc:title>\n"
        xml += "<dc:creator><rdf:Seq><rdf:li>\(escape(metadata.author))</rdf:li></rdf:Seq></dc:creator>\n"
        xml += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(metadata.subject))</rdf:li></rdf:Alt></dc:description>\n"
        xml += "<dc:language><rdf:Bag><rdf:li>\(language)</rdf:li></rdf:Bag></dc:language>\n"
        if !metadata.keywords.isEmpty {
            xml += "<pdf:Keywords>\(escape(metadata.keywords.joined(separator: ", ")))</pdf:Keywords>\n"
        }
        xml += "<pdf:Producer>\(escape(metadata.producer))</pdf:Producer>\n"
        xml += "<xmp:CreatorTool>\(escape(metadata.producer))</xmp:CreatorTool>\n"
        xml += "<xmp:CreateDate>\(date)</xmp:CreateDate>\n<xmp:ModifyDate>\(date)</xmp:ModifyDate>\n<xmp:MetadataDate>\(date)</xmp:MetadataDate>\n"
        xml += "<pdfuaid:part>1</pdfuaid:part>\n"
        if archival { xml += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n" }
        xml += "</rdf:Description>\n"
        if archival { xml += pdfUAExtensionSchema }
        xml += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
        return Array(xml.utf8)
    }

    /// PDF/A-2 accepts only the XMP properties it knows or that the file declares.
    private static let pdfUAExtensionSchema = """
        <rdf:Description rdf:about=""
         xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
         xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
         xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
        <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>part</pdfaProperty:name>
        <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
        <pdfaProperty:category>internal</pdfaProperty:category>
        <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li></rdf:Seq></pdfaSchema:property>
        </rdf:li></rdf:Bag></pdfaExtension:schemas>
        </rdf:Description>

        """

    /// XML character data: markup characters escaped, characters XML forbids dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

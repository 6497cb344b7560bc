import AgendaBase
import AgendaSemantics

/// The style file's JSON Schema (draft 2020-12), made from the same tables the
/// checks read, so editors validate and complete exactly what agendac accepts.
/// Published as docs/style.schema.json (a test compares).
public enum StyleSchema {
    public static func document() -> JSON {
        let standard = HouseStyle.standard
        var templates = JSONObjectBuilder()
        for key in StyleTemplate.allCases {
            let slots = key.slots.map { slot in
                let forms = key.forms(of: slot)
                return "{\(slot)}" + (forms.isEmpty ? "" : " (forms: " + forms.map { "{\(slot):\($0)}" }.joined(separator: ", ") + ")")
            }
            let slotText = slots.isEmpty ? "No slots." : "Slots: " + slots.joined(separator: ", ") + "."
            templates.set(key.rawValue, .object([("type", .string("string")), ("description", .string("\(key.help) \(slotText)")),
                                                 ("default", .string(key.standard))]))
        }
        var header = JSONObjectBuilder()
        let facts = HouseStyle.HeaderFact.allCases.map(\.rawValue)
        header.set(StyleFile.HeaderKey.facts.rawValue, .object([
            ("type", .string("array")), ("description", .string(StyleFile.HeaderKey.facts.help)), ("uniqueItems", .bool(true)),
            ("items", .object([("type", .string("string")), ("enum", .array(facts.map(JSON.string)))])),
            ("default", .array(HouseStyle.HeaderFact.standard.map { .string($0.rawValue) })),
        ]))
        header.set(StyleFile.HeaderKey.participantsOrder.rawValue,
                   choice(.string(StyleFile.HeaderKey.participantsOrder.help), HouseStyle.ParticipantsOrder.allCases.map(\.rawValue), standard.participantsOrder.rawValue))
        var contents = JSONObjectBuilder()
        for key in StyleFile.ContentsKey.allCases {
            switch key {
            case .show: contents.set(key.rawValue, flag(key.help, standard.contentsShown))
            case .numbers: contents.set(key.rawValue, flag(key.help, standard.contentsNumbers))
            case .pageNumbers: contents.set(key.rawValue, flag(key.help, standard.contentsPageNumbers))
            case .closedItems: contents.set(key.rawValue, choice(.string(key.help), HouseStyle.ContentsClosedItems.allCases.map(\.rawValue), standard.contentsClosedItems.rawValue))
            }
        }
        var html = JSONObjectBuilder()
        for key in StyleFile.HTMLKey.allCases {
            html.set(key.rawValue, key.isFlag ? flag(key.help, false) : .object([("type", .string("string")), ("description", .string(key.help))]))
        }
        var properties = JSONObjectBuilder()
        for key in StyleFile.Key.allCases {
            let description = JSON.string(key.help)
            switch key {
            case .schema: properties.set(key.rawValue, .object([("type", .string("string")), ("description", description)]))
            case .templates: properties.set(key.rawValue, closedObject(description, templates.json))
            case .header: properties.set(key.rawValue, closedObject(description, header.json))
            case .contents: properties.set(key.rawValue, closedObject(description, contents.json))
            case .html: properties.set(key.rawValue, closedObject(description, html.json))
            case .closedItemMarking: properties.set(key.rawValue, choice(description, ClosedItemMarking.allCases.map(\.rawValue), ClosedItemMarking.note.rawValue))
            case .duration: properties.set(key.rawValue, choice(description, HouseStyle.DurationPlacement.allCases.map(\.rawValue), standard.duration.rawValue))
            case .sectionOrder: properties.set(key.rawValue, choice(description, HouseStyle.SectionOrder.allCases.map(\.rawValue), standard.sectionOrder.rawValue))
            case .lineBreaks: properties.set(key.rawValue, choice(description, HouseStyle.LineBreaks.allCases.map(\.rawValue), standard.lineBreaks.rawValue))
            }
        }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("agendac house style (agendac-stil.json)")),
            ("description", .string("How a municipality prints its agendas and minutes. Every key is optional; what is left out is the built-in neutral style (`agendac style --print`).")),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("properties", properties.json),
        ])
    }

    static func closedObject(_ description: JSON, _ properties: JSON) -> JSON {
        .object([("type", .string("object")), ("description", description), ("additionalProperties", .bool(false)), ("properties", properties)])
    }

    static func flag(_ help: String, _ standard: Bool) -> JSON {
        .object([("type", .string("boolean")), ("description", .string(help)), ("default", .bool(standard))])
    }

    static func choice(_ description: JSON, _ values: [String], _ standard: String) -> JSON {
        .object([("type", .string("string")), ("description", description), ("enum", .array(values.map(JSON.string))), ("default", .string(standard))])
    }
}

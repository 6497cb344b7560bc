/// The KLE facts the tools know without a licensed plan (from `kle.md`):
/// main groups, action-facet families and a few facet titles. With a KLE-XML
/// file configured, `KLEPlan` holds the full plan and this is only the fallback.
public enum KLEFacts {
    /// Main group number → title (2025 edition of the plan).
    public static let mainGroups: [Int: String] = [
        0: "Kommunens styrelse", 1: "Fysisk planlægning og naturbeskyttelse", 2: "Byggeri", 3: "Boliger",
        4: "Parker, fritids-/idrætsanlæg og landskabspleje mv.", 5: "Veje og trafik", 6: "Spildevand og vandløb",
        7: "Affald og genanvendelse", 8: "Havne og lufthavne", 9: "Miljøbeskyttelse", 13: "Forsyning", 14: "Beredskab",
        15: "Arbejdsmarked og beskæftigelsesindsats", 17: "Folkeskoleundervisning", 18: "Folkeoplysning og ungdomsskoler",
        19: "Kulturhistoriske institutioner", 20: "Kulturvirksomhed", 21: "Biblioteker", 22: "Regulering af private erhverv",
        23: "Borgerlige forhold", 24: "Erhvervsforhold", 25: "Beskatning", 27: "Social service", 28: "Dagtilbud",
        29: "Sundhed", 30: "Andre myndigheders opgaver", 32: "Kontante ydelser", 34: "Hjælp og støtte efter barnets lov",
        54: "Uddannelse", 81: "Kommunens personale", 82: "Kommunens ejendomme og lokaler",
        83: "Kommunens driftsmidler og inventar", 84: "Offentlige valg", 85: "Kommunens administrative systemer",
        86: "Kommunens selvforsyning og fremstillingsvirksomhed", 87: "Kommunens arbejdsmiljø", 88: "Kommunens indkøb og udbud",
    ]

    /// Action-facet family letter → title.
    public static let facetFamilies: [Character: String] = [
        "A": "Organisering mv.", "P": "Planlægning, regler og principper", "S": "Overordnet økonomi",
        "Ø": "Økonomi efter fastlagte rammer", "G": "Efter faste regler", "K": "Kontrol og klager",
        "I": "Modtaget informativt materiale",
    ]

    /// The facet titles `kle.md` names.
    public static let facetTitles: [String: String] = [
        "A00": "Organisering mv. i almindelighed", "A53": "Aktindsigtsanmodning mv.", "G01": "Generelle sager",
        "P35": "Mødesager",
    ]

    /// The family letters in the plan's order, for completion.
    public static let facetFamilyOrder: [Character] = ["A", "P", "S", "Ø", "G", "K", "I"]
}

import AgendaRender

/// The labels minutes print in a column beside their values ("Mødedato",
/// "Sagsnr.", "Sagsbehandler"): the house style's own labels, read from its
/// template table, and the few other spellings in common use.
enum PrintedLabels {
    static let labels: Set<String> = {
        let keys: [StyleTemplate] = [.meetingDateLabel, .timeLabel, .startLabel, .endLabel, .placeLabel, .participantsLabel, .absentLabel, .substitutesLabel,
                                     .caseNumberLabel, .distributionLabel, .caseworkerLabel, .otherCaseworkersLabel, .durationLabel,
                                     .publicTitleLabel]
        let printed = keys.map { HouseStyle.standard[$0].source.lowercased() }
        return Set(printed + ["sagsnr", "sagsnummer", "sag nr.", "dato", "sted", "tid", "deltagere", "afbud", "mødetidspunkt", "fordeling"])
    }()

    /// Whether a column's text is such a label (a trailing colon allowed).
    static func isLabel(_ text: String) -> Bool {
        var lowered = text.lowercased()
        if lowered.hasSuffix(":") { lowered.removeLast() }
        return labels.contains(lowered)
    }
}

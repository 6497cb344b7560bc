/// The roles a person holds in a meeting (`formand`, `næstformand`, …): the
/// one table that decides whether a comma-separated piece after a person is
/// that person's role (`Karen Holst (A), formand, Peter Damgaard (Æ)`).
public enum RoleWords {
    /// A piece whose first word ends in one of these is a role: `formand` also
    /// covers `næstformand` and `udvalgsformand`, `borgmester` `viceborgmester`.
    public static let endings: [String] = [
        "formand", "borgmester", "rådmand", "medlem", "suppleant", "stedfortræder", "observatør",
        "tilforordnet", "direktør", "chef", "leder", "sekretær", "referent", "konsulent", "repræsentant",
        "gæst", "løsgænger",
    ]

    /// The roles completion offers after a person, commonest first.
    public static let common: [String] = ["formand", "næstformand", "medlem", "borgmester", "viceborgmester", "suppleant", "sekretær", "referent"]

    /// Whether a piece with no party, written after a person, is that person's
    /// role: it starts with a role word, or with a small letter or a digit
    /// (`formand for udvalget`, `2. næstformand`), which a name never does.
    public static func isRole(_ piece: Substring) -> Bool {
        guard let first = piece.first else { return false }
        if first.isLowercase || first.isNumber { return true }
        let firstWord = piece.prefix { $0 != " " }.lowercased()
        return endings.contains { firstWord.hasSuffix($0) }
    }
}

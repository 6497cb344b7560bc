import AgendaBase

/// A form of case number a municipality's case system writes, as named in
/// `agendac.json` (`caseNumberPatterns`), such as `yyyy-nnnnnn`,
/// `nn.nn.nn-Xnn-n-yy`, `yy/nnnnn` or `nnnnnnn`. The letters (docs/settings.md):
///
/// - `n` a digit; a run of `n` is exactly that many digits, but a lone `n` is a
///   running number of any length (one digit or more);
/// - `y` a digit of the year: `yy` two digits, `yyyy` four;
/// - `X` a KLE action-facet letter (A P S Ø G K I);
/// - `a` any letter;
/// - `\` makes the next character literal; every other character stands for itself.
public struct CaseNumberPattern: Hashable, Sendable {
    enum Token: Hashable, Sendable {
        case digits(min: Int, max: Int)
        case facetLetter
        case letter
        case literal(Character)
    }

    /// As written in the settings.
    public let text: String
    let tokens: [Token]

    /// The two forms the checker reads without settings (`CaseNumber`), as
    /// patterns: a settings file that adds a form names these too, since
    /// `caseNumberPatterns` replaces them.
    public static let builtInForms = ["nn.nn.nn-Xnn-n-yy", "yy/n"]

    /// Case numbers longer than this match no pattern (and are not searched).
    static let longest = 64

    public init(_ text: String) {
        self.text = text
        var tokens: [Token] = []
        var characters = Array(TextNormalization.nfc(text))[...]
        while let first = characters.first {
            characters = characters.dropFirst()
            switch first {
            case "n", "y":
                var run = 1
                while characters.first == first { run += 1; characters = characters.dropFirst() }
                tokens.append(first == "n" && run == 1 ? .digits(min: 1, max: Self.longest) : .digits(min: run, max: run))
            case "X": tokens.append(.facetLetter)
            case "a": tokens.append(.letter)
            case "\\":
                if let literal = characters.first { tokens.append(.literal(literal)); characters = characters.dropFirst() }
            default: tokens.append(.literal(first))
            }
        }
        self.tokens = tokens
    }

    /// Whether the whole of `value` has this form. Linear in the pattern times the value
    /// (at most `longest` characters), whatever the pattern.
    public func matches(_ value: String) -> Bool {
        let characters = Array(TextNormalization.nfc(value))
        guard characters.count <= Self.longest else { return false }
        // reachable[i]: the value's first i characters match the tokens so far
        var reachable = [Bool](repeating: false, count: characters.count + 1)
        reachable[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: characters.count + 1)
            for start in 0..<reachable.count where reachable[start] {
                switch token {
                case .digits(let min, let max):
                    var end = start
                    while end < characters.count, end - start < max, characters[end].isASCII, characters[end].isNumber {
                        end += 1
                        if end - start >= min { next[end] = true }
                    }
                case .facetLetter:
                    if start < characters.count, KLEFacts.facetFamilies[characters[start]] != nil { next[start + 1] = true }
                case .letter:
                    if start < characters.count, characters[start].isLetter { next[start + 1] = true }
                case .literal(let literal):
                    if start < characters.count, characters[start] == literal { next[start + 1] = true }
                }
            }
            reachable = next
        }
        return reachable[characters.count]
    }
}

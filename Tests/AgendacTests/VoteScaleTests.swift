import AgendaBase
import AgendaIDE
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// A vote of 20,000 named members, written the three ways a side may name
/// them, with three mistakes planted. Every pass over it (parse, check,
/// render, outline, semantic tokens) must stay linear: a quadratic
/// step (4·10⁸ comparisons at this size) would blow the time limit, while the
/// linear pass takes a second in a debug build. (The n-versus-4n ratio tests
/// of the pathological generator measure scaling itself.)
@Suite struct VoteScaleTests {
    static let members = 20_000

    static func name(_ index: Int) -> String { "Medlem \(index) Æblerød" }

    /// One member absent and one disqualified; a vote naming every member on the
    /// `for:` line, over continuation lines, and one a line below `imod:`.
    static let document: String = {
        var text = "møde: Byrådet\ndokument: referat\nfraværende: \(name(5)) (A)\n\n"
        text += "punkt 1: Stor afstemning\ninhabil: \(name(9)) (A)\nMedlemmet er part i sagen.\n\nbeslutning:\n"
        let third = members / 3
        // the first third on the `for:` line itself, the second on continuation lines of 100 names
        text += "afstemning: indstillingen\nfor: \(2 * third) (" + (0..<third).map { "\(name($0)) (A)" }.joined(separator: ", ") + ",\n"
        let continued = (third..<(2 * third)).map { "\(name($0)) (A)" }
        text += stride(from: 0, to: continued.count, by: 100).map { continued[$0..<min($0 + 100, continued.count)].joined(separator: ", ") }
            .joined(separator: ",\n")
        text += ")\nimod: \(members - 2 * third + 1)\n"
        // the rest one a line, and a planted duplicate of the first name
        text += ((2 * third)..<members).map { "- \(name($0)) (A)\n" }.joined() + "- \(name(0)) (A)\n"
        return text
    }()

    @Test(.timeLimit(.minutes(2))) func checksAndRendersLinearly() {
        let document = AnalyzedDocument(text: Self.document)
        let codes = document.diagnostics.map(\.code)
        // the planted mistakes, each found once: the absent member and the disqualified one vote, one member votes twice
        #expect(codes.filter { $0 == Rule.absentVoter.code }.count == 1)
        #expect(codes.filter { $0 == Rule.disqualifiedVoter.code }.count == 1)
        #expect(codes.filter { $0 == Rule.voterNamedTwice.code }.count == 1)
        #expect(codes.filter { $0 == Rule.voteCountMismatch.code }.isEmpty, "\(document.diagnostics.prefix(3))")
        guard let vote = document.meeting.items.first?.decision?.votes.first else {
            Issue.record("the vote was not read")
            return
        }
        #expect(vote.sides.map(\.voters.count) == [2 * (Self.members / 3), Self.members - 2 * (Self.members / 3) + 1])
        #expect(vote.total == Self.members + 1)
        let text = AgendaRenderer.render(document.meeting, as: .text)
        #expect(text.contains("For: \(2 * (Self.members / 3)) (\(Self.name(0)) (A), "))
        #expect(!SemanticTokens.tokens(in: document).isEmpty)
        #expect(!DocumentSymbols.symbols(in: document).isEmpty)
    }
}

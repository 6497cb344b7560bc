/// Generates realistic agendas of any size: items shaped like the seeds
/// (case numbers, Danish prose with æøå, lists, a table, recommendation,
/// decision with positions, attachments).
enum DocumentGenerator {
    static func minutes(items: Int) -> String {
        var out = """
            // Genereret til benchmark
            møde: Beskæftigelses- og Integrationsudvalget
            kommune: Horsens Kommune
            dokument: referat
            dato: 2026-05-04
            tid: 15:00-17:30
            sted: Mødelokale 14
            deltagere: Anna Ærø (A), Bo Østergaard (V), Cecilie Åberg (Ø), Dorte Dam (O)
            fraværende: Dorte Dam


            """
        out.reserveCapacity(items * 1900)
        for number in 1...max(1, items) {
            out += item(number)
        }
        out += "underskrifter: digital\n- Anna Ærø\n- Bo Østergaard\n"
        return out
    }

    static func item(_ number: Int) -> String {
        let serial = number  // one case per item, as in real minutes (a few standing cases aside)
        return """
            punkt \(number): Orientering om udviklingsplan for område \(number)
            sagsnr: 15.00.00-A00-\(serial)-26
            kommunikation: DIR(x) BFU SOS
            sagsbehandler: Jens Sørensen
            afsluttes i: Beskæftigelses- og Integrationsudvalget

            resume:
            Horsens Kommune har gennem en årrække arbejdet strategisk med at omdanne udsatte boligområder i kommunen.
            Kommunen og boligforeningerne har i samarbejde haft som mål at skabe balancerede boligområder.

            sagsfremstilling:
            overskrift: Baggrund
            Beskæftigelses- og Integrationsudvalget introduceres til arbejdsområdet, og introduktionen vil have fokus på
            karakteristika for områderne, det strategiske samarbejde og fremtidsperspektiverne for **arbejdet** i områderne.

            - Beskæftigelse
            - Uddannelse og livschancer
              med fokus på *unge* under 30 år
            - Sammenhængskraft og medborgerskab

            | I mio. kr. | 2025 | 2026 | I alt |
            |---|---|---|---|
            | Udgifter | 0,3 | 2,4 | 2,7 |

            indstilling: Direktionen indstiller, at
            1. Beskæftigelses- og Integrationsudvalget tager orienteringen til efterretning.
            2. Byrådet godkender en udgiftsbevilling på i alt 2.159.000 kr.

            beslutning: Beskæftigelses- og Integrationsudvalget, 04-05-2026
            flertal: A, V
            Et flertal bestående af Socialdemokratiet og Venstre tiltrådte indstillingen.
            mindretal: O
            Et mindretal bestående af Dansk Folkeparti kunne ikke tiltræde indstillingen.
            udfald 1: tiltrådt

            bilag:
            - Udviklingsplan for område \(number)
            - Dataprofil 2026


            """
    }
}

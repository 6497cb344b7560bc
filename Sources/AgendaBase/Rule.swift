/// Every rule the parser and the checker report, with its stable code.
///
/// This is the one table of rules: the parser, the checker, hover (which
/// explains a diagnostic), `agendac rules` and the docs all read it. Codes never
/// change meaning once released; retire a rule rather than reuse its code.
public enum Rule: String, CaseIterable, Sendable {
    // Syntax: what the grammar cannot read (AG1xx).
    case unreadableText = "AG100"
    case textOutsideSection = "AG101"
    case misplacedKeyword = "AG102"
    case missingItemTitle = "AG103"
    case invalidItemNumber = "AG104"
    case possibleKeywordTypo = "AG105"
    case unevenTableRow = "AG106"
    case duplicateField = "AG107"
    case missingValue = "AG108"
    case unknownDocumentKind = "AG109"
    case unreadableListLine = "AG110"
    case missingColon = "AG111"
    case attachmentCount = "AG112"
    case listTooDeep = "AG120"
    case numberTooLarge = "AG121"

    // Case numbers (AG2xx).
    case malformedCaseNumber = "AG200"
    case unknownMainGroup = "AG201"
    case unknownFacet = "AG202"
    case unknownSubject = "AG203"
    case caseYearAfterMeeting = "AG204"
    case sharedCaseNumber = "AG205"
    case caseNumberStyle = "AG206"
    case retiredSubject = "AG207"
    case movedSubject = "AG208"
    case caseNumberForm = "AG209"

    // Dates and times (AG3xx).
    case invalidDate = "AG300"
    case invalidTime = "AG301"
    case missingDate = "AG302"

    // Items and their order (AG4xx).
    case duplicateItemNumber = "AG400"
    case itemNumberSequence = "AG401"
    case missingDecision = "AG402"
    case decisionInAgenda = "AG403"
    case recommendationWithoutPoints = "AG404"
    case outcomeForMissingPoint = "AG405"
    case unreadableHistory = "AG406"
    case decisionLineAmbiguous = "AG407"
    case noDecisionFlagWithDecision = "AG408"
    case outcomeWithoutRecommendation = "AG409"
    case voteCountMismatch = "AG416"
    case voteOnMissingPoint = "AG417"
    case moreVotesThanPresent = "AG418"
    case voteWithoutSides = "AG419"

    // Closed items and what their public version says (AG42x).
    case closedItemWithoutPublicDecision = "AG420"
    case publicFieldOnOpenItem = "AG421"
    case publicAndConfidentialDecision = "AG422"
    case nearMissWithholdingFlag = "AG425"
    case nearMissWithheldAttachment = "AG426"

    // People, parties and the workspace (AG5xx).
    case absenteeNotParticipant = "AG500"
    case unknownMember = "AG501"
    case unknownParty = "AG502"
    case unknownCommittee = "AG503"
    case unknownDistributionCode = "AG504"
    case missingAttachmentFile = "AG505"
    case settingsUnreadable = "AG506"
    case attachmentOutsideFolder = "AG507"
    case voterNamedTwice = "AG510"
    case absentVoter = "AG511"
    case disqualifiedVoter = "AG512"
    case voterNotParticipant = "AG513"
    case voterPartyDiffers = "AG514"
    case conflictWithoutReason = "AG515"

    // The house style file, agendac-stil.json (AG6xx).
    case styleUnreadable = "AG600"
    case styleUnknownKey = "AG601"
    case styleTemplate = "AG602"
    case styleValueType = "AG603"
    case styleLogoUnreadable = "AG604"
    case styleLogoImage = "AG605"

    // The minutes archive, when the workspace names one (AG70x).
    case historyMeetingNotInArchive = "AG705"
    case historyItemNotInArchive = "AG706"
    case historyCaseNumberDiffers = "AG707"

    public var code: String { rawValue }

    public var severity: Severity {
        switch self {
        case .possibleKeywordTypo, .missingColon, .attachmentCount, .unevenTableRow, .listTooDeep, .unknownSubject, .caseNumberStyle, .retiredSubject, .movedSubject, .missingDate,
            .itemNumberSequence, .decisionInAgenda, .recommendationWithoutPoints, .unreadableHistory,
            .decisionLineAmbiguous, .noDecisionFlagWithDecision, .closedItemWithoutPublicDecision,
            .absenteeNotParticipant, .unknownMember, .unknownParty, .unknownDistributionCode, .settingsUnreadable,
            .voterNotParticipant, .voterPartyDiffers, .conflictWithoutReason,
            .historyMeetingNotInArchive, .historyItemNotInArchive, .historyCaseNumberDiffers:
            .warning
        case .sharedCaseNumber, .unknownCommittee:
            .information
        default:
            .error
        }
    }

    /// A short name, as `agendac rules` lists it.
    public var title: String {
        switch self {
        case .unreadableText: "unreadable text"
        case .textOutsideSection: "text outside a section"
        case .misplacedKeyword: "keyword in the wrong place"
        case .missingItemTitle: "item without a title"
        case .invalidItemNumber: "invalid item number"
        case .possibleKeywordTypo: "possible misspelt keyword"
        case .unevenTableRow: "table row with another number of cells"
        case .duplicateField: "field given twice"
        case .missingValue: "field without a value"
        case .unknownDocumentKind: "unknown document kind"
        case .unreadableListLine: "unreadable list line"
        case .missingColon: "keyword line without its colon"
        case .attachmentCount: "attachment count that does not match the list"
        case .listTooDeep: "list nested too deep"
        case .numberTooLarge: "number too large"
        case .malformedCaseNumber: "malformed case number"
        case .unknownMainGroup: "unknown KLE main group"
        case .unknownFacet: "unknown KLE action facet"
        case .unknownSubject: "unknown KLE group or subject"
        case .caseYearAfterMeeting: "case year after the meeting year"
        case .sharedCaseNumber: "case number on several items"
        case .caseNumberStyle: "case number in another style than the workspace's"
        case .retiredSubject: "retired KLE subject"
        case .movedSubject: "moved KLE subject"
        case .caseNumberForm: "case number in none of the workspace's forms"
        case .invalidDate: "date that does not exist"
        case .invalidTime: "time that does not exist"
        case .missingDate: "meeting without a date"
        case .duplicateItemNumber: "item number used twice"
        case .itemNumberSequence: "item numbers out of sequence"
        case .missingDecision: "item without a decision in minutes"
        case .decisionInAgenda: "decision in an agenda"
        case .recommendationWithoutPoints: "recommendation without points"
        case .outcomeForMissingPoint: "outcome for a point the recommendation does not have"
        case .unreadableHistory: "unreadable earlier treatment"
        case .decisionLineAmbiguous: "`beslutning:` line that may name who decided or be text"
        case .noDecisionFlagWithDecision: "`uden beslutning` on an item with a decision"
        case .outcomeWithoutRecommendation: "outcome on an item without a recommendation"
        case .voteCountMismatch: "vote count that does not match the names"
        case .voteOnMissingPoint: "vote on a point the recommendation does not have"
        case .moreVotesThanPresent: "more votes than members present"
        case .voteWithoutSides: "vote without for, against or abstaining"
        case .closedItemWithoutPublicDecision: "closed item without a public decision in minutes"
        case .publicFieldOnOpenItem: "public title or decision on an item that is not closed"
        case .publicAndConfidentialDecision: "public decision on an item whose decision is confidential"
        case .nearMissWithholdingFlag: "line that looks like `lukket` or `fortrolig beslutning`"
        case .nearMissWithheldAttachment: "attachment note that looks like `ikke offentlig`"
        case .absenteeNotParticipant: "absentee who is not a participant"
        case .unknownMember: "person who is not a member of the committee"
        case .unknownParty: "party the committee does not have"
        case .unknownCommittee: "committee the workspace does not know"
        case .unknownDistributionCode: "unknown distribution code"
        case .missingAttachmentFile: "attachment file that does not exist"
        case .attachmentOutsideFolder: "attachment outside the agenda's folder"
        case .settingsUnreadable: "unreadable workspace settings"
        case .voterNamedTwice: "member named twice in one vote"
        case .absentVoter: "absent member named in a vote"
        case .disqualifiedVoter: "disqualified (inhabil) member named in a vote"
        case .voterNotParticipant: "member in a vote who is not a participant"
        case .voterPartyDiffers: "member's party differs from the workspace settings"
        case .conflictWithoutReason: "conflict of interest without a reason"
        case .styleUnreadable: "style file that is not JSON"
        case .styleUnknownKey: "unknown key in a style file"
        case .styleTemplate: "template with an unknown slot or unreadable braces"
        case .styleValueType: "style value of the wrong kind"
        case .styleLogoUnreadable: "logo file that cannot be read"
        case .styleLogoImage: "logo that is not a usable PNG or JPEG"
        case .historyMeetingNotInArchive: "earlier treatment of a meeting the archive does not have"
        case .historyItemNotInArchive: "earlier treatment of an item the archive does not have"
        case .historyCaseNumberDiffers: "earlier treatment of an item with another case number"
        }
    }

    /// Why the rule exists and how to satisfy it; shown on hover over a diagnostic.
    public var explanation: String {
        switch self {
        case .unreadableText:
            "The file holds bytes that are not text (not UTF-8, or control characters). Save the file as UTF-8 text; the unreadable part is shown as �."
        case .textOutsideSection:
            "Prose must belong to a section so it can be printed under the right heading. Put a section keyword such as `sagsfremstilling:` or `resume:` on the line above the text."
        case .misplacedKeyword:
            "Each keyword belongs to one place: meeting fields before the first `punkt`, item fields and sections inside an item, decision fields inside `beslutning:`. Move the line there, or start it with `\\` to keep it as prose."
        case .missingItemTitle:
            "Every item needs a title after the colon: `punkt 3: Godkendelse af dagsorden`."
        case .invalidItemNumber:
            "An item number is a whole number: `punkt 12: …`. Leave it out (`punkt: …`) to continue from the previous item."
        case .possibleKeywordTypo:
            "The line looks like a keyword with a spelling mistake, so it is read as prose (a numbered one with its number and colon, `pukt 3: Titel`, is read as the keyword it misspells). Correct the keyword, or start the line with `\\` if it really is prose."
        case .unevenTableRow:
            "A row has another number of cells than the table's first row; cells may be misplaced. Add empty cells (`| |`) so every row has the same count."
        case .duplicateField:
            "A field such as `sagsnr:` or `dato:` is given twice in the same place; only the first counts. Remove the other."
        case .missingValue:
            "The field needs a value after the colon."
        case .unknownDocumentKind:
            "`dokument:` is `dagsorden` (agenda, before the meeting) or `referat` (minutes, after it)."
        case .unreadableListLine:
            "The line cannot be read in this section; see the message for the expected form."
        case .missingColon:
            "A keyword line has its colon after the keyword (and its number): `punkt 1: Godkendelse af dagsorden`, `udfald 2: tiltrådt`, `resume:`. This line is read as if the colon were there; insert it, or start the line with `\\` if it really is prose."
        case .attachmentCount:
            "`Bilag (3):` and `Bilag: 3 bilag` say how many attachments the item has, as printed minutes do; the count must match the attachments listed below. Correct it, or leave it out (the list is what counts)."
        case .listTooDeep:
            "Lists nest at most 10 levels deep. A list line indented deeper is kept as text of the entry above it; indent it less or split the list."
        case .numberTooLarge:
            "An item or outcome number has at most 9 digits, a list number 6 and a year 4. A longer number is not read as a number (a line starting with a longer list number is text); write the number meant."
        case .malformedCaseNumber:
            "A case number is KLE style `15.00.00-A00-9-26` (subject, action facet, running number, two-digit year) or `yy/nnnnn` such as `21/24526`."
        case .unknownMainGroup:
            "The first two digits of a KLE number are the main group; this one is not in the KLE plan. Check the number against the case in the journal system."
        case .unknownFacet:
            "The action facet (letter and two digits after the first dash) must start with one of A P S Ø G K I, and be in the KLE-XML file when one is configured."
        case .unknownSubject:
            "The subject is not in KLE: the open OS2KLE list shipped with agendac, or the municipality's KLE-XML when `agendac.json` names one. `NN.00.00`, the main group in general, is always accepted. Old cases keep the number they were opened with, so this may be right; the message names the nearest subjects that exist."
        case .caseYearAfterMeeting:
            "The year in the case number is later than the meeting's year, so the case cannot have been opened yet. Check the year."
        case .sharedCaseNumber:
            "Several items carry the same case number. That is common (a standing case), so this is only information."
        case .caseNumberStyle:
            "The workspace settings (`agendac.json`, `caseNumberStyle`) prefer another case-number style."
        case .retiredSubject:
            "The municipality's KLE-XML marks the subject as retired (`UdgaaetDato`). Cases opened before keep their number; a new case needs a current subject."
        case .movedSubject:
            "The municipality's KLE-XML says the subject has moved (`Flyttet/AfloestAf`). Cases opened before keep their number; a new case uses the replacement, which the quick fix writes."
        case .caseNumberForm:
            "The workspace settings (`agendac.json`, `caseNumberPatterns`) list the forms the municipality's case system writes, such as `yyyy-nnnnnn` or `nn.nn.nn-Xnn-n-yy` (letters in docs/settings.md); the number matches none of them."
        case .invalidDate:
            "The date does not exist in the calendar or cannot be read. Write it as `2026-05-04`, `04-05-2026` or `4. maj 2026`."
        case .invalidTime:
            "The time cannot be read or does not exist. Write `15:00`, or a range `15:00-17:30`."
        case .missingDate:
            "The meeting has no `dato:`; the weekday, the heading and the case-year check need one."
        case .duplicateItemNumber:
            "Two items have the same number. Renumber them."
        case .itemNumberSequence:
            "Items are numbered one after another; this number does not follow the previous item's. Numbering may start anywhere."
        case .missingDecision:
            "In minutes (`dokument: referat`) every item records its decision under `beslutning:`. Items that by nature have none carry the flag `uden beslutning`."
        case .decisionInAgenda:
            "An agenda (`dokument: dagsorden`) is written before the meeting, so decisions are not expected yet. Change `dokument:` to `referat` once the meeting has been held."
        case .recommendationWithoutPoints:
            "A recommendation lists what is recommended: points as `1. …`, `- …` or `at …` lines under `indstilling:`."
        case .outcomeForMissingPoint:
            "`udfald N:` records the outcome of recommendation point N, but the recommendation has fewer points."
        case .unreadableHistory:
            "An earlier treatment is written `- Udvalg, 2025-09-30, punkt 4: Udfald` (the item number and outcome are optional)."
        case .decisionLineAmbiguous:
            "The value on the `beslutning:` line is who decided and when (`Udvalget, 2026-05-04`, `Byrådet den 4. maj 2026`, or a body's name) or else the decision's first line. This one reads like a name that is not a known body, so it is taken as text. End it with a full stop if it is text; write `Navn, dato` or add the committee to `agendac.json` if it names who decided."
        case .noDecisionFlagWithDecision:
            "`uden beslutning` marks an item that by nature has no decision, yet this item has one under `beslutning:`. Remove the flag (or the decision)."
        case .outcomeWithoutRecommendation:
            "`udfald N:` records the outcome of recommendation point N, but the item has no `indstilling:`. Add the recommendation, or write the outcome as decision text."
        case .voteCountMismatch:
            "A side of a vote gives a number and names every member (`for: 2 (Anna Ærø (A), Bo Østergaard (V))`), but the number is not the count of names. Correct the number, or add the missing names (end with `…` when they are left out on purpose)."
        case .voteOnMissingPoint:
            "`afstemning: punkt N` votes on point N of the recommendation, but the item's recommendation has fewer points (or none). Check the number, or write the proposal that was voted on."
        case .moreVotesThanPresent:
            "A vote records more votes (for, against and abstaining together) than members were present for the item: the participants, less those absent and those disqualified (`inhabil:`). Check the counts, `fraværende:` and `inhabil:`."
        case .voteWithoutSides:
            "`afstemning:` opens a vote; below it (after the proposal's text, if any) come `for:`, `imod:` and `undlod at stemme:` with the number of votes and/or the names."
        case .closedItemWithoutPublicDecision:
            "The public minutes of a closed item (`lukket`) still publish its decision, in words that may be made public, unless the decision itself is confidential. Write it under `offentlig beslutning:`, or add the flag `fortrolig beslutning` when the decision may not be published."
        case .publicFieldOnOpenItem:
            "`offentlig titel:` and `offentlig beslutning:` say what the public minutes show of a closed item. On an item without `lukket` everything is published anyway, so the field suggests the item was meant to be closed: add `lukket` under the item line, or remove the field. The public version is refused until this is settled."
        case .publicAndConfidentialDecision:
            "The item says both that its decision is confidential (`fortrolig beslutning`) and what the public decision is (`offentlig beslutning:`). Keep the one that is true; until then nothing of the decision is published and the public version is refused."
        case .nearMissWithholdingFlag:
            "A line inside an item that is `lukket` or `fortrolig beslutning` once spaces (also no-break ones), punctuation, list and table markers, digits and invisible characters (zero-width space, byte-order mark, soft hyphen, word joiner) are taken away, or an inflected or misspelt form of them (`lukkede`, `luket`, `Lukket møde`, `closed.`), is not read as the flag but is taken to mean it: the item is closed (or its decision withheld) all the same, so nothing of it is published by mistake, and the public version is refused until the line is written as the flag. Write the flag alone at the start of the line, or start the line with `\\` if it really is text."
        case .nearMissWithheldAttachment:
            "An attachment's note in parentheses that is a near miss of `ikke offentlig` (`ikke-offentlig`, `ikke offentligt`, `fortroligt`) keeps the attachment out of public versions all the same, and the public version is refused until the note is written `ikke offentlig`."
        case .absenteeNotParticipant:
            "Everybody absent is one of the meeting's participants (`deltagere:`). Add the person there, or check the spelling."
        case .unknownMember:
            "The workspace settings list the committee's members, and this name is not among them. Check the spelling, or add the member to `agendac.json`."
        case .unknownParty:
            "The workspace settings list the parties; this one is not among them. Use the party's name or letter as listed."
        case .unknownCommittee:
            "The workspace settings do not list this committee, so its members cannot be checked."
        case .unknownDistributionCode:
            "The workspace settings list the distribution codes; this one is not among them."
        case .missingAttachmentFile:
            "The attachment names a file (relative to the agenda file) that does not exist. Check the path, or add the file."
        case .settingsUnreadable:
            "The workspace settings file `agendac.json` could not be read; its defaults are not used."
        case .attachmentOutsideFolder:
            "An attachment's file must lie in the agenda's folder or below it, in the folder of `agendac.json` or below it, or in a folder listed in its `attachmentFolders`. A path such as `/etc/passwd` or `bilag/../../x` leads elsewhere; it is not looked up at all, so checking an agenda never tells whether some other file on the machine exists. Move the file into the agenda's folder and name it relative to the agenda."
        case .voterNamedTwice:
            "A member can vote once in each vote, yet this name stands twice (on one side or on two). Remove the wrong one."
        case .absentVoter:
            "The member is absent (`fraværende:` for the meeting, the item or its decision) and so cannot vote or be counted in a majority or minority. Remove the name, or correct the absence."
        case .disqualifiedVoter:
            "The member is disqualified for this item (`inhabil:`), leaves it and so cannot vote on it or be counted in a majority or minority. Remove the name, or correct `inhabil:`."
        case .voterNotParticipant:
            "Everybody who votes is one of the meeting's participants (`deltagere:`) or a substitute (`stedfortrædere:`). Add the person there, or check the spelling."
        case .voterPartyDiffers:
            "The workspace settings give the member another party (or none: an independent member, `løsgænger`). Check which is right; the quick fix writes the party from `agendac.json`."
        case .conflictWithoutReason:
            "Minutes record why a member is disqualified (inhabil), as the law on public administration asks. Write the reason on the lines below `inhabil:`."
        case .styleUnreadable:
            "The house style file (`agendac-stil.json`, or the file `agendac.json` names with `style`) must be JSON. Nothing is compiled until it reads; `agendac style --print` shows a correct file to start from."
        case .styleUnknownKey:
            "Every key of a style file is one the schema (docs/style.schema.json) lists; a misspelt key would otherwise be ignored silently. Correct or remove it."
        case .styleTemplate:
            "A template may use only its own slots (docs/style.md lists them; hover in the editor shows them), and a date slot only the forms numeric, long, text, iso and weekday. Write `{{`, `}}`, `[[` or `]]` to print a brace or bracket."
        case .styleValueType:
            "The value has the wrong kind: templates and HTML options are strings, `contents` flags and `newPagePerItem` are true or false, `closedItemMarking` and `duration` are one of the listed words."
        case .styleLogoUnreadable:
            "`html.logo` names the logo file relative to the style file. When compiling, agendac reads it to put it in the PDF; check the name and that the file is there and readable."
        case .styleLogoImage:
            "The PDF takes a logo as PNG (any colour type and bit depth, transparency kept; not interlaced) or JPEG (8 bits, grey, RGB or CMYK). Save the logo again in one of those forms, e.g. a PNG without interlacing."
        case .historyMeetingNotInArchive:
            "A `sagens gang:` line names a meeting (body and date) that the workspace's archive does not hold. Correct the body's name or the date as the archive has them (`agendac archive case NUMBER` lists a case's treatments), or add those minutes to the archive with `agendac archive add`."
        case .historyItemNotInArchive:
            "A `sagens gang:` line names an item number that the archived meeting does not have. Correct the item number (`punkt N`) to the one the archived minutes give the case."
        case .historyCaseNumberDiffers:
            "A `sagens gang:` line names an archived item that carries another case number than this item, so the two are not treatments of one case. Correct the meeting or item number in the line, or this item's `sagsnr:` if that is what is wrong."
        }
    }
}

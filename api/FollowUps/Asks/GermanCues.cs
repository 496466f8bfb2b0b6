namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>German (LanguageCues explains the phrase syntax).</summary>
internal static class GermanCues
{
    public static readonly LanguageCues Cues = new()
    {
        Code = "de",
        Requests =
        [
            "könnten|können|kannst|könntest|würden|würdest sie|du|ihr … ansehen|anschauen|prüfen|schicken|senden|sagen|bestätigen|unterschreiben|übernehmen|geben|zusenden",
            "(wärst du|wären sie|wärt ihr) bereit",
            "~^wähle|wählt|wählen",
            "ich|wir benötige|benötigen|brauche|brauchen noch",
            "mir|uns fehlt|fehlen noch",
            "~bitte !beachten|beachte|beachtet|entschuldigen|entschuldige|entschuldigt|schön|sehr|gerne|gern|ignorieren|ignoriere|vergessen|nicht|um+entschuldigung",
            "könnten|können|würden|kannst|könntest|würdest|könnt|könntet|würdet sie|du|ihr … mir|uns",
            "könnten|können|würden|kannst|könntest|würdest|könnt|könntet|würdet sie|du|ihr ?",
            "(wären sie|wärst du|wärt ihr) so nett|freundlich|lieb",
            "ich bitte sie|dich|euch|um",
            "ich möchte|würde sie|dich|euch bitten",
            "darf ich sie|dich|euch bitten|fragen",
            "~^schick|schicke|schickt|sende|sendet|leite|leitet mir|uns",
            "~schicken|senden sie mir|uns",
            "~gib|gebt|sag|sagt … bescheid",
            "~geben|sagen sie … bescheid",
            "~(lass|lasst|lassen sie) mich|uns wissen",
            "~(melde dich|melden sie sich|meldet euch)",
            "hättest|hätten|hättet du|sie|ihr … zeit",
            "magst|möchtest du … mal",
            "(ich warte|wir warten) … auf ihre|deine|eure|eine … antwort|rückmeldung|bestätigung|feedback|freigabe|nachricht",
            "(ich freue|wir freuen) … auf … antwort|rückmeldung|feedback|nachricht",
            "danke|dank … (im voraus|vorab)",
            "vorab vielen|besten dank",
            "kann|könnte jemand",
            "wäre es … schön|toll|super|gut|nett|hilfreich|möglich",
            "wäre schön|toll|super|nett|hilfreich|prima|gut wenn",
            "(ich wäre|wir wären) … dankbar",
            "ist es möglich ?",
            "um … rückmeldung|antwort|bestätigung|freigabe … gebeten",
            "bräuchte|bräuchten|benötige|benötigen … (ihre|deine|eure|von ihnen|von dir|von euch)",
        ],
        Questions =
        [
            "würde|würden mich interessieren",
            "interessiert mich ob|wie|wann|was",
            "ich frage mich",
            "weiß|kennt|hat jemand",
            "ich wollte|möchte|würde … fragen|wissen",
            "kurze frage",
            "ich habe eine frage",
            "weißt|wisst du|ihr ob|wie|wann|wo|warum|was|wer",
            "wissen sie ob|wie|wann|wo|warum|was|wer",
            "ideen|vorschläge|tipps ?",
            "hat jemand … idee|ahnung|erfahrung",
        ],
        Proposals =
        [
            "was hältst|haltet|halten … davon",
            "was meinst|meint|meinen|denkst|denkt|denken du|ihr|sie",
            "sollen|sollten wir|ich ?",
            "(wie wäre es|wie wärs) ?",
            "einverstanden ?",
            "passt das|es|dir|ihnen|euch ?",
            "einwände ?",
            "ok|okay für dich|sie|euch ?",
            "ist das (ok|okay|in ordnung) ?",
            "lieber … oder ?",
        ],
        Reviews =
        [
            "anmerkungen|kommentare|feedback|rückmeldungen|hinweise … willkommen|erwünscht",
            "eure|ihre|deine meinung ?",
        ],
        Updates =
        [
            "gibt es … neuigkeiten|neues|updates|update|fortschritte ?",
            "neuigkeiten ?",
            "wie ist der stand|status",
            "wie weit bist|sind|seid",
            "wie sieht es … aus ?",
            "hattest|hatten|hattet|konntest|konnten|konntet du|sie|ihr … zeit|gelegenheit",
            "freundliche|kurze|kleine erinnerung",
            "ich wollte … nachfragen|nachhaken",
            "^nachfrage",
            "nach dem stand",
        ],
        SignatureWords =
        [
            "unterschreib*|unterschrieb*|unterschrift*|unterzeichn*|gegenzeichn*|signier*",
        ],
        ReviewWords =
        [
            "prüfen|überprüfen|durchsehen|durchlesen|anschauen|ansehen|drüberschauen|review|feedback|freigeben|freigabe",
            "genehmigen|genehmigung|absegnen|meinung|anmerkungen|korrekturlesen|blick",
        ],
        DateWords =
        [
            "^wann", "wann … zeit|passt|treffen|geht", "uhrzeit", "um wie viel uhr", "welcher|welchen|welches tag|termin|datum", "termin*",
            "zeit hast|haben|habt", "kalender", "passt es|dir|ihnen|euch", "treffen",
        ],
        Days = ["montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag", "morgen um|vormittag|nachmittag|früh", "nächste woche", "#time"],
        UpdateWords = ["neuigkeiten", "stand", "status", "fortschritt*", "erinnerung", "nachfragen", "nachhaken"],
        ProposalWords = ["vorschlag", "vorschlagen", "schlage", "option", "optionen", "alternative*", "lieber", "bevorzug*", "einverstanden", "einwände", "abstimmung"],
        Offers =
        [
            "bei … fragen|rückfragen|problemen|unklarheiten",
            "wenn|falls du|sie|ihr|es … fragen|rückfragen|hilfe|unterstützung|probleme",
            "stehe|stehen … zur verfügung",
            "(zögern sie|zögere|zögert) nicht",
            "gerne behilflich",
            "(helfe ich gerne|helfe gerne)",
            "sprich|sprecht mich gerne an",
            "sprechen sie mich gerne an",
            "einfach melden|fragen",
            "(frag|fragt|fragen sie) gerne|einfach",
        ],
        NoReply =
        [
            "keine antwort … nötig|notwendig|erforderlich|erwartet",
            "(du musst|sie müssen|ihr müsst) … nicht antworten|reagieren",
            "kein handlungsbedarf",
            "keine aktion … erforderlich|nötig",
            "bitte nicht … antworten",
        ],
        Fyi = ["zur info|information|kenntnis", "zu ihrer|deiner|eurer information|kenntnis", "fyi"],
        Rhetorical = ["warum nicht ?", "wer weiß", "rate mal"],
        Answers = ["ja", "nein", "doch", "klar", "natürlich", "weil", "genau", "einfach", "antwort"],
        You =
        [
            "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "sie", "ihnen", "ihr", "ihre", "ihren", "euch", "euer", "eure", "kannst",
            "könntest", "hast", "bist",
        ],
        Greetings = ["hallo", "hi", "hey", "liebe", "lieber", "liebes", "sehr geehrte", "sehr geehrter", "guten tag", "guten morgen", "moin", "servus"],
        Everyone = ["zusammen", "alle", "allerseits", "team", "leute"],
        Closers =
        [
            "danke", "vielen dank", "danke schön", "dankeschön", "besten dank", "herzlichen dank", "mit freundlichen grüßen", "freundliche grüße",
            "mit besten grüßen", "beste grüße", "viele grüße", "liebe grüße", "herzliche grüße", "schöne grüße", "grüße", "gruß", "mfg", "lg", "vg", "bg",
            "bis bald", "danke und grüße", "danke und gruß", "viele grüsse", "beste grüsse", "gruss",
        ],
        Wrote = ["schrieb:", "schrieb :", "geschrieben:"],
        HeaderFrom = ["von"],
        HeaderSent = ["gesendet", "datum", "gesendet am"],
        Separators = ["ursprüngliche nachricht", "weitergeleitete nachricht", "originalnachricht", "beginn der weitergeleiteten nachricht"],
        SentFrom = ["von meinem iphone gesendet", "von meinem", "gesendet von", "gesendet mit"],
        Disclaimers = ["vertraulich", "empfänger", "irrtümlich", "untersagt", "unbefugt", "rechtlich"],
    };
}

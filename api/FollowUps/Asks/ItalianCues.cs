namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>Italian (LanguageCues explains the phrase syntax).</summary>
internal static class ItalianCues
{
    public static readonly LanguageCues Cues = new()
    {
        Code = "it",
        Requests =
        [
            "mi|ci servono|serve ancora",
            "mi|ci mancano|manca ancora",
            "ho|abbiamo bisogno del|della|dei|delle|di|dello|degli",
            "~^scegli|scegliete|scelga|indicami",
            "saresti|sareste|sarebbe disposto|disposta|disposti|disponibile",
            "~(per favore|per piacere|per cortesia|cortesemente) !trova|trovi|trovate|scusa|scusate|scusi|ignora|ignorate|non",
            "~gentilmente !trova|trovi",
            "potresti|potreste",
            "mi|ci puoi|potete|potresti|potreste|può|potrebbe|riesci|riuscite|riesce",
            "puoi|potete|riesci|riuscite|può ?",
            "potrebbe gentilmente|cortesemente",
            "ti|vi dispiacerebbe",
            "ti|vi|la|le chiedo|chiederei|prego|pregherei di",
            "ho|abbiamo bisogno che",
            "avrei|avremmo bisogno",
            "mi|ci servirebbe|servirebbero",
            "resto|rimango|restiamo|rimaniamo in attesa",
            "in attesa di … riscontro|risposta|conferma|feedback|notizie",
            "attendo|attendiamo|aspetto … riscontro|risposta|conferma|feedback|notizie",
            "grazie|ringrazio|ringraziando … in anticipo|anticipatamente",
            "ti|vi|le sarei|saremmo grato|grata|grati",
            "sarebbe utile|bello|ottimo|perfetto|fantastico|gentile se",
            "sarebbe possibile",
            "è possibile ?",
            "se potessi|potreste|potesse|riuscissi|riusciste",
            "qualcuno sa|può|potrebbe|ha|conosce|saprebbe",
            "~(fammi|fatemi|fateci|mi faccia|ci faccia) sapere|avere",
            "~fammelo|fatemelo sapere",
            "~mandami|inviami|mandatemi|inviatemi|mandaci|inviaci|girami|giratemi|inoltrami|confermami|confermatemi|dimmi|ditemi|scrivimi|chiamami|richiamami",
            "~mi|ci confermi|confermate|confermeresti|dici|dite|diresti|mandi|mandate|invii|inviate|giri|girate",
            "mi|ci sai|sapete dire",
            "~mi|ci fai|fate sapere",
            "ti|vi|le scrivo per chiedere|chiederti|chiedervi|chiederle|sapere|sollecitare",
            "ti|vi chiedo gentilmente|cortesemente",
            "riusciresti|riuscireste|riuscirebbe a",
            "dai|date|dia (un occhiata|uno sguardo)",
        ],
        Questions =
        [
            "mi chiedevo|domandavo",
            "volevo|vorrei|volevamo|vorremmo sapere|capire|chiedere|chiederti|chiedervi",
            "sai|sapete se|come|quando|dove|perché|chi|cosa",
            "hai|avete idea|idee|suggerimenti ?",
            "idee|suggerimenti|consigli ?",
            "qualche idea|suggerimento|consiglio",
            "ho una domanda",
            "una domanda veloce",
        ],
        Proposals =
        [
            "che|cosa ne pensi|pensate|pensa|dici|dite",
            "che dici|dite ?",
            "che te|ve ne pare",
            "ti|vi|le va|andrebbe|starebbe bene ?",
            "(va bene|ok|okay) per te|voi|lei ?",
            "sei|siete|è d accordo ?",
            "preferisci|preferite|preferisce",
            "facciamo|possiamo|dovremmo|dobbiamo|proviamo|procediamo ?",
            "obiezioni|contrari ?",
        ],
        Reviews =
        [
            "commenti|feedback|osservazioni|suggerimenti|pareri … benvenuti|graditi|apprezzati",
            "il tuo|vostro|suo parere|feedback|riscontro|ok ?",
        ],
        Updates =
        [
            "ci sono … novità|aggiornamenti|notizie ?",
            "novità|aggiornamenti ?",
            "hai|avete|ha notizie",
            "a che punto siamo|sei|siete|è",
            "come procede|procedono ?",
            "hai|avete|ha avuto modo|tempo|occasione",
            "sei|siete|è riuscito|riuscita|riusciti",
            "sollecito",
            "gentile promemoria",
        ],
        SignatureWords =
        [
            "firma|firmare|firmato|firmata|firmati|firmarlo|firmarla|firmarli|firmi|firmate|firmatelo|firmalo|firmala", "controfirma*",
        ],
        ReviewWords =
        [
            "rivedere|rivedi|revisione|revisionare|occhiata|sguardo|controllare|controlla|controllate|verificare|verifica|verificate",
            "approvare|approva|approvate|approvazione|parere|opinione|feedback|commenti|osservazioni",
        ],
        DateWords =
        [
            "^quando", "quando … libero|libera|liberi|disponibile|disponibili|vederci|sentirci", "a che ora", "che giorno|data|ora", "disponibilità",
            "disponibile|disponibili", "calendario", "appuntamento", "vederci|sentirci",
            "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|domani … va bene|andrebbe|ok|funziona",
            "va bene|andrebbe … lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|domani",
        ],
        Days = ["lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica", "domani", "(settimana prossima|prossima settimana)", "alle #time"],
        UpdateWords = ["novità", "aggiornamento|aggiornamenti", "stato", "a che punto", "sollecito", "promemoria"],
        ProposalWords =
        [
            "propongo|proporrei|proposta|suggerisco|suggerirei|opzione|opzioni|alternativa|alternative|preferisci|preferite|preferisce", "d accordo",
            "obiezioni",
        ],
        Offers =
        [
            "se hai|avete|ha|avesse|avessi|aveste … domande|dubbi|problemi|bisogno|domanda|dubbio|chiarimenti",
            "per qualsiasi|qualunque|ogni|ulteriori … cosa|dubbio|domanda|chiarimento|informazione|necessità|esigenza|informazioni|chiarimenti",
            "non esitare|esitate|esiti",
            "resto|rimango|restiamo|rimaniamo|sono|siamo a … disposizione",
            "a disposizione per",
            "sentiti|sentitevi libero|libera|liberi",
            "se serve|servisse|occorre|occorresse",
            "in caso di … dubbi|domande|necessità|problemi",
            "chiedi|chiedete|chiedimi pure",
            "volentieri",
        ],
        NoReply =
        [
            "nessuna risposta … necessaria|richiesta|dovuta",
            "non serve|occorre rispondere",
            "non è necessario rispondere",
            "non c è bisogno di rispondere",
            "non è richiesta … risposta",
            "nessuna azione … richiesta|necessaria",
            "non rispondere|rispondete a questa",
        ],
        Fyi = ["per conoscenza", "per tua|vostra|sua informazione|conoscenza", "solo per info|informazione", "per info", "fyi"],
        Rhetorical = ["perché no ?", "chi lo sa", "chissà", "indovina|indovinate un po", "ci credi|credete ?"],
        Answers = ["sì", "si", "no", "certo", "certamente", "perché", "ovviamente", "beh", "semplice", "ecco"],
        You = ["tu", "ti", "te", "tuo", "tua", "tuoi", "tue", "voi", "vi", "vostro", "vostra", "vostri", "puoi", "potresti", "potete", "sai", "sapete", "hai", "avete"],
        Greetings = ["ciao", "caro", "cara", "cari", "care", "gentile", "gentili", "gentilissimo", "gentilissima", "buongiorno", "buonasera", "salve", "egregio"],
        Everyone = ["tutti", "tutte", "ragazzi", "team"],
        Closers =
        [
            "grazie", "grazie mille", "mille grazie", "cordiali saluti", "distinti saluti", "saluti", "un saluto", "un caro saluto", "buona giornata",
            "buona serata", "a presto", "ciao", "un abbraccio", "grazie ancora", "grazie e saluti", "saluti cordiali", "buon lavoro",
        ],
        Wrote = ["ha scritto:", "ha scritto :"],
        HeaderFrom = ["da"],
        HeaderSent = ["inviato", "data", "inviato il"],
        Separators = ["messaggio originale", "messaggio inoltrato", "inizio messaggio inoltrato"],
        SentFrom = ["inviato da", "inviato dal mio", "inviato tramite"],
        Disclaimers = ["riservat", "confidenzial", "destinatari", "vietat", "per errore", "informazioni contenute", "d.lgs"],
    };
}

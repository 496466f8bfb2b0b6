namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>French (LanguageCues explains the phrase syntax).</summary>
internal static class FrenchCues
{
    public static readonly LanguageCues Cues = new()
    {
        Code = "fr",
        Requests =
        [
            "~merci de le|la|les|l|saisir|remplir|renseigner|choisir|prendre|prévoir",
            "il me|nous manque",
            "~^choisis|choisissez",
            "accepterais|accepteriez tu|vous",
            "(j ai|nous avons) besoin de|du|des|d",
            "merci de bien vouloir",
            "~merci de me|nous|lui|leur|m !avoir",
            "~merci de confirmer|répondre|valider|signer|revenir|vérifier|relire|transmettre|envoyer|faire|indiquer|préciser|compléter|retourner|regarder",
            "~veuillez !trouver|agréer|recevoir|accepter|noter|excuser|croire|nous+excuser|m+excuser|nous+pardonner",
            "pourriez|pouvez|pourrais|peux|voudriez|voudrais|auriez|aurais|pourrait vous|tu|on",
            "~s il te|vous plaît",
            "~svp|stp",
            "je vous|te prie",
            "je vous|te serais … reconnaissant|reconnaissante|gré",
            "je vous saurais gré",
            "merci (d avance|par avance)",
            "d avance merci",
            "je vous|te remercie … (d avance|par avance)",
            "dans l attente",
            "en attente de … réponse|retour|confirmation|nouvelles",
            "(j attends|nous attendons) … réponse|retour|confirmation|validation|nouvelles",
            "au plaisir de vous|te lire",
            "~envoie|envoyez|transmets|transmettez|confirme|confirmez|dis|dites|indique|indiquez|fais|faites|renvoie|renvoyez moi|nous",
            "(j aurais|nous aurions) besoin",
            "(j ai|nous avons) besoin que",
            "il me|nous faudrait",
            "il faudrait que tu|vous",
            "quelqu un sait|peut|pourrait|a",
            "serait il|ce possible",
            "est il possible ?",
            "~reviens|revenez|revenir vers moi|nous",
            "je vous|te remercie de bien vouloir",
            "auriez vous|aurais tu la gentillesse|l amabilité",
            "je vous|t écris pour … demander|savoir|relancer",
            "je compte sur toi|vous pour",
        ],
        Questions =
        [
            "je me demandais|demande",
            "je voulais|voudrais|souhaiterais|souhaite savoir",
            "j aimerais savoir|comprendre",
            "(savez vous|sais tu|saurais tu|sauriez vous)",
            "(avez vous|as tu) … idée|piste|suggestion",
            "idées|suggestions|pistes ?",
            "petite question",
            "j ai une question",
        ],
        Proposals =
        [
            "qu en penses|pensez|dis|dites",
            "qu est ce que tu|vous en penses|pensez",
            "ça|cela te|vous va|convient|irait|conviendrait ?",
            "d accord ?",
            "on fait|pourrait|part ?",
            "(devrions nous|dois je|faut il|doit on)",
            "(préfères tu|préférez vous|tu préfères|vous préférez)",
            "des objections ?",
            "(êtes vous|es tu) d accord",
        ],
        Reviews =
        [
            "commentaires|retours|remarques|avis … bienvenus|bienvenue|bienvenues|appréciés",
            "ton|votre avis ?",
            "jeter|jette|jetez|jetter un … œil|oeil",
        ],
        Updates =
        [
            "des nouvelles ?",
            "(avez vous|as tu) (des nouvelles|du nouveau)",
            "où en est|êtes|es|sommes",
            "je me permets de … relancer|revenir",
            "petite|petit|gentille|gentil relance|rappel",
            "(avez vous|as tu) pu",
            "(avez vous|as tu) eu (le temps|l occasion)",
            "quoi de neuf",
        ],
        SignatureWords = ["signer|signature|signé|signée|signés|signées|signez|signe|contresigner|parapher"],
        ReviewWords = ["relire|relecture|revoir|regarder|vérifier|valider|validation|approuver|approbation|avis|commentaires|feedback|œil|oeil"],
        DateWords =
        [
            "^quand", "quand … disponible|disponibles|libre|voir|rencontrer", "à quelle heure", "quel|quelle jour|date|créneau|heure", "créneau*",
            "disponible|disponibles|disponibilité|disponibilités", "agenda", "calendrier", "rendez vous", "convient|conviendrait",
        ],
        Days = ["lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche", "demain", "semaine prochaine", "#time"],
        UpdateWords = ["nouvelles", "avancement", "statut", "relance", "rappel"],
        ProposalWords = ["propose", "proposition", "suggère", "option", "options", "alternative", "préfères", "préférez", "d accord", "objection*"],
        Offers =
        [
            "n hésite|hésitez pas",
            "hésite|hésitez pas",
            "(si tu as|si vous avez) … questions|question|besoin|doute|doutes|problème|souci|soucis",
            "pour toute|plus … question|information|renseignement|précision|renseignements|informations",
            "(je reste|me tiens|je suis|nous restons|restant|reste) … disposition",
            "au besoin",
            "en cas de … besoin|question|questions|souci|problème",
            "si besoin",
        ],
        NoReply =
        [
            "pas besoin de … répondre",
            "inutile de … répondre",
            "nul besoin de … répondre",
            "pas de réponse … nécessaire|attendue|requise",
            "aucune réponse|action … nécessaire|requise|attendue",
            "ne pas répondre",
            "ne nécessite (pas de|aucune) réponse",
        ],
        Fyi = ["pour info|information", "pour ton|votre information", "à titre … (informatif|d information|indicatif)", "pour mémoire", "fyi"],
        Rhetorical = ["pourquoi pas ?", "qui sait", "devine quoi"],
        Answers = ["oui", "non", "si", "bien sûr", "évidemment", "parce", "car", "simple", "voilà", "réponse"],
        You = ["tu", "te", "toi", "ton", "ta", "tes", "vous", "votre", "vos", "peux", "pourrais", "as", "es"],
        Greetings = ["bonjour", "salut", "cher", "chère", "chers", "chères", "coucou", "bonsoir"],
        Everyone = ["tous", "toutes", "tout le monde", "équipe"],
        Closers =
        [
            "merci", "merci beaucoup", "merci encore", "mille mercis", "cordialement", "bien cordialement", "très cordialement", "bien à vous", "bien à toi",
            "salutations", "sincères salutations", "meilleures salutations", "à bientôt", "bonne journée", "bonne soirée", "amicalement", "bises",
            "belle journée", "bonne fin de journée", "merci et bonne journée",
        ],
        Wrote = ["a écrit :", "a écrit:"],
        HeaderFrom = ["de"],
        HeaderSent = ["envoyé", "date", "envoyé le"],
        Separators = ["message d'origine", "message original", "message transféré", "début du message réexpédié"],
        SentFrom = ["envoyé de mon", "envoyé depuis", "envoyé à partir de"],
        Disclaimers = ["confidentiel", "destinataire", "interdit", "strictement", "par erreur"],
    };
}

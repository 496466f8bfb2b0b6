namespace OutlookFollowUp.Localization;

internal static partial class Catalogs
{
    private static LanguageTexts French() => new(new Dictionary<TextKey, Text>
    {
        [TextKey.DigestSubject] = new("{count} relances à regarder aujourd’hui", One: "{count} relance à regarder aujourd’hui"),
        [TextKey.DigestDueHeading] = new("Rappels à traiter ({count})"),
        [TextKey.DigestTheirsHeading] = new("En attente d’eux ({count})"),
        [TextKey.DigestMineHeading] = new("En attente de vous ({count})"),
        [TextKey.DigestDueLine] = new("{subject} — à relancer depuis le {date}"),
        [TextKey.DigestTheirsLine] = new("{subject} — vous avez écrit à {name} le {date}"),
        [TextKey.DigestTheirsGroupLine] = new("{subject} — vous avez écrit à {name} et à {count} autres personnes le {date}", One: "{subject} — vous avez écrit à {name} et à une autre personne le {date}"),
        [TextKey.DigestMineLine] = new("{subject} — {name} vous a écrit le {date}"),
        [TextKey.DigestMore] = new("Et {count} de plus dans le volet Follow-ups.", One: "Et {count} de plus dans le volet Follow-ups."),
        [TextKey.DigestFooter] = new("Vous recevez cet e-mail car le récapitulatif du matin est activé dans les paramètres de Follow-ups."),
        [TextKey.NoSubject] = new("(sans objet)"),
        [TextKey.TeamsChatMessage] = new("Bonjour, je reviens vers vous au sujet de mon e-mail «\u202F{subject}\u202F». Pourriez-vous y jeter un œil\u202F?"),
        [TextKey.TeamsChatMessageNoSubject] = new("Bonjour, je reviens vers vous au sujet de mon e-mail. Pourriez-vous y jeter un œil\u202F?"),
        [TextKey.AwayMoved] = new("{names} sont absent·es jusqu’au {until}\u202F; rappel déplacé au {movedTo}", One: "{names} est absent·e jusqu’au {until}\u202F; rappel déplacé au {movedTo}"),
        [TextKey.AwayReplyOn] = new("Les réponses automatiques de {names} sont activées", One: "La réponse automatique de {names} est activée"),
        [TextKey.ListAnd] = new("{first} et {last}"),
    }, DayPattern: "ddd d MMM", DayTimePattern: "ddd d MMM, HH:mm");
}

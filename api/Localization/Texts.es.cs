namespace OutlookFollowUp.Localization;

internal static partial class Catalogs
{
    private static LanguageTexts Spanish() => new(new Dictionary<TextKey, Text>
    {
        [TextKey.DigestSubject] = new("{count} seguimientos para revisar hoy", One: "1 seguimiento para revisar hoy"),
        [TextKey.DigestDueHeading] = new("Avisos pendientes ({count})"),
        [TextKey.DigestTheirsHeading] = new("Esperando a otros ({count})"),
        [TextKey.DigestMineHeading] = new("Esperando por usted ({count})"),
        [TextKey.DigestDueLine] = new("{subject} — pendiente desde el {date}"),
        [TextKey.DigestTheirsLine] = new("{subject} — usted escribió a {name} el {date}"),
        [TextKey.DigestTheirsGroupLine] = new("{subject} — usted escribió a {name} y a otras {count} personas el {date}", One: "{subject} — usted escribió a {name} y a otra persona el {date}"),
        [TextKey.DigestMineLine] = new("{subject} — {name} le escribió el {date}"),
        [TextKey.DigestMore] = new("Y {count} más en el panel Follow-ups.", One: "Y uno más en el panel Follow-ups."),
        [TextKey.DigestFooter] = new("Recibe este correo porque el resumen de la mañana está activado en la configuración de Follow-ups."),
        [TextKey.NoSubject] = new("(sin asunto)"),
        [TextKey.TeamsChatMessage] = new("Hola, te escribo para dar seguimiento a mi correo «{subject}». ¿Podrías echarle un vistazo?"),
        [TextKey.TeamsChatMessageNoSubject] = new("Hola, te escribo para dar seguimiento a mi correo. ¿Podrías echarle un vistazo?"),
        [TextKey.AwayMoved] = new("{names} están fuera hasta el {until}; recordatorio movido al {movedTo}", One: "{names} está fuera hasta el {until}; recordatorio movido al {movedTo}"),
        [TextKey.AwayReplyOn] = new("Las respuestas automáticas de {names} están activadas", One: "La respuesta automática de {names} está activada"),
        [TextKey.ListAnd] = new("{first} y {last}"),
    }, DayPattern: "ddd d MMM", DayTimePattern: "ddd d MMM, H:mm");
}

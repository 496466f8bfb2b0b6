namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>Spanish (LanguageCues explains the phrase syntax).</summary>
internal static class SpanishCues
{
    public static readonly LanguageCues Cues = new()
    {
        Code = "es",
        Requests =
        [
            "me|nos faltan|falta todavía|aún",
            "te|le|os|les pido|pedimos|ruego|rogamos que",
            "~^elige|elija|elegid|escoge|escoja",
            "necesito|necesitamos el|la|los|las|tu|su|vuestro|vuestra",
            "estarías|estaría|estaríais dispuesto|dispuesta|dispuestos",
            "~por favor !encuentra|encuentre|disculpa|disculpe|ignora|ignore|no",
            "~porfa|porfavor",
            "podrías|podríais|podrían",
            "podría usted",
            "me|nos podría|podrías|puedes|puede|pueden|podéis|podrían",
            "puedes|puede|pueden|podéis|podría ?",
            "te|le|os|les importaría",
            "~envíame|envíanos|mándame|mándanos|confírmame|confírmanos|dime|dinos|pásame|avísame|avisadme|avísenme|indícame|escríbeme|llámame|comunícame",
            "~hazme|házmelo|hágame|hágamelo|hacedme saber",
            "~me|nos envías|mandas|confirmas|dices|pasas|avisas|comentas|indicas",
            "~coméntame|comentadme|coménteme",
            "te|le|os escribo para pedirte|pedirle|pediros|preguntarte|preguntarle|solicitar|saber",
            "necesito|necesitamos que",
            "necesitaría|necesitaríamos",
            "te|le|os|les agradecería|agradeceríamos",
            "agradecería|agradeceríamos",
            "quedo|quedamos|quedaré|sigo|seguimos a|en … espera",
            "quedo|quedamos atento|atenta|atentos|atentas a … respuesta|comentarios|noticias|confirmación",
            "a la espera de … respuesta|comentarios|noticias|confirmación",
            "espero|esperamos … respuesta|confirmación|comentarios|noticias",
            "gracias … (de antemano|por adelantado|anticipadas)",
            "de antemano … gracias",
            "alguien sabe|puede|podría|tiene|conoce",
            "sería genial|bueno|útil|estupendo|ideal|perfecto si|que",
            "sería posible",
            "es posible ?",
        ],
        Questions =
        [
            "me preguntaba",
            "(quería|quisiera|me gustaría|queríamos) saber|preguntar|preguntarte|preguntarle",
            "sabes|sabéis|sabe si|cómo|cuándo|dónde|qué|quién",
            "alguna idea|sugerencia",
            "tengo una pregunta|duda",
            "tienes|tiene|tenéis idea ?",
        ],
        Proposals =
        [
            "qué te|le|os parece",
            "qué opinas|opina|opináis|piensas|piensa|pensáis",
            "te|le|os parece bien ?",
            "estás|está|estáis de acuerdo ?",
            "prefieres|prefiere|preferís",
            "hacemos|quedamos|dejamos|probamos ?",
            "deberíamos|debo|debería ?",
            "alguna objeción ?",
            "objeciones ?",
        ],
        Reviews =
        [
            "comentarios|sugerencias|observaciones … bienvenidos|bienvenidas|agradecidos",
            "echar|echarle|echa|echad|echen|eches|echéis … vistazo",
            "^revisa|revisad|revise|revisen",
        ],
        Updates =
        [
            "alguna novedad|noticia",
            "hay … novedades|noticias ?",
            "novedades ?",
            "cómo va|van ?",
            "en qué punto|estado",
            "has|habéis|ha podido",
            "pudiste|pudisteis",
            "recordatorio",
            "hacer|hago|hacemos seguimiento",
            "retomo este|el tema|correo|hilo",
        ],
        SignatureWords = ["firmar|firma|firmado|firmada|firmados|fírmalo|fírmelo|firmes|firme|firmarlo|firmarla|contrafirma"],
        ReviewWords =
        [
            "revisar|revisión|revisa|revise|revisen|vistazo|mirar|comprobar|aprobar|aprobación|validar|validación|opinión|comentarios|feedback",
            "visto bueno",
        ],
        DateWords =
        [
            "^cuándo", "cuándo … disponible|libre|vernos|reunirnos|puedes|podemos", "a qué hora", "qué día|fecha|hora", "disponible|disponibles|disponibilidad",
            "agenda", "calendario", "te|le viene bien", "reunirnos|vernos",
        ],
        Days = ["lunes|martes|miércoles|jueves|viernes|sábado|domingo", "mañana", "semana que viene", "próxima semana", "#time"],
        UpdateWords = ["novedad", "novedades", "noticias", "estado", "avances", "recordatorio", "seguimiento"],
        ProposalWords = ["propongo", "propuesta", "sugiero", "opción", "opciones", "alternativa", "prefieres", "prefiere", "de acuerdo", "objeción", "objeciones"],
        Offers =
        [
            "no dudes|dude|duden|dudéis en",
            "si tienes|tiene|tenéis|tienen … duda|dudas|pregunta|preguntas|consulta|problema",
            "si necesitas|necesita|necesitáis|necesitan",
            "cualquier … duda|pregunta|cosa|consulta",
            "quedo|quedamos|estoy|estamos a … disposición",
            "a tu|su|vuestra disposición",
            "con gusto te|le ayudo|ayudaré",
            "para lo que necesites|necesite",
            "en caso de … duda|dudas|pregunta",
        ],
        NoReply =
        [
            "no hace|hará falta … responder|contestar|respuesta",
            "no es|será necesario … responder|contestar",
            "no (necesitas|tienes que) … responder|contestar",
            "no requiere … respuesta",
            "sin necesidad de … responder|contestar",
            "no responder|contestar a este",
        ],
        Fyi = ["para tu|su|vuestra información|conocimiento", "a título informativo", "para que lo sepas|sepáis", "fyi"],
        Rhetorical = ["por qué no ?", "quién sabe", "adivina"],
        Answers = ["sí", "si", "no", "claro", "porque", "obvio", "sencillo", "pues"],
        You = ["tú", "tu", "te", "ti", "tus", "contigo", "usted", "ustedes", "vosotros", "vosotras", "os", "vuestro", "vuestra", "puedes", "podrías", "tienes", "sabes"],
        Greetings = ["hola", "querido", "querida", "queridos", "estimado", "estimada", "estimados", "buenos días", "buenas tardes", "buenas"],
        Everyone = ["todos", "todas", "equipo", "chicos"],
        Closers =
        [
            "gracias", "muchas gracias", "mil gracias", "saludos", "un saludo", "saludos cordiales", "atentamente", "un abrazo", "abrazos", "hasta pronto",
            "cordialmente", "un cordial saludo", "besos", "nos vemos", "gracias de nuevo",
        ],
        Wrote = ["escribió:", "escribió :"],
        HeaderFrom = ["de"],
        HeaderSent = ["enviado", "enviado el", "fecha"],
        Separators = ["mensaje original", "mensaje reenviado", "inicio del mensaje reenviado"],
        SentFrom = ["enviado desde mi", "enviado desde", "enviado con"],
        Disclaimers = ["confidencial", "destinatario", "prohibid", "por error", "privilegiad"],
    };
}

namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// One language's words for rule 9, in one readable place (EnglishCues.cs, ItalianCues.cs, …). Every language's cues
/// run on every message, so mail that mixes languages is read whole.
/// <para>A phrase is lower-case words separated by spaces, matched word by word inside one sentence, accents and case
/// ignored: <c>a|b</c> one of these words (or word groups: <c>don't|do not</c>); <c>word*</c> any word that starts so;
/// <c>…</c> up to three words in between; <c>!a|b</c> the next word is none of these; a leading <c>^</c> the sentence
/// starts here (after "please", "also", "and", a name and its comma); a trailing <c>?</c> only in a question; a leading
/// <c>~</c> marks a soft ask ("let me know"), which an offer in the same sentence cancels ("let me know if you have
/// any questions"); firm asks ("could you", "waiting for your reply") stay.</para>
/// </summary>
internal sealed class LanguageCues
{
    public required string Code { get; init; }

    // ---- what a message asks (each phrase asks on its own; the kind is what the reason says) ----

    /// <summary>Requests and polite imperatives: "could you", "please send", "let me know".</summary>
    public string[] Requests { get; init; } = [];

    /// <summary>Questions without a question mark: "I was wondering whether", "does anyone know".</summary>
    public string[] Questions { get; init; } = [];

    /// <summary>Proposals and choices awaiting a decision: "what do you think", "shall we … ?", "any objections?".</summary>
    public string[] Proposals { get; init; } = [];

    /// <summary>Reviews, feedback, approval: "comments welcome", "your feedback".</summary>
    public string[] Reviews { get; init; } = [];

    /// <summary>Nudges on an earlier ask: "any update", "following up on".</summary>
    public string[] Updates { get; init; } = [];

    // ---- what an asking sentence is about: the kind, never an ask on their own ----

    public string[] SignatureWords { get; init; } = [];

    public string[] ReviewWords { get; init; } = [];

    public string[] DateWords { get; init; } = [];

    /// <summary>Days and times: a date in a question ("Thursday 3pm?"), a deadline in a request ("send it by Friday").</summary>
    public string[] Days { get; init; } = [];

    public string[] UpdateWords { get; init; } = [];

    public string[] ProposalWords { get; init; } = [];

    // ---- what does not ask ----

    /// <summary>Offers: "if you have any questions", "feel free to": they cancel the soft asks and the questions of their sentence.</summary>
    public string[] Offers { get; init; } = [];

    /// <summary>"No need to reply": the whole message asks nothing.</summary>
    public string[] NoReply { get; init; } = [];

    /// <summary>"FYI": only explicit asks count in the message.</summary>
    public string[] Fyi { get; init; } = [];

    /// <summary>Rhetorical turns: "why not?", "can you believe it": their sentence asks nothing.</summary>
    public string[] Rhetorical { get; init; } = [];

    /// <summary>Words that answer a question just asked ("Does it work? Yes, …"): the writer answered it.</summary>
    public string[] Answers { get; init; } = [];

    // ---- who is asked ----

    /// <summary>Second-person words: a question with one of them is addressed to the reader.</summary>
    public string[] You { get; init; } = [];

    /// <summary>Greetings before a name ("Hi Bob,"), for a question addressed by name.</summary>
    public string[] Greetings { get; init; } = [];

    /// <summary>Words for everyone ("Hi all,"): a greeting to them names nobody in particular.</summary>
    public string[] Everyone { get; init; } = [];

    // ---- the new text (see NewText): where the signature and the quoted history start ----

    /// <summary>Closers a signature follows: "Best regards", "Thanks,".</summary>
    public string[] Closers { get; init; } = [];

    /// <summary>How an attribution line ends: "wrote:", "ha scritto:".</summary>
    public string[] Wrote { get; init; } = [];

    /// <summary>Header names of a quoted message's From and Sent lines: "From:", "Sent:".</summary>
    public string[] HeaderFrom { get; init; } = [];

    public string[] HeaderSent { get; init; } = [];

    /// <summary>Separator lines before a quoted or forwarded message: "Original Message".</summary>
    public string[] Separators { get; init; } = [];

    /// <summary>Lines a phone adds: "Sent from my iPhone".</summary>
    public string[] SentFrom { get; init; } = [];

    /// <summary>Words of legal disclaimers; a paragraph with two of them is dropped.</summary>
    public string[] Disclaimers { get; init; } = [];

    public static readonly IReadOnlyList<LanguageCues> All =
        [EnglishCues.Cues, ItalianCues.Cues, GermanCues.Cues, FrenchCues.Cues, SpanishCues.Cues];
}

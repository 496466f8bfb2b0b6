using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Bench;

/// <summary>
/// Rule 9 per message, on bodies of real length (0.5–5 KB: list replies with quotes and footers, business mail with
/// signatures and disclaimers, HTML, five languages). Target: Classify under 50 µs on one core.
/// <para>On a shared machine BenchmarkDotNet's means include the time other processes hold the core; <see cref="Bursts"/>
/// (`-- asks-bursts`) times 400 short bursts of 20 calls each after a long warm-up and reports the median burst, which
/// a descheduling rarely hits.</para>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(EngineBenchmarkConfig))]
public class AskClassifierBenchmarks
{
    private static readonly AskFacts Facts = new() { ToMe = true, MyNames = ["Ana Silva"], OtherRecipientNames = ["Bob Ross", "Carla Bianchi"] };

    private string _body = "";
    private string _newText = "";

    [ParamsSource(nameof(Messages))]
    public string Message { get; set; } = "list-reply";

    [GlobalSetup]
    public void Setup()
    {
        _body = Bodies.Of(Message);
        _newText = NewText.Extract(_body, Message.StartsWith("html", StringComparison.Ordinal));
    }

    /// <summary>The classifier alone, on the new text (what the target is about).</summary>
    [Benchmark(Baseline = true)]
    public AskVerdict Classify() => AskClassifier.Classify(_newText, Facts);

    /// <summary>Extraction of the new text from the whole body, then the classifier.</summary>
    [Benchmark]
    public AskVerdict ExtractAndClassify() => AskClassifier.ClassifyBody(_body, Message.StartsWith("html", StringComparison.Ordinal), Facts);

    public static readonly string[] Messages = ["list-reply", "list-question", "business-en", "business-it", "html-de", "long-fr"];

    /// <summary>Per message: the median and the fastest of 400 bursts, for Classify and for ExtractAndClassify.</summary>
    public static void Bursts(TextWriter output)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            using var process = Process.GetCurrentProcess();
            process.ProcessorAffinity = 1;
        }

        var benchmarks = Messages.Select(m => new AskClassifierBenchmarks { Message = m }).ToList();
        benchmarks.ForEach(b => b.Setup());
        for (var i = 0; i < 5_000; i++)
        {
            foreach (var b in benchmarks)
            {
                b.Classify();
                b.ExtractAndClassify();
            }
        }

        output.WriteLine("message          new text  body   classify: median  fastest   extract+classify: median  fastest  (µs per message)");
        foreach (var b in benchmarks)
        {
            var (classify, extract) = (Burst(() => b.Classify()), Burst(() => b.ExtractAndClassify()));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{b.Message,-14} {b._newText.Length,9} {b._body.Length,5}   {classify.Median,16:F1} {classify.Fastest,8:F1}   {extract.Median,24:F1} {extract.Fastest,8:F1}"));
        }
    }

    private static (double Median, double Fastest) Burst(Func<AskVerdict> run)
    {
        var times = new double[400];
        var watch = new Stopwatch();
        for (var round = 0; round < times.Length; round++)
        {
            watch.Restart();
            for (var k = 0; k < 20; k++)
            {
                run();
            }

            times[round] = watch.Elapsed.TotalMicroseconds / 20;
        }

        Array.Sort(times);
        return (times[times.Length / 2], times[0]);
    }

    internal static class Bodies
    {
        private const string Quote = """
            > I am developing an application that uses both the repository and a database. I store the files
            > that I upload in the repository, and everything else in the database. I am using Spring 3.2 and
            > Hibernate 4.x. I deployed the connector to JBoss 7.1.1 and I think I configured it correctly.
            > The way I tested my code is like this: one method in the service layer is annotated with
            > @Transactional. Inside the method I first add a file, then I force a RuntimeException.
            > So, is this correct? Do files in the datastore stay there - not rolled back? Or should they go?
            >
            > Thank you
            > - Andreas
            """;

        public static string Of(string name) => name switch
        {
            "list-reply" => $"""
                Hi,

                I don't know about file storing vs. transactions, but I would expect it to work like any other
                transactional change to the repository.

                Getting the JTA setup right can be tricky - are you sure that you are in a transaction in your
                method (and that you are in the correct transaction)? Have you tried adding a simple node in the
                transaction method to see if it is rolled back? You can also ask Spring and the JTA provider for
                really detailed logs to figure out what is going on.

                HTH.
                --
                Chris

                On 04-09-2013 18:09, andreas wrote:
                {Quote}

                ---------------------------------------------------------------------
                To unsubscribe, e-mail: dev-unsubscribe@widget.apache.org
                For additional commands, e-mail: dev-help@widget.apache.org
                """,
            "list-question" => """
                Hi all,

                I'm a newbie to the code and am trying to build trunk per the instructions on the wiki. The build
                fails in the dist module:

                main:
                     [exec] tar: Failed to open 'project-dist-0.24.0-SNAPSHOT.tar.gz'
                [INFO] --- maven-antrun-plugin:1.6:run (tar) @ project-dist ---
                [INFO] Executing tasks

                It looks like this file isn't getting created, but I don't know why. I used the -e option for
                mvn and saw that the script complains about too many arguments on line 10. My checkout lives in a
                folder whose name has a space in it ("Macintosh HD 2"), which might be the cause.

                Any ideas what may be going wrong? Would appreciate any suggestions.

                Thanks,
                Ralph
                """,
            "business-en" => """
                Dear Ana,

                Thank you for the quick turnaround on the revised proposal. We reviewed it with the finance team
                this morning and we are happy with the scope and the timeline for phase one.

                Before we can sign, legal needs two changes: the liability cap in section 7 should refer to the
                fees of the current year, and the data processing annex has to name the sub-processors. Could you
                send us an updated version by Thursday? If that works, we can have it signed early next week.

                Bob, can you share the purchase order number with Ana once it is issued?

                Best regards,
                Carla Bianchi
                Head of Procurement, Fabrikam S.p.A.
                Tel: +39 02 1234 5678
                www.fabrikam.it

                This e-mail and any attachments are confidential and intended solely for the addressee. If you
                have received it in error, please notify the sender and delete it.
                """,
            "business-it" => """
                Ciao Ana,

                grazie per il preventivo aggiornato, l'ho girato al responsabile acquisti che lo ha approvato
                senza modifiche. Resta solo da definire la data di consegna: per noi andrebbe bene la settimana
                del 14, ma dipende dalla disponibilità del magazzino.

                Mi confermi se riuscite a consegnare entro venerdì 18? In caso contrario fammi sapere quale data
                proponete, così aggiorno il piano.

                Un saluto,
                Carla

                Il giorno lun 9 nov 2026 alle ore 17:02 Ana Silva <ana@contoso.com> ha scritto:
                > Ciao Carla, in allegato il preventivo aggiornato con le modifiche concordate. Fammi sapere.
                """,
            "html-de" => """
                <html><head><style>p.MsoNormal{margin:0cm;font-family:Calibri}</style></head><body lang="DE">
                <p class="MsoNormal">Hallo Frau Silva,</p><p class="MsoNormal">&nbsp;</p>
                <p class="MsoNormal">vielen Dank f&uuml;r Ihre schnelle R&uuml;ckmeldung. Wir haben die Unterlagen gepr&uuml;ft und
                sind mit dem Angebot grunds&auml;tzlich einverstanden. Offen ist nur noch die Frage der Zahlungsbedingungen.</p>
                <p class="MsoNormal">&nbsp;</p><p class="MsoNormal">K&ouml;nnten Sie uns bitte bis Freitag die unterschriebene
                Vereinbarung zur&uuml;cksenden? Dann k&ouml;nnen wir die Bestellung noch in diesem Monat ausl&ouml;sen.</p>
                <p class="MsoNormal">&nbsp;</p><p class="MsoNormal">Mit freundlichen Gr&uuml;&szlig;en</p>
                <p class="MsoNormal">Dieter Vogel</p><p class="MsoNormal">Einkauf | Fabrikam GmbH | +49 30 1234567</p>
                <div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>Von:</b> Ana Silva<br><b>Gesendet:</b> Montag
                <br><b>An:</b> Dieter Vogel<br><b>Betreff:</b> Angebot</div><div>Anbei das Angebot. Passt das so?</div></body></html>
                """,
            "long-fr" => string.Concat(Enumerable.Repeat("""
                Bonjour à tous,

                Suite à la réunion de mardi, voici le compte rendu des points abordés. Le comité a validé le budget
                du deuxième semestre et la nouvelle organisation de l'équipe support, qui prendra effet au 1er
                décembre. Les indicateurs de satisfaction sont en hausse pour le troisième mois consécutif.

                """, 4)) + """
                Pourriez-vous me faire part de vos remarques sur le planning avant vendredi ? Merci d'avance.

                Bien cordialement,
                Claire Dubois
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }
}

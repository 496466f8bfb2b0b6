using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Tests.FollowUps.Asks;

/// <summary>Rule 9 in Italian.</summary>
public class ItalianAskTests
{
    [Theory]
    [InlineData("Fammi sapere se martedì va bene.", AskKind.Date)]
    [InlineData("Potresti mandarmi il contratto firmato entro venerdì?", AskKind.Signature)]
    [InlineData("Mi mandi il file aggiornato, per favore?", AskKind.Request)]
    [InlineData("Ci sono novità sul preventivo?", AskKind.Update)]
    [InlineData("Che ne pensi della nuova proposta?", AskKind.Proposal)]
    [InlineData("Puoi dare un'occhiata alla bozza prima di lunedì?", AskKind.Review)]
    [InlineData("Resto in attesa di un vostro riscontro.", AskKind.Request)]
    [InlineData("Grazie in anticipo per l'aiuto.", AskKind.Request)]
    [InlineData("Quando sei libero la settimana prossima per una call?", AskKind.Date)]
    [InlineData("Avrei bisogno della fattura entro fine mese.", AskKind.Request)]
    [InlineData("Volevo sapere se avete ricevuto il pagamento.", AskKind.Question)]
    [InlineData("Ciao Marco,\n\nmi confermi l'indirizzo di consegna?\n\nGrazie,\nLuca", AskKind.Request)]
    [InlineData("Facciamo giovedì alle 15?", AskKind.Date)]
    [InlineData("Gentilmente, potreste inviarci il modulo compilato?", AskKind.Request)]
    [InlineData("Hai avuto modo di guardare il documento?", AskKind.Update)]
    public void Asks(string body, AskKind kind) => Assert.Equal(kind, Classify.Body(body));

    [Theory]
    [InlineData("Perfetto, grazie")]
    [InlineData("Grazie mille!")]
    [InlineData("Ricevuto, grazie.")]
    [InlineData("Nessuna risposta necessaria, era solo per conoscenza.")]
    [InlineData("Fammi sapere se hai domande.")]
    [InlineData("Per qualsiasi dubbio resto a disposizione.")]
    [InlineData("Ci vediamo giovedì!")]
    [InlineData("Confermo per domani alle 10.")]
    [InlineData("Ti allego il verbale della riunione di oggi.")]
    [InlineData("Perché no? Adesso funziona.")]
    [InlineData("Non esitare a contattarmi.")]
    [InlineData("Ho caricato la nuova versione sul server.")]
    public void DoesNotAsk(string body) => Assert.Equal(AskKind.None, Classify.Body(body));
}

using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Tests.FollowUps.Asks;

/// <summary>Rule 9 in French.</summary>
public class FrenchAskTests
{
    [Theory]
    [InlineData("Merci de me confirmer votre présence.", AskKind.Request)]
    [InlineData("Pourriez-vous relire le document avant jeudi ?", AskKind.Review)]
    [InlineData("Peux-tu m'envoyer le contrat signé ?", AskKind.Signature)]
    [InlineData("Avez-vous des nouvelles du fournisseur ?", AskKind.Update)]
    [InlineData("Qu'en pensez-vous ?", AskKind.Proposal)]
    [InlineData("Dans l'attente de votre retour, je vous souhaite une bonne journée.", AskKind.Request)]
    [InlineData("Merci d'avance pour votre aide.", AskKind.Request)]
    [InlineData("Quand êtes-vous disponible la semaine prochaine ?", AskKind.Date)]
    [InlineData("Est-ce que mardi 14h vous convient ?", AskKind.Date)]
    [InlineData("Je me permets de vous relancer concernant la facture.", AskKind.Update)]
    [InlineData("Bonjour Claire,\n\nvous pouvez m'indiquer le numéro de commande ?\n\nCordialement,\nPaul Martin", AskKind.Question)]
    [InlineData("Veuillez nous retourner le formulaire complété.", AskKind.Request)]
    [InlineData("Je voulais savoir si le colis est bien arrivé.", AskKind.Question)]
    public void Asks(string body, AskKind kind) => Assert.Equal(kind, Classify.Body(body));

    [Theory]
    [InlineData("Merci beaucoup !")]
    [InlineData("Parfait, merci.")]
    [InlineData("Pas besoin de répondre, c'est pour info.")]
    [InlineData("N'hésitez pas à me contacter si besoin.")]
    [InlineData("À jeudi !")]
    [InlineData("C'est confirmé pour demain 10h.")]
    [InlineData("Veuillez trouver ci-joint le compte rendu de la réunion.")]
    [InlineData("Pourquoi pas ? Ça marche maintenant.")]
    [InlineData("Si vous avez des questions, je reste à votre disposition.")]
    [InlineData("J'ai mis à jour la documentation.")]
    [InlineData("Merci de votre aide, tout fonctionne.")]
    public void DoesNotAsk(string body) => Assert.Equal(AskKind.None, Classify.Body(body));
}

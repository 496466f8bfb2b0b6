using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Tests.FollowUps.Asks;

/// <summary>Rule 9 in Spanish.</summary>
public class SpanishAskTests
{
    [Theory]
    [InlineData("Quedo a la espera de tu respuesta.", AskKind.Request)]
    [InlineData("¿Podrías enviarme el informe antes del viernes?", AskKind.Request)]
    [InlineData("Por favor, envíame el contrato firmado.", AskKind.Signature)]
    [InlineData("¿Hay novedades sobre el pedido?", AskKind.Update)]
    [InlineData("¿Qué te parece la propuesta?", AskKind.Proposal)]
    [InlineData("¿Puedes echarle un vistazo al documento?", AskKind.Review)]
    [InlineData("¿Cuándo te viene bien reunirnos?", AskKind.Date)]
    [InlineData("Te agradecería que me mandaras la factura.", AskKind.Request)]
    [InlineData("Gracias de antemano.", AskKind.Request)]
    [InlineData("Hola Elena,\n\n¿me confirmas la dirección de entrega?\n\nUn saludo,\nJavier", AskKind.Request)]
    [InlineData("Quería saber si recibisteis el pago.", AskKind.Question)]
    [InlineData("¿Nos vemos el jueves a las 10?", AskKind.Date)]
    public void Asks(string body, AskKind kind) => Assert.Equal(kind, Classify.Body(body));

    [Theory]
    [InlineData("Muchas gracias")]
    [InlineData("Perfecto, gracias.")]
    [InlineData("No hace falta responder, es solo para tu información.")]
    [InlineData("Quedo a tu disposición.")]
    [InlineData("Si tienes alguna duda, no dudes en escribirme.")]
    [InlineData("¡Nos vemos el jueves!")]
    [InlineData("Confirmado para mañana a las 10.")]
    [InlineData("Te adjunto el acta de la reunión de hoy.")]
    [InlineData("¿Por qué no? Ahora funciona.")]
    [InlineData("He subido la nueva versión al servidor.")]
    public void DoesNotAsk(string body) => Assert.Equal(AskKind.None, Classify.Body(body));
}

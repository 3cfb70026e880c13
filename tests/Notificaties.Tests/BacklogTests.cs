using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace Notificaties.Tests;

/// <summary>When a failing subscriber answers again, its backlog goes out at once instead of at each retry time.</summary>
public sealed class BacklogTests : NotificatiesApp
{
    protected override IDictionary<string, string> Extra => new Dictionary<string, string>
    {
        ["Notificaties:Delivery:RetrySchedule"] = "00:00:00.100,00:02:00,00:02:00",
    };

    [Fact]
    public async Task SubscriberBack_PullsItsBacklogForward()
    {
        var kanaal = await KanaalAsync();
        using var subscriber = Subscriber(503);
        await SubscribeAsync(subscriber, kanaal);

        await PublishAsync(Message(kanaal, hoofdObject: "https://zgw.example.nl/zaken/api/v1/zaken/a", actie: "a"));
        await WaitUntil(() => Received(subscriber).Count == 2, what: "two failed attempts of a"); // next retry of a: in 2 minutes
        subscriber.Reset();
        subscriber.Given(Request.Create().WithPath("/callback").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        await PublishAsync(Message(kanaal, hoofdObject: "https://zgw.example.nl/zaken/api/v1/zaken/b", actie: "b"));

        await WaitUntil(() => Received(subscriber, onlyAnswered2xx: true).Count == 2, seconds: 10, what: "a pulled forward after b got through");
        Assert.Equal(["b", "a"], Received(subscriber, onlyAnswered2xx: true).Select(m => m.GetProperty("actie").GetString()));
    }
}

using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;
using Zgw.Messaging;
using Zgw.Testing;

namespace Notificaties.Tests;

/// <summary>Publishing (N2), routing (N4) and delivery (N5) through the real pipeline.</summary>
[Collection(NotificatiesCollection.Name)]
public sealed class DeliveryTests(NotificatiesApp app)
{
    [Fact]
    public async Task Publish_Answers200WithTheMessage_AndDeliversItWithAuthAndMessageId()
    {
        var kanaal = await app.KanaalAsync();
        using var subscriber = NotificatiesApp.Subscriber();
        await app.SubscribeAsync(subscriber, kanaal);

        var response = await app.Client(NotificatiesApp.Publisher).PostAsJsonAsync("/notificaties/api/v1/notificaties", NotificatiesApp.Message(kanaal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"kanaal\":\"{kanaal}\"", await response.Content.ReadAsStringAsync());

        await NotificatiesApp.WaitUntil(() => NotificatiesApp.Received(subscriber).Count == 1, what: "the delivery");
        var request = subscriber.LogEntries.Single().RequestMessage;
        Assert.Equal("Bearer subscriber-token", request.Headers!["Authorization"].Single());
        Assert.True(Guid.TryParse(request.Headers["Zgw-Message-Id"].Single(), out _));
        Assert.Equal("000000000", NotificatiesApp.Received(subscriber)[0].GetProperty("kenmerken").GetProperty("bronorganisatie").GetString());
    }

    [Fact]
    public async Task N2_UnknownKanaal_IsMessageKanaal()
    {
        var response = await app.Client(NotificatiesApp.Publisher).PostAsJsonAsync("/notificaties/api/v1/notificaties", NotificatiesApp.Message("bestaat-niet"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "kanaal", "message_kanaal");
    }

    [Fact]
    public async Task N2_KenmerkenNeitherSubsetNorSuperset_AreInconsistent()
    {
        var response = await app.Client(NotificatiesApp.Publisher).PostAsJsonAsync("/notificaties/api/v1/notificaties", new
        {
            kanaal = "zaken", hoofdObject = "https://zgw.example.nl/zaken/api/v1/zaken/1", resource = "zaak",
            resourceUrl = "https://zgw.example.nl/zaken/api/v1/zaken/1", actie = "create", aanmaakdatum = DateTimeOffset.UtcNow,
            kenmerken = new Dictionary<string, string> { ["bronorganisatie"] = "1", ["kleur"] = "rood" },
        });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "kenmerken", "kenmerken_inconsistent");
    }

    [Fact]
    public async Task Publish_NeedsThePubliceerScope()
    {
        var response = await app.Client(NotificatiesApp.Consumer).PostAsJsonAsync("/notificaties/api/v1/notificaties", NotificatiesApp.Message("zaken"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task N4_KenmerkFilters_SelectTheMessages_StarMatchesAll()
    {
        var kanaal = await app.KanaalAsync();
        using var onlyA = NotificatiesApp.Subscriber();
        using var star = NotificatiesApp.Subscriber();
        using var none = NotificatiesApp.Subscriber();
        await app.SubscribeAsync(onlyA, kanaal, new() { ["bronorganisatie"] = "A" });
        await app.SubscribeAsync(star, kanaal, new() { ["bronorganisatie"] = "*" });
        await app.SubscribeAsync(none, await app.KanaalAsync());

        await app.PublishAsync(NotificatiesApp.Message(kanaal, bronorganisatie: "A"));
        await app.PublishAsync(NotificatiesApp.Message(kanaal, bronorganisatie: "B"));

        await NotificatiesApp.WaitUntil(() => NotificatiesApp.Received(star).Count == 2, what: "both messages at the * subscriber");
        await Task.Delay(300);
        Assert.Equal(["A"], NotificatiesApp.Received(onlyA).Select(m => m.GetProperty("kenmerken").GetProperty("bronorganisatie").GetString()));
        Assert.Empty(NotificatiesApp.Received(none));
    }

    [Fact]
    public async Task SameMessageId_IsDeliveredOnce()
    {
        var kanaal = await app.KanaalAsync();
        using var subscriber = NotificatiesApp.Subscriber();
        await app.SubscribeAsync(subscriber, kanaal);
        var id = Guid.NewGuid();
        await app.PublishAsync(NotificatiesApp.Message(kanaal), id);
        await app.PublishAsync(NotificatiesApp.Message(kanaal), id);
        await NotificatiesApp.WaitUntil(() => NotificatiesApp.Received(subscriber).Count == 1, what: "the delivery");
        await Task.Delay(500);
        Assert.Single(NotificatiesApp.Received(subscriber));
    }

    [Fact]
    public async Task FromTheBus_IsStoredAndDelivered_WithTheOutboxMessageId()
    {
        var kanaal = await app.KanaalAsync();
        using var subscriber = NotificatiesApp.Subscriber();
        await app.SubscribeAsync(subscriber, kanaal);
        var id = Guid.NewGuid();
        var message = new NotificatieMessage(kanaal, "https://zgw.example.nl/zaken/api/v1/zaken/9", "zaak",
            "https://zgw.example.nl/zaken/api/v1/zaken/9", "update", DateTimeOffset.UtcNow, new Dictionary<string, string> { ["bronorganisatie"] = "X" });
        await app.Factory.Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = id);

        await NotificatiesApp.WaitUntil(() => NotificatiesApp.Received(subscriber).Count == 1, what: "the delivery from the bus");
        Assert.Equal(id.ToString(), subscriber.LogEntries.Single().RequestMessage.Headers!["Zgw-Message-Id"].Single());
    }

    [Fact]
    public async Task OrderPerHoofdObject_IsKept_EvenAcrossRetries()
    {
        var kanaal = await app.KanaalAsync();
        using var subscriber = WireMock.Server.WireMockServer.Start();
        // The first attempt fails: the later messages of the same zaak must wait for it.
        subscriber.Given(Request.Create().WithPath("/callback").UsingPost()).InScenario("once").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        subscriber.Given(Request.Create().WithPath("/callback").UsingPost()).InScenario("once").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(204));
        await app.SubscribeAsync(subscriber, kanaal);

        for (var i = 0; i < 10; i++)
            await app.PublishAsync(NotificatiesApp.Message(kanaal, actie: $"stap-{i}"));

        await NotificatiesApp.WaitUntil(() => NotificatiesApp.Received(subscriber, onlyAnswered2xx: true).Count == 10, what: "ten deliveries");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"stap-{i}"),
            NotificatiesApp.Received(subscriber, onlyAnswered2xx: true).Select(m => m.GetProperty("actie").GetString()));
    }
}

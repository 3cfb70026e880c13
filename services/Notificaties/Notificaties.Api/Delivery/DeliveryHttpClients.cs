using Notificaties.Api.Resources.Abonnement;

namespace Notificaties.Api.Delivery;

public static class DeliveryHttpClients
{
    /// <summary>
    /// The callbacks' HttpClients: without the standard retry pipeline (the delivery schedule in the database is
    /// the retry, with its own timeout and circuit breaker per abonnement), with enough connections per host.
    /// </summary>
    public static WebApplicationBuilder AddDeliveryHttpClients(this WebApplicationBuilder builder)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental
        builder.Services.AddHttpClient(DeliveryWorker.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = 16, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        builder.Services.AddHttpClient(CallbackVerifier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }
}

using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Zgw.Api.Auth;
using Zgw.Api.References;
using Zgw.ServiceDefaults;

namespace Zgw.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings:RabbitMq</c>, an <c>amqp://user:pass@host:port/vhost</c> URI):
    /// durable exchanges and queues, publisher confirms, quorum queues when configured, a readiness check on the
    /// bus, the outbox relay (unless <paramref name="outboxRelay"/> is false: the gateway has no outbox), and
    /// the consumer that drops changed clients from this process's autorisatie cache. A service that is
    /// started while the broker is down still starts; its outbox holds the messages until the broker is back.
    /// </summary>
    public static WebApplicationBuilder AddZgwMessaging(this WebApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null, bool outboxRelay = true)
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        options.RelayEnabled &= outboxRelay;
        builder.Services.Configure<MessagingOptions>(builder.Configuration.GetSection(MessagingOptions.Section));
        var uri = new Uri(builder.Configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured."));

        builder.Services.AddMemoryCache();
        builder.Services.TryAddSingleton<AutorisatieCache>();
        builder.Services.AddMassTransit(bus =>
        {
            configure?.Invoke(bus);
            // Every process keeps its own cache of autorisaties, so every process needs its own queue.
            bus.AddConsumer<AutorisatiesGewijzigdConsumer>().Endpoint(e =>
            {
                e.Name = "openzaak-autorisaties-gewijzigd";
                e.InstanceId = $"-{Guid.NewGuid():N}";
                e.Temporary = true;
            });
            if (options.QuorumQueues)
                bus.AddConfigureEndpointsCallback((_, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                        rabbit.SetQuorumQueue();
                });
            bus.UsingRabbitMq((context, cfg) =>
            {
                ConfigureHost(cfg, uri);
                cfg.Message<NotificatieMessage>(m => m.SetEntityName("openzaak.notificaties"));
                cfg.Message<AutorisatiesGewijzigd>(m => m.SetEntityName("openzaak.autorisaties-gewijzigd"));
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddSingleton<MassTransitOutboxPublisher>();
        if (options.NotificatieTransport == NotificatieTransport.Http && options.RelayEnabled)
            AddHttpNotificaties(builder);
        else
            builder.Services.AddSingleton<IOutboxPublisher>(sp => sp.GetRequiredService<MassTransitOutboxPublisher>());
        if (options.RelayEnabled)
        {
            builder.Services.AddSingleton<OutboxRelay>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        }
        return builder;
    }

    /// <summary>
    /// ARCHITECTURE §11.6: notifications go to a (vendor's) Notificaties API over HTTP. Without its address the
    /// service does not start: a relay that can never deliver would fill the outbox silently. The token and the address
    /// come from <see cref="Zgw.Api.ZgwApiExtensions.AddZgwApi"/> (<see cref="SiblingCalls"/>), which every service adds.
    /// </summary>
    private static void AddHttpNotificaties(WebApplicationBuilder builder)
    {
        var key = $"{ZgwOptions.Section}:Services:{ZgwComponent.Notificaties.Key}:InternalUrl";
        if (!Uri.TryCreate(builder.Configuration[key], UriKind.Absolute, out _))
            throw new InvalidOperationException($"Messaging:NotificatieTransport is Http, so {key} must be the absolute address of a Notificaties API.");
        builder.Services.AddHttpClient(HttpNotificatiePublisher.HttpClientName);
        builder.Services.AddSingleton<IOutboxPublisher, HttpNotificatiePublisher>();
    }

    private static void ConfigureHost(IRabbitMqBusFactoryConfigurator cfg, Uri uri)
    {
        var userInfo = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var vhost = uri.AbsolutePath.Trim('/');
        cfg.Host(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port), vhost.Length == 0 ? "/" : Uri.UnescapeDataString(vhost), h =>
        {
            if (userInfo[0].Length > 0)
                h.Username(userInfo[0]);
            if (userInfo.Length > 1)
                h.Password(userInfo[1]);
            h.PublisherConfirmation = true;
            h.Heartbeat(TimeSpan.FromSeconds(10));
            h.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
        });
    }
}

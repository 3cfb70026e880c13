using Notificaties.Api;
using Notificaties.Api.Delivery;
using Notificaties.Api.Resources.Abonnement;
using Notificaties.Api.Resources.Kanaal;
using Notificaties.Api.Resources.Notificatie;
using Zgw.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddZgwService(NotificatiesService.Component, NotificatiesService.Migrations,
    bus => bus.AddConsumer<NotificatieConsumer>().Endpoint(e => e.Name = builder.Configuration["Notificaties:Queue"] ?? "openzaak-notificaties"));
builder.Services.Configure<DeliveryOptions>(builder.Configuration.GetSection(DeliveryOptions.Section));
builder.Services.Configure<CallbackVerificationOptions>(builder.Configuration.GetSection("Notificaties"));
builder.Services.AddSingleton<NotificatieStore>();
builder.Services.AddSingleton<CallbackVerifier>();
builder.Services.AddHostedService<DeliveryWorker>();
builder.AddDeliveryHttpClients();

var app = builder.Build();
app.UseZgwService();
app.MapKanaalEndpoints();
app.MapAbonnementEndpoints();
app.MapNotificatieEndpoints();
app.MapDeadLetterEndpoints();
return await app.RunZgwServiceAsync(args, new Dictionary<string, Func<WebApplication, string[], Task<int>>>
{
    ["dead-letters"] = DeadLetters.CommandAsync,
});

using System.Text;
using Microsoft.Extensions.Configuration;

namespace Zgw.Api.Auth;

/// <summary>
/// Clients from configuration, section <c>Zgw:Clients</c> (an array):
/// <c>ClientId</c>, <c>Secret</c>, <c>Label</c>, <c>HeeftAlleAutorisaties</c> and <c>Autorisaties</c>
/// (each with <c>Component</c>, <c>Scopes</c>, <c>Zaaktype</c>/<c>Informatieobjecttype</c>/<c>Besluittype</c>,
/// <c>MaxVertrouwelijkheidaanduiding</c>). Used for the demo client and service identities until the
/// Autorisaties service is the source.
/// </summary>
public sealed class ConfigurationAutorisatieSource : IAutorisatieSource
{
    private readonly Dictionary<string, ClientRegistration> _clients = new(StringComparer.Ordinal);

    public ConfigurationAutorisatieSource(IConfiguration configuration)
    {
        foreach (var section in configuration.GetSection("Zgw:Clients").GetChildren())
        {
            var settings = section.Get<ClientSettings>();
            if (settings is null || string.IsNullOrEmpty(settings.ClientId) || string.IsNullOrEmpty(settings.Secret))
                continue;
            var autorisaties = settings.Autorisaties.Select(a => new Autorisatie(
                a.Component, a.Scopes, a.Zaaktype, a.Informatieobjecttype, a.Besluittype, a.MaxVertrouwelijkheidaanduiding)).ToList();
            var applicatie = new Applicatie(null, [settings.ClientId], settings.Label ?? settings.ClientId,
                settings.HeeftAlleAutorisaties, autorisaties);
            _clients[settings.ClientId] = new ClientRegistration(settings.ClientId, [Encoding.UTF8.GetBytes(settings.Secret)], applicatie);
        }
    }

    public ValueTask<ClientRegistration?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_clients.GetValueOrDefault(clientId));

    private sealed class ClientSettings
    {
        public string ClientId { get; set; } = "";
        public string Secret { get; set; } = "";
        public string? Label { get; set; }
        public bool HeeftAlleAutorisaties { get; set; }
        public List<AutorisatieSettings> Autorisaties { get; set; } = [];
    }

    private sealed class AutorisatieSettings
    {
        public string Component { get; set; } = "";
        public List<string> Scopes { get; set; } = [];
        public string? Zaaktype { get; set; }
        public string? Informatieobjecttype { get; set; }
        public string? Besluittype { get; set; }
        public string? MaxVertrouwelijkheidaanduiding { get; set; }
    }
}

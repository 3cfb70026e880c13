namespace Zgw.Testing;

/// <summary>
/// The configuration of a service under test (see <see cref="ServiceHost"/>): the database, broker, migration on start and
/// public base URL every ZGW service reads. A fixture adds its own keys with the indexer and its clients with
/// <see cref="ClientSettings"/>.
/// </summary>
public sealed class ServiceSettings : Dictionary<string, string>
{
    public ServiceSettings(PostgresDatabase database, string publicBaseUrl, string? rabbitMq = null)
    {
        this["ConnectionStrings:Database"] = database.ConnectionString;
        this["ConnectionStrings:RabbitMq"] = rabbitMq ?? TestInfrastructure.RabbitMq;
        this["Database:MigrateOnStartup"] = "true";
        this["Zgw:PublicBaseUrl"] = publicBaseUrl;
    }

    /// <summary>
    /// A service that calls its sibling <paramref name="sibling"/> (e.g. <c>catalogi</c>) at <paramref name="internalUrl"/>
    /// with its own identity (<c>Zgw:ServiceIdentity</c>).
    /// </summary>
    public ServiceSettings CallingSibling(string sibling, string internalUrl, string clientId, string secret)
    {
        this[$"Zgw:Services:{sibling}:InternalUrl"] = internalUrl;
        this["Zgw:ServiceIdentity:ClientId"] = clientId;
        this["Zgw:ServiceIdentity:Secret"] = secret;
        return this;
    }
}

/// <summary>The clients a service knows from configuration (<c>Zgw:Clients</c>), written into a settings dictionary.</summary>
public static class ClientSettings
{
    /// <summary>Client <paramref name="index"/> of <c>Zgw:Clients</c>.</summary>
    public static TSettings AddClient<TSettings>(this TSettings settings, int index, string clientId, string secret,
        bool heeftAlleAutorisaties = false) where TSettings : IDictionary<string, string>
    {
        settings[$"Zgw:Clients:{index}:ClientId"] = clientId;
        settings[$"Zgw:Clients:{index}:Secret"] = secret;
        settings[$"Zgw:Clients:{index}:HeeftAlleAutorisaties"] = heeftAlleAutorisaties ? "true" : "false";
        return settings;
    }

    /// <summary>
    /// Autorisatie <paramref name="index"/> of client <paramref name="client"/>: its component, its scopes and the fields that
    /// bind it (<c>Zaaktype</c>, <c>Informatieobjecttype</c>, <c>Besluittype</c>, <c>MaxVertrouwelijkheidaanduiding</c>).
    /// </summary>
    public static TSettings AddAutorisatie<TSettings>(this TSettings settings, int client, int index, string component,
        IReadOnlyList<string> scopes, params (string Name, string Value)[] fields) where TSettings : IDictionary<string, string>
    {
        var prefix = $"Zgw:Clients:{client}:Autorisaties:{index}";
        settings[$"{prefix}:Component"] = component;
        foreach (var (name, value) in fields)
            settings[$"{prefix}:{name}"] = value;
        for (var s = 0; s < scopes.Count; s++)
            settings[$"{prefix}:Scopes:{s}"] = scopes[s];
        return settings;
    }
}

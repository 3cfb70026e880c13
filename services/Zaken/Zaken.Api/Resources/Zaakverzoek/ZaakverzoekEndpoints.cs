using Zaken.Api.Resources.Zaakcontactmoment;
using Zgw.Api.Http;

namespace Zaken.Api.Resources.Zaakverzoek;

/// <summary>The body of POST <c>/zaakverzoeken</c> (OAS <c>ZaakVerzoek</c>, writable fields).</summary>
public sealed record ZaakverzoekRequest(string? Zaak, string? Verzoek) : IKoppelingRequest
{
    string? IKoppelingRequest.Doel => Verzoek;

    public void Validate(Validator v)
    {
        if (v.Required("zaak", Zaak))
            v.Url("zaak", Zaak);
        if (v.Required("verzoek", Verzoek))
            v.Url("verzoek", Verzoek);
    }
}

/// <summary><c>/zaakverzoeken</c>: the same link resource as zaakcontactmomenten (<see cref="ZaakKoppeling{TRequest}"/>).</summary>
public static class ZaakverzoekEndpoints
{
    public static readonly KoppelingDefinitie Definitie = new("zaakverzoeken", "zaakverzoek", "zaakverzoek", "verzoek");

    public static IServiceCollection AddZaakverzoekResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakverzoekEndpoints(this WebApplication app)
    {
        new ZaakKoppeling<ZaakverzoekRequest>(Definitie).Map(app);
        return app;
    }
}

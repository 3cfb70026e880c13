using Zgw.Api.Http;

namespace Zaken.Api.Resources.Zaakcontactmoment;

/// <summary>The body of POST <c>/zaakcontactmomenten</c> (OAS <c>ZaakContactMoment</c>, writable fields).</summary>
public sealed record ZaakcontactmomentRequest(string? Zaak, string? Contactmoment) : IKoppelingRequest
{
    string? IKoppelingRequest.Doel => Contactmoment;

    public void Validate(Validator v)
    {
        if (v.Required("zaak", Zaak))
            v.Url("zaak", Zaak);
        if (v.Required("contactmoment", Contactmoment))
            v.Url("contactmoment", Contactmoment);
    }
}

/// <summary><c>/zaakcontactmomenten</c>: see <see cref="ZaakKoppeling{TRequest}"/>.</summary>
public static class ZaakcontactmomentEndpoints
{
    public static readonly KoppelingDefinitie Definitie = new("zaakcontactmomenten", "zaakcontactmoment", "zaakcontactmoment", "contactmoment");

    public static IServiceCollection AddZaakcontactmomentResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakcontactmomentEndpoints(this WebApplication app)
    {
        new ZaakKoppeling<ZaakcontactmomentRequest>(Definitie).Map(app);
        return app;
    }
}

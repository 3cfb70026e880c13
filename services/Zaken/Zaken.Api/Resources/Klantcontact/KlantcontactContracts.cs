using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Rol;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Klantcontact;

/// <summary>The body of POST <c>/klantcontacten</c> (OAS <c>KlantContact</c>, writable fields).</summary>
public sealed record KlantcontactRequest(
    string? Zaak,
    string? Identificatie,
    DateTimeOffset? Datumtijd,
    string? Kanaal,
    string? Onderwerp,
    string? Toelichting) : IValidatable
{
    public void Validate(Validator v)
    {
        if (v.Required("zaak", Zaak))
            v.Url("zaak", Zaak);
        v.MaxLength("identificatie", Identificatie, 14);
        v.Required("datumtijd", Datumtijd);
        v.MaxLength("kanaal", Kanaal, 20);
        v.MaxLength("onderwerp", Onderwerp, 200);
        v.MaxLength("toelichting", Toelichting, 1000);
    }
}

/// <summary>The rules of the (deprecated) KLANTCONTACT resource.</summary>
public static class KlantcontactRules
{
    private const string Tekens = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>
    /// <c>datumtijd</c> may not lie in the future (Open Zaak <c>DateNotInFutureValidator</c>: <c>date-in-future</c>, zgw-rules Z14).
    /// </summary>
    public static void DateInFuture_DatumtijdNietInToekomst(DateTimeOffset datumtijd, DateTimeOffset now)
    {
        if (datumtijd > now)
            throw ZgwException.Validation("datumtijd", ZakenCodes.DateInFuture, "Deze datum mag niet in de toekomst zijn");
    }

    /// <summary>An identificatie for a klantcontact sent without one: 12 random letters and digits, as the reference does.</summary>
    public static string NieuweIdentificatie() => RandomNumberGenerator.GetString(Tekens, 12);

    /// <summary>The identificatie is unique over all klantcontacten (<c>identificatie</c> <c>unique</c>).</summary>
    public static ZgwException NietUniek() =>
        ZgwException.Validation("identificatie", ZakenCodes.Unique, "Er bestaat al een klantcontact met deze identificatie.");
}

/// <summary>A stored klantcontact with its zaak's uuid.</summary>
public sealed class KlantcontactRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long ZaakId { get; init; }
    public Guid ZaakUuid { get; init; }
    public string Identificatie { get; init; } = "";
    public DateTime Datumtijd { get; init; }
    public string Gegevens { get; init; } = "{}";

    /// <summary>The OAS <c>KlantContact</c>.</summary>
    public JsonObject Render(ZakenUrls urls)
    {
        var g = JsonNode.Parse(Gegevens) as JsonObject ?? [];
        return new JsonObject
        {
            ["url"] = urls.Of("klantcontacten", Uuid),
            ["uuid"] = Uuid.ToString(),
            ["zaak"] = urls.Zaak(ZaakUuid),
            ["identificatie"] = Identificatie,
            ["datumtijd"] = RolRow.FormatDateTime(Datumtijd),
            ["kanaal"] = g["kanaal"]?.DeepClone() ?? "",
            ["onderwerp"] = g["onderwerp"]?.DeepClone() ?? "",
            ["toelichting"] = g["toelichting"]?.DeepClone() ?? "",
        };
    }

    public static string ToGegevens(KlantcontactRequest r) => new JsonObject
    {
        ["kanaal"] = r.Kanaal ?? "",
        ["onderwerp"] = r.Onderwerp ?? "",
        ["toelichting"] = r.Toelichting ?? "",
    }.ToJsonString(ZgwJson.Options);
}

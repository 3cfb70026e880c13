using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Resultaattype;

/// <summary>
/// The body of POST/PUT/PATCH <c>/resultaattypen</c> (OAS <c>ResultaatTypeCreate</c>, writable fields). <c>besluittypen</c>
/// and <c>informatieobjecttypen</c> are omschrijvingen (history model, T8). <see cref="OmschrijvingGeneriek"/> is read-only:
/// it is taken from the resultaattypeomschrijving on every write (ztc-002).
/// </summary>
public sealed record ResultaattypeRequest : IValidatable
{
    public string? Zaaktype { get; init; }
    public string? Omschrijving { get; init; }
    public string? Resultaattypeomschrijving { get; init; }
    public string? OmschrijvingGeneriek { get; init; }
    public string? Selectielijstklasse { get; init; }
    public string? Toelichting { get; init; }
    public string? Archiefnominatie { get; init; }
    public string? Archiefactietermijn { get; init; }
    public BrondatumArchiefprocedure? BrondatumArchiefprocedure { get; init; }
    public string? Procesobjectaard { get; init; }

    /// <summary>Deprecated: when sent it must be the zaaktype's catalogus (T12).</summary>
    public string? Catalogus { get; init; }

    public DateOnly? BeginGeldigheid { get; init; }
    public DateOnly? EindeGeldigheid { get; init; }
    public DateOnly? BeginObject { get; init; }
    public DateOnly? EindeObject { get; init; }
    public bool? IndicatieSpecifiek { get; init; }
    public string? Procestermijn { get; init; }
    public List<string?>? Besluittypen { get; init; }
    public List<string?>? Informatieobjecttypen { get; init; }

    public void Validate(Validator v) => ResultaattypeRules.ValidateFields(this, v);
}

/// <summary>OAS <c>BrondatumArchiefprocedure</c>.</summary>
public sealed record BrondatumArchiefprocedure(
    string? Afleidingswijze,
    string? Datumkenmerk,
    bool? EinddatumBekend,
    string? Objecttype,
    string? Registratie,
    string? Procestermijn);

/// <summary>A resultaattype row with its besluittypen and informatieobjecttypen valid on the reference date.</summary>
public sealed class ResultaattypeRow : OnderdeelRow
{
    public Guid[] BesluittypenUuids { get; init; } = [];
    public Guid[] InformatieobjecttypenUuids { get; init; } = [];

    public ResultaattypeRequest Stored => CatalogiValidation.FromGegevens<ResultaattypeRequest>(Gegevens);

    public ResultaattypeRequest ToRequest(CatalogiUrls urls) => Stored with
    {
        Zaaktype = ZaaktypeUrl(urls),
        Catalogus = CatalogusUrl(urls),
        BeginGeldigheid = ZaaktypeBeginGeldigheid,
        EindeGeldigheid = ZaaktypeEindeGeldigheid,
    };

    /// <summary>The OAS <c>ResultaatType</c>.</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = Stored;
        var b = r.BrondatumArchiefprocedure;
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.Resultaattype, Uuid),
            ["zaaktype"] = ZaaktypeUrl(urls),
            ["zaaktypeIdentificatie"] = ZaaktypeIdentificatie,
            ["omschrijving"] = r.Omschrijving,
            ["resultaattypeomschrijving"] = r.Resultaattypeomschrijving,
            ["omschrijvingGeneriek"] = r.OmschrijvingGeneriek ?? "",
            ["selectielijstklasse"] = r.Selectielijstklasse,
            ["toelichting"] = r.Toelichting ?? "",
            ["archiefnominatie"] = r.Archiefnominatie ?? "",
            ["archiefactietermijn"] = r.Archiefactietermijn,
            ["brondatumArchiefprocedure"] = b is null ? null : new JsonObject
            {
                ["afleidingswijze"] = b.Afleidingswijze,
                ["datumkenmerk"] = b.Datumkenmerk ?? "",
                ["einddatumBekend"] = b.EinddatumBekend ?? false,
                ["objecttype"] = b.Objecttype ?? "",
                ["registratie"] = b.Registratie ?? "",
                ["procestermijn"] = b.Procestermijn,
            },
            ["procesobjectaard"] = r.Procesobjectaard,
            ["catalogus"] = CatalogusUrl(urls),
            ["indicatieSpecifiek"] = r.IndicatieSpecifiek,
            ["procestermijn"] = r.Procestermijn,
            ["besluittypen"] = urls.Array(CatalogiKind.Besluittype, BesluittypenUuids),
            ["besluittypeOmschrijving"] = CatalogiValidation.Strings(r.Besluittypen),
            ["informatieobjecttypen"] = urls.Array(CatalogiKind.Informatieobjecttype, InformatieobjecttypenUuids),
            ["informatieobjecttypeOmschrijving"] = CatalogiValidation.Strings(r.Informatieobjecttypen),
        };
        AddGeldigheid(json, r.BeginObject, r.EindeObject);
        return new Rendered(CatalogiKind.Resultaattype, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["catalogus"] = [CatalogusUuid],
            ["zaaktype"] = [ZaaktypeUuid],
            ["besluittypen"] = BesluittypenUuids,
            ["informatieobjecttypen"] = InformatieobjecttypenUuids,
        });
    }
}

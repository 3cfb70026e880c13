using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Zaaktype;

/// <summary>
/// The body of POST/PUT/PATCH <c>/zaaktypen</c> (OAS <c>ZaakTypeCreate</c> / <c>ZaakTypeUpdate</c>, writable fields).
/// <c>besluittypen</c> are besluittype omschrijvingen, <c>deelzaaktypen</c> and <c>gerelateerdeZaaktypen[].zaaktype</c>
/// zaaktype identificaties (history model, T8).
/// </summary>
public sealed record ZaaktypeRequest : IValidatable
{
    public string? Identificatie { get; init; }
    public string? Omschrijving { get; init; }
    public string? OmschrijvingGeneriek { get; init; }
    public string? Vertrouwelijkheidaanduiding { get; init; }
    public string? Doel { get; init; }
    public string? Aanleiding { get; init; }
    public string? Toelichting { get; init; }
    public string? IndicatieInternOfExtern { get; init; }
    public string? HandelingInitiator { get; init; }
    public string? Onderwerp { get; init; }
    public string? HandelingBehandelaar { get; init; }
    public string? Doorlooptijd { get; init; }
    public string? Servicenorm { get; init; }
    public bool? OpschortingEnAanhoudingMogelijk { get; init; }
    public bool? VerlengingMogelijk { get; init; }
    public string? Verlengingstermijn { get; init; }
    public List<string?>? Trefwoorden { get; init; }
    public bool? PublicatieIndicatie { get; init; }
    public string? Publicatietekst { get; init; }
    public List<string?>? Verantwoordingsrelatie { get; init; }
    public List<string?>? ProductenOfDiensten { get; init; }
    public string? SelectielijstProcestype { get; init; }
    public ReferentieProces? Referentieproces { get; init; }
    public string? Verantwoordelijke { get; init; }
    public BronCatalogus? Broncatalogus { get; init; }
    public BronZaaktype? Bronzaaktype { get; init; }
    public string? Catalogus { get; init; }
    public List<string?>? Besluittypen { get; init; }
    public List<string?>? Deelzaaktypen { get; init; }
    public List<ZaaktypenRelatie?>? GerelateerdeZaaktypen { get; init; }
    public DateOnly? BeginGeldigheid { get; init; }
    public DateOnly? EindeGeldigheid { get; init; }
    public DateOnly? BeginObject { get; init; }
    public DateOnly? EindeObject { get; init; }
    public DateOnly? Versiedatum { get; init; }

    public void Validate(Validator v) => ZaaktypeRules.ValidateFields(this, v);
}

public sealed record ReferentieProces(string? Naam, string? Link);

public sealed record BronCatalogus(string? Url, string? Domein, string? Rsin);

public sealed record BronZaaktype(string? Url, string? Identificatie, string? Omschrijving);

/// <summary><c>ZaakTypenRelatieCreate</c>: <c>zaaktype</c> is the identificatie of the related zaaktype.</summary>
public sealed record ZaaktypenRelatie(string? Zaaktype, string? AardRelatie, string? Toelichting);

/// <summary>A zaaktype row with every relation computed for the reference date.</summary>
public sealed class ZaaktypeRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long CatalogusId { get; init; }
    public Guid CatalogusUuid { get; init; }
    public bool Concept { get; init; }
    public string Gegevens { get; init; } = "{}";
    public Guid[] Statustypen { get; init; } = [];
    public Guid[] Resultaattypen { get; init; } = [];
    public string[] ResultaattypeOmschrijvingen { get; init; } = [];
    public Guid[] Eigenschappen { get; init; } = [];
    public Guid[] Roltypen { get; init; } = [];
    public Guid[] Zaakobjecttypen { get; init; } = [];
    public Guid[] Informatieobjecttypen { get; init; } = [];
    public string[] InformatieobjecttypeOmschrijvingen { get; init; } = [];
    public Guid[] BesluittypenUuids { get; init; } = [];
    public Guid[] DeelzaaktypenUuids { get; init; } = [];

    /// <summary>identificatie → uuid of the valid published version, for <c>gerelateerdeZaaktypen</c>.</summary>
    public string Gerelateerde { get; init; } = "{}";

    public ZaaktypeRequest Stored => CatalogiValidation.FromGegevens<ZaaktypeRequest>(Gegevens);

    /// <summary>The request form (for PATCH and the ztc-009 comparison).</summary>
    public ZaaktypeRequest ToRequest(CatalogiUrls urls) => Stored with { Catalogus = urls.Of(CatalogiKind.Catalogus, CatalogusUuid) };

    /// <summary>The OAS <c>ZaakType</c>.</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = Stored;
        var gerelateerde = CatalogiValidation.FromGegevens<Dictionary<string, Guid>>(Gerelateerde);
        var relaties = (r.GerelateerdeZaaktypen ?? []).Where(g => g?.Zaaktype is not null && gerelateerde.ContainsKey(g.Zaaktype)).ToList();
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.Zaaktype, Uuid),
            ["identificatie"] = r.Identificatie,
            ["omschrijving"] = r.Omschrijving,
            ["omschrijvingGeneriek"] = r.OmschrijvingGeneriek ?? "",
            ["vertrouwelijkheidaanduiding"] = r.Vertrouwelijkheidaanduiding,
            ["doel"] = r.Doel,
            ["aanleiding"] = r.Aanleiding,
            ["toelichting"] = r.Toelichting ?? "",
            ["indicatieInternOfExtern"] = r.IndicatieInternOfExtern,
            ["handelingInitiator"] = r.HandelingInitiator,
            ["onderwerp"] = r.Onderwerp,
            ["handelingBehandelaar"] = r.HandelingBehandelaar,
            ["doorlooptijd"] = r.Doorlooptijd,
            ["servicenorm"] = r.Servicenorm,
            ["opschortingEnAanhoudingMogelijk"] = r.OpschortingEnAanhoudingMogelijk,
            ["verlengingMogelijk"] = r.VerlengingMogelijk,
            ["verlengingstermijn"] = r.Verlengingstermijn,
            ["trefwoorden"] = CatalogiValidation.Strings(r.Trefwoorden),
            ["publicatieIndicatie"] = r.PublicatieIndicatie,
            ["publicatietekst"] = r.Publicatietekst ?? "",
            ["verantwoordingsrelatie"] = CatalogiValidation.Strings(r.Verantwoordingsrelatie),
            ["productenOfDiensten"] = CatalogiValidation.Strings(r.ProductenOfDiensten),
            ["selectielijstProcestype"] = r.SelectielijstProcestype ?? "",
            ["referentieproces"] = new JsonObject { ["naam"] = r.Referentieproces?.Naam, ["link"] = r.Referentieproces?.Link ?? "" },
            ["verantwoordelijke"] = r.Verantwoordelijke,
            ["zaakobjecttypen"] = urls.Array(CatalogiKind.Zaakobjecttype, Zaakobjecttypen),
            ["broncatalogus"] = new JsonObject
            {
                ["url"] = r.Broncatalogus?.Url ?? "", ["domein"] = r.Broncatalogus?.Domein ?? "", ["rsin"] = r.Broncatalogus?.Rsin ?? "",
            },
            ["bronzaaktype"] = new JsonObject
            {
                ["url"] = r.Bronzaaktype?.Url ?? "", ["identificatie"] = r.Bronzaaktype?.Identificatie ?? "",
                ["omschrijving"] = r.Bronzaaktype?.Omschrijving ?? "",
            },
            ["catalogus"] = urls.Of(CatalogiKind.Catalogus, CatalogusUuid),
            ["statustypen"] = urls.Array(CatalogiKind.Statustype, Statustypen),
            ["resultaattypen"] = urls.Array(CatalogiKind.Resultaattype, Resultaattypen),
            ["resultaattypeOmschrijving"] = CatalogiValidation.Strings(ResultaattypeOmschrijvingen),
            ["eigenschappen"] = urls.Array(CatalogiKind.Eigenschap, Eigenschappen),
            ["informatieobjecttypen"] = urls.Array(CatalogiKind.Informatieobjecttype, Informatieobjecttypen),
            ["informatieobjecttypeOmschrijving"] = CatalogiValidation.Strings(InformatieobjecttypeOmschrijvingen),
            ["roltypen"] = urls.Array(CatalogiKind.Roltype, Roltypen),
            ["besluittypen"] = urls.Array(CatalogiKind.Besluittype, BesluittypenUuids),
            ["besluittypeOmschrijving"] = CatalogiValidation.Strings(r.Besluittypen),
            ["deelzaaktypen"] = urls.Array(CatalogiKind.Zaaktype, DeelzaaktypenUuids),
            ["deelzaaktypeIdentificaties"] = CatalogiValidation.Strings(r.Deelzaaktypen),
            ["gerelateerdeZaaktypen"] = new JsonArray(relaties.Select(g => (JsonNode?)new JsonObject
            {
                ["zaaktype"] = urls.Of(CatalogiKind.Zaaktype, gerelateerde[g!.Zaaktype!]),
                ["zaaktypeIdentificatie"] = g.Zaaktype,
                ["aardRelatie"] = g.AardRelatie,
                ["toelichting"] = g.Toelichting ?? "",
            }).ToArray()),
            ["beginGeldigheid"] = CatalogiValidation.Node(r.BeginGeldigheid),
            ["eindeGeldigheid"] = CatalogiValidation.Node(r.EindeGeldigheid),
            ["beginObject"] = CatalogiValidation.Node(r.BeginObject),
            ["eindeObject"] = CatalogiValidation.Node(r.EindeObject),
            ["versiedatum"] = CatalogiValidation.Node(r.Versiedatum ?? r.BeginGeldigheid),
            ["concept"] = Concept,
        };
        return new Rendered(CatalogiKind.Zaaktype, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["zaakobjecttypen"] = Zaakobjecttypen,
            ["catalogus"] = [CatalogusUuid],
            ["statustypen"] = Statustypen,
            ["resultaattypen"] = Resultaattypen,
            ["eigenschappen"] = Eigenschappen,
            ["informatieobjecttypen"] = Informatieobjecttypen,
            ["roltypen"] = Roltypen,
            ["besluittypen"] = BesluittypenUuids,
            ["deelzaaktypen"] = DeelzaaktypenUuids,
            ["gerelateerdeZaaktypen"] = relaties.Select(g => gerelateerde[g!.Zaaktype!]).ToList(),
        });
    }
}

using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Besluittype;

/// <summary>
/// The body of POST/PUT/PATCH <c>/besluittypen</c> (OAS <c>BesluitTypeCreate</c> / <c>BesluitTypeUpdate</c>, writable fields).
/// <c>informatieobjecttypen</c> are informatieobjecttype omschrijvingen (history model, T8).
/// </summary>
public sealed record BesluittypeRequest : IValidatable
{
    public string? Catalogus { get; init; }
    public string? Omschrijving { get; init; }
    public string? OmschrijvingGeneriek { get; init; }
    public string? Besluitcategorie { get; init; }
    public string? Reactietermijn { get; init; }
    public bool? PublicatieIndicatie { get; init; }
    public string? Publicatietekst { get; init; }
    public string? Publicatietermijn { get; init; }
    public string? Toelichting { get; init; }
    public List<string?>? Informatieobjecttypen { get; init; }
    public DateOnly? BeginGeldigheid { get; init; }
    public DateOnly? EindeGeldigheid { get; init; }
    public DateOnly? BeginObject { get; init; }
    public DateOnly? EindeObject { get; init; }

    public void Validate(Validator v)
    {
        if (v.Required("catalogus", Catalogus))
            v.Url("catalogus", Catalogus);
        v.MaxLength("omschrijving", Omschrijving, 80);
        v.MaxLength("omschrijvingGeneriek", OmschrijvingGeneriek, 80);
        v.MaxLength("besluitcategorie", Besluitcategorie, 40);
        v.Duration("reactietermijn", Reactietermijn);
        v.Required("publicatieIndicatie", PublicatieIndicatie);
        v.Duration("publicatietermijn", Publicatietermijn);
        if (v.Required("informatieobjecttypen", Informatieobjecttypen))
            v.Items("informatieobjecttypen", Informatieobjecttypen);
        v.UniqueItems("informatieobjecttypen", Informatieobjecttypen);
        v.Required("beginGeldigheid", BeginGeldigheid);
        CatalogiRules.EindeNietVoorBegin(BeginGeldigheid, EindeGeldigheid, v);
    }
}

/// <summary>A besluittype row with its relations for the reference date.</summary>
public sealed class BesluittypeRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public Guid CatalogusUuid { get; init; }
    public bool Concept { get; init; }
    public string Gegevens { get; init; } = "{}";
    public Guid[] Zaaktypen { get; init; } = [];
    public string[] ZaaktypeIdentificaties { get; init; } = [];
    public Guid[] Informatieobjecttypen { get; init; } = [];
    public Guid[] Resultaattypen { get; init; } = [];
    public string[] ResultaattypeOmschrijvingen { get; init; } = [];

    /// <summary>The OAS <c>BesluitType</c> (plus <c>informatieobjecttypeOmschrijving</c> of <c>BesluitTypePostResponse</c>).</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = CatalogiValidation.FromGegevens<BesluittypeRequest>(Gegevens);
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.Besluittype, Uuid),
            ["catalogus"] = urls.Of(CatalogiKind.Catalogus, CatalogusUuid),
            ["zaaktypen"] = urls.Array(CatalogiKind.Zaaktype, Zaaktypen),
            ["zaaktypeIdentificaties"] = CatalogiValidation.Strings(ZaaktypeIdentificaties),
            ["omschrijving"] = r.Omschrijving ?? "",
            ["omschrijvingGeneriek"] = r.OmschrijvingGeneriek ?? "",
            ["besluitcategorie"] = r.Besluitcategorie ?? "",
            ["reactietermijn"] = r.Reactietermijn,
            ["publicatieIndicatie"] = r.PublicatieIndicatie,
            ["publicatietekst"] = r.Publicatietekst ?? "",
            ["publicatietermijn"] = r.Publicatietermijn,
            ["toelichting"] = r.Toelichting ?? "",
            ["informatieobjecttypen"] = urls.Array(CatalogiKind.Informatieobjecttype, Informatieobjecttypen),
            ["informatieobjecttypeOmschrijvingen"] = CatalogiValidation.Strings(r.Informatieobjecttypen),
            ["informatieobjecttypeOmschrijving"] = CatalogiValidation.Strings(r.Informatieobjecttypen),
            ["beginGeldigheid"] = CatalogiValidation.Node(r.BeginGeldigheid),
            ["eindeGeldigheid"] = CatalogiValidation.Node(r.EindeGeldigheid),
            ["beginObject"] = CatalogiValidation.Node(r.BeginObject),
            ["eindeObject"] = CatalogiValidation.Node(r.EindeObject),
            ["concept"] = Concept,
            ["resultaattypen"] = urls.Array(CatalogiKind.Resultaattype, Resultaattypen),
            ["resultaattypenOmschrijving"] = CatalogiValidation.Strings(ResultaattypeOmschrijvingen),
            ["vastgelegdIn"] = CatalogiValidation.Strings(r.Informatieobjecttypen),
        };
        return new Rendered(CatalogiKind.Besluittype, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["catalogus"] = [CatalogusUuid],
            ["zaaktypen"] = Zaaktypen,
            ["informatieobjecttypen"] = Informatieobjecttypen,
            ["resultaattypen"] = Resultaattypen,
        });
    }
}

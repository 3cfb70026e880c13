using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Informatieobjecttype;

/// <summary>The body of POST/PUT/PATCH <c>/informatieobjecttypen</c> (OAS <c>InformatieObjectType</c>, writable fields).</summary>
public sealed record InformatieobjecttypeRequest : IValidatable
{
    public string? Catalogus { get; init; }
    public string? Omschrijving { get; init; }
    public string? Vertrouwelijkheidaanduiding { get; init; }
    public DateOnly? BeginGeldigheid { get; init; }
    public DateOnly? EindeGeldigheid { get; init; }
    public DateOnly? BeginObject { get; init; }
    public DateOnly? EindeObject { get; init; }
    public string? Informatieobjectcategorie { get; init; }
    public List<string?>? Trefwoord { get; init; }
    public OmschrijvingGeneriek? OmschrijvingGeneriek { get; init; }

    public void Validate(Validator v)
    {
        if (v.Required("catalogus", Catalogus))
            v.Url("catalogus", Catalogus);
        v.RequiredText("omschrijving", Omschrijving, 80);
        if (v.Required("vertrouwelijkheidaanduiding", Vertrouwelijkheidaanduiding))
            v.OneOf("vertrouwelijkheidaanduiding", Vertrouwelijkheidaanduiding, CatalogiValidation.Vertrouwelijkheidaanduidingen);
        v.Required("beginGeldigheid", BeginGeldigheid);
        CatalogiRules.EindeNietVoorBegin(BeginGeldigheid, EindeGeldigheid, v);
        v.RequiredText("informatieobjectcategorie", Informatieobjectcategorie, 80);
        v.Items("trefwoord", Trefwoord, 30);
        if (OmschrijvingGeneriek is { } g)
        {
            v.RequiredText("omschrijvingGeneriek.informatieobjecttypeOmschrijvingGeneriek", g.InformatieobjecttypeOmschrijvingGeneriek, 80);
            v.RequiredText("omschrijvingGeneriek.definitieInformatieobjecttypeOmschrijvingGeneriek", g.DefinitieInformatieobjecttypeOmschrijvingGeneriek, 255);
            v.RequiredText("omschrijvingGeneriek.herkomstInformatieobjecttypeOmschrijvingGeneriek", g.HerkomstInformatieobjecttypeOmschrijvingGeneriek, 12);
            v.RequiredText("omschrijvingGeneriek.hierarchieInformatieobjecttypeOmschrijvingGeneriek", g.HierarchieInformatieobjecttypeOmschrijvingGeneriek, 80);
            v.MaxLength("omschrijvingGeneriek.opmerkingInformatieobjecttypeOmschrijvingGeneriek", g.OpmerkingInformatieobjecttypeOmschrijvingGeneriek, 255);
        }
    }
}

/// <summary>OAS <c>InformatieObjectTypeOmschrijvingGeneriek</c>.</summary>
public sealed record OmschrijvingGeneriek(
    string? InformatieobjecttypeOmschrijvingGeneriek,
    string? DefinitieInformatieobjecttypeOmschrijvingGeneriek,
    string? HerkomstInformatieobjecttypeOmschrijvingGeneriek,
    string? HierarchieInformatieobjecttypeOmschrijvingGeneriek,
    string? OpmerkingInformatieobjecttypeOmschrijvingGeneriek);

/// <summary>An informatieobjecttype row with its relations for the reference date.</summary>
public sealed class InformatieobjecttypeRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public Guid CatalogusUuid { get; init; }
    public bool Concept { get; init; }
    public string Gegevens { get; init; } = "{}";
    public Guid[] Zaaktypen { get; init; } = [];
    public string[] ZaaktypeIdentificaties { get; init; } = [];
    public Guid[] Besluittypen { get; init; } = [];
    public string[] BesluittypeOmschrijvingen { get; init; } = [];

    /// <summary>The OAS <c>InformatieObjectType</c>.</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = CatalogiValidation.FromGegevens<InformatieobjecttypeRequest>(Gegevens);
        var g = r.OmschrijvingGeneriek;
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.Informatieobjecttype, Uuid),
            ["catalogus"] = urls.Of(CatalogiKind.Catalogus, CatalogusUuid),
            ["omschrijving"] = r.Omschrijving,
            ["vertrouwelijkheidaanduiding"] = r.Vertrouwelijkheidaanduiding,
            ["beginGeldigheid"] = CatalogiValidation.Node(r.BeginGeldigheid),
            ["eindeGeldigheid"] = CatalogiValidation.Node(r.EindeGeldigheid),
            ["beginObject"] = CatalogiValidation.Node(r.BeginObject),
            ["eindeObject"] = CatalogiValidation.Node(r.EindeObject),
            ["concept"] = Concept,
            ["zaaktypen"] = urls.Array(CatalogiKind.Zaaktype, Zaaktypen),
            ["zaaktypeIdentificaties"] = CatalogiValidation.Strings(ZaaktypeIdentificaties),
            ["besluittypen"] = urls.Array(CatalogiKind.Besluittype, Besluittypen),
            ["besluittypeOmschrijving"] = CatalogiValidation.Strings(BesluittypeOmschrijvingen),
            ["informatieobjectcategorie"] = r.Informatieobjectcategorie,
            ["trefwoord"] = CatalogiValidation.Strings(r.Trefwoord),
            ["omschrijvingGeneriek"] = new JsonObject
            {
                ["informatieobjecttypeOmschrijvingGeneriek"] = g?.InformatieobjecttypeOmschrijvingGeneriek ?? "",
                ["definitieInformatieobjecttypeOmschrijvingGeneriek"] = g?.DefinitieInformatieobjecttypeOmschrijvingGeneriek ?? "",
                ["herkomstInformatieobjecttypeOmschrijvingGeneriek"] = g?.HerkomstInformatieobjecttypeOmschrijvingGeneriek ?? "",
                ["hierarchieInformatieobjecttypeOmschrijvingGeneriek"] = g?.HierarchieInformatieobjecttypeOmschrijvingGeneriek ?? "",
                ["opmerkingInformatieobjecttypeOmschrijvingGeneriek"] = g?.OpmerkingInformatieobjecttypeOmschrijvingGeneriek,
            },
        };
        return new Rendered(CatalogiKind.Informatieobjecttype, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["catalogus"] = [CatalogusUuid],
            ["zaaktypen"] = Zaaktypen,
            ["besluittypen"] = Besluittypen,
        });
    }
}

using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Catalogus;

/// <summary>The body of POST/PUT/PATCH <c>/catalogussen</c> (OAS <c>Catalogus</c> / <c>CatalogusUpdate</c>, writable fields).</summary>
public sealed record CatalogusRequest : IValidatable
{
    public string? Domein { get; init; }
    public string? Rsin { get; init; }
    public string? ContactpersoonBeheerNaam { get; init; }
    public string? ContactpersoonBeheerTelefoonnummer { get; init; }
    public string? ContactpersoonBeheerEmailadres { get; init; }
    public string? Naam { get; init; }
    public string? Versie { get; init; }
    public DateOnly? BegindatumVersie { get; init; }

    public void Validate(Validator v)
    {
        v.RequiredText("domein", Domein, 5);
        if (v.Required("rsin", Rsin))
        {
            v.MaxLength("rsin", Rsin, 9);
            v.Rsin("rsin", Rsin);
        }
        v.RequiredText("contactpersoonBeheerNaam", ContactpersoonBeheerNaam, 40);
        v.MaxLength("contactpersoonBeheerTelefoonnummer", ContactpersoonBeheerTelefoonnummer, 20);
        v.Email("contactpersoonBeheerEmailadres", ContactpersoonBeheerEmailadres, 254);
        v.MaxLength("naam", Naam, 200);
        v.MaxLength("versie", Versie, 20);
    }
}

/// <summary>A catalogus row with the uuids and names of its types.</summary>
public sealed class CatalogusRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public string Gegevens { get; init; } = "{}";
    public Guid[] Zaaktypen { get; init; } = [];
    public Guid[] Besluittypen { get; init; } = [];
    public string[] BesluittypeOmschrijvingen { get; init; } = [];
    public Guid[] Informatieobjecttypen { get; init; } = [];
    public string[] InformatieobjecttypeOmschrijvingen { get; init; } = [];

    public CatalogusRequest Request => CatalogiValidation.FromGegevens<CatalogusRequest>(Gegevens);

    /// <summary>The OAS <c>Catalogus</c>.</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = Request;
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.Catalogus, Uuid),
            ["domein"] = r.Domein,
            ["rsin"] = r.Rsin,
            ["contactpersoonBeheerNaam"] = r.ContactpersoonBeheerNaam,
            ["contactpersoonBeheerTelefoonnummer"] = r.ContactpersoonBeheerTelefoonnummer ?? "",
            ["contactpersoonBeheerEmailadres"] = r.ContactpersoonBeheerEmailadres ?? "",
            ["zaaktypen"] = urls.Array(CatalogiKind.Zaaktype, Zaaktypen),
            ["besluittypen"] = urls.Array(CatalogiKind.Besluittype, Besluittypen),
            ["besluittypeOmschrijving"] = CatalogiValidation.Strings(BesluittypeOmschrijvingen),
            ["informatieobjecttypen"] = urls.Array(CatalogiKind.Informatieobjecttype, Informatieobjecttypen),
            ["informatieobjecttypeOmschrijving"] = CatalogiValidation.Strings(InformatieobjecttypeOmschrijvingen),
            ["naam"] = r.Naam,
            ["versie"] = r.Versie,
            ["begindatumVersie"] = CatalogiValidation.Node(r.BegindatumVersie),
        };
        return new Rendered(CatalogiKind.Catalogus, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["zaaktypen"] = Zaaktypen,
            ["besluittypen"] = Besluittypen,
            ["informatieobjecttypen"] = Informatieobjecttypen,
        });
    }
}

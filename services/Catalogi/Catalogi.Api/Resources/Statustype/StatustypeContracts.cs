using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Statustype;

/// <summary>The body of POST/PUT/PATCH <c>/statustypen</c> (OAS <c>StatusType</c>, writable fields).</summary>
public sealed record StatustypeRequest : IValidatable
{
    public string? Omschrijving { get; init; }
    public string? OmschrijvingGeneriek { get; init; }
    public string? Statustekst { get; init; }
    public string? Zaaktype { get; init; }
    public int? Volgnummer { get; init; }
    public bool? Informeren { get; init; }
    public string? Doorlooptijd { get; init; }
    public string? Toelichting { get; init; }
    public List<CheckListItem?>? ChecklistitemStatustype { get; init; }

    /// <summary>The eigenschappen that must have a value before a status of this type is set (their <c>statustype</c> is this one).</summary>
    public List<string?>? Eigenschappen { get; init; }

    public DateOnly? BeginGeldigheid { get; init; }
    public DateOnly? EindeGeldigheid { get; init; }
    public DateOnly? BeginObject { get; init; }
    public DateOnly? EindeObject { get; init; }

    public void Validate(Validator v)
    {
        v.RequiredText("omschrijving", Omschrijving, 80);
        v.MaxLength("omschrijvingGeneriek", OmschrijvingGeneriek, 80);
        v.MaxLength("statustekst", Statustekst, 1000);
        if (v.Required("zaaktype", Zaaktype))
            v.Url("zaaktype", Zaaktype);
        if (v.Required("volgnummer", Volgnummer))
            v.Range("volgnummer", Volgnummer, 1, 9999);
        v.Duration("doorlooptijd", Doorlooptijd);
        v.MaxLength("toelichting", Toelichting, 1000);
        for (var i = 0; i < (ChecklistitemStatustype?.Count ?? 0); i++)
        {
            var name = $"checklistitemStatustype.{i}";
            if (!v.Required(name, ChecklistitemStatustype![i]))
                continue;
            var item = ChecklistitemStatustype[i]!;
            v.RequiredText($"{name}.itemnaam", item.Itemnaam, 30);
            v.MaxLength($"{name}.toelichting", item.Toelichting, 1000);
            v.RequiredText($"{name}.vraagstelling", item.Vraagstelling, 255);
        }
        v.UrlItems("eigenschappen", Eigenschappen);
        v.UniqueItems("eigenschappen", Eigenschappen);
    }
}

/// <summary>OAS <c>CheckListItem</c>.</summary>
public sealed record CheckListItem(string? Itemnaam, string? Toelichting, string? Vraagstelling, bool? Verplicht);

/// <summary>A statustype row.</summary>
public sealed class StatustypeRow : OnderdeelRow
{
    public int Volgnummer { get; init; }
    public bool IsEindstatus { get; init; }
    public Guid[] Eigenschappen { get; init; } = [];

    public StatustypeRequest Stored => CatalogiValidation.FromGegevens<StatustypeRequest>(Gegevens);

    public StatustypeRequest ToRequest(CatalogiUrls urls) => Stored with
    {
        Zaaktype = ZaaktypeUrl(urls),
        Eigenschappen = Eigenschappen.Select(e => (string?)urls.Of(CatalogiKind.Eigenschap, e)).ToList(),
        BeginGeldigheid = ZaaktypeBeginGeldigheid,
        EindeGeldigheid = ZaaktypeEindeGeldigheid,
    };

    /// <summary>The OAS <c>StatusType</c>; <c>isEindstatus</c> is the statustype with the highest volgnummer of its zaaktype.</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = Stored;
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.Statustype, Uuid),
            ["omschrijving"] = r.Omschrijving,
            ["omschrijvingGeneriek"] = r.OmschrijvingGeneriek ?? "",
            ["statustekst"] = r.Statustekst ?? "",
            ["zaaktype"] = ZaaktypeUrl(urls),
            ["zaaktypeIdentificatie"] = ZaaktypeIdentificatie,
            ["volgnummer"] = Volgnummer,
            ["isEindstatus"] = IsEindstatus,
            ["informeren"] = r.Informeren ?? false,
            ["doorlooptijd"] = r.Doorlooptijd,
            ["toelichting"] = r.Toelichting,
            ["checklistitemStatustype"] = new JsonArray((r.ChecklistitemStatustype ?? []).Select(i => (JsonNode?)new JsonObject
            {
                ["itemnaam"] = i!.Itemnaam,
                ["toelichting"] = i.Toelichting,
                ["vraagstelling"] = i.Vraagstelling,
                ["verplicht"] = i.Verplicht ?? false,
            }).ToArray()),
            ["catalogus"] = CatalogusUrl(urls),
            ["eigenschappen"] = urls.Array(CatalogiKind.Eigenschap, Eigenschappen),
        };
        AddGeldigheid(json, r.BeginObject, r.EindeObject);
        return new Rendered(CatalogiKind.Statustype, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["catalogus"] = [CatalogusUuid],
            ["zaaktype"] = [ZaaktypeUuid],
            ["eigenschappen"] = Eigenschappen,
        });
    }
}

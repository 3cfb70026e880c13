using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Autorisaties.Api.Resources.Applicatie;

/// <summary>
/// The rules of the Autorisaties API (zgw-rules §A), each a small function with its official id and the
/// ZGW code Open Zaak answers with.
/// </summary>
public static class ApplicatieRules
{
    /// <summary>The main resource of each type-bound component, whose scopes require a type (ac-003).</summary>
    private static readonly Dictionary<string, (string Prefix, string TypeField, bool NeedsVertrouwelijkheid)> TypeBound = new()
    {
        [ZgwScopes.Zrc] = ("zaken.", "zaaktype", true),
        [ZgwScopes.Drc] = ("documenten.", "informatieobjecttype", true),
        [ZgwScopes.Brc] = ("besluiten.", "besluittype", false),
    };

    /// <summary>Field syntax (OAS schema) plus ac-002 and ac-003, which need only the request itself.</summary>
    public static void ValidateFields(ApplicatieRequest r, Validator v)
    {
        if (v.Required("clientIds", r.ClientIds))
        {
            for (var i = 0; i < r.ClientIds!.Count; i++)
            {
                if (v.Required($"clientIds.{i}", r.ClientIds[i]))
                    v.MaxLength($"clientIds.{i}", r.ClientIds[i], 50);
            }
            if (r.ClientIds.Distinct(StringComparer.Ordinal).Count() != r.ClientIds.Count)
                v.Add("clientIds", "unique", "Een client id mag maar één keer voorkomen.");
        }
        v.Required("label", r.Label);
        v.MaxLength("label", r.Label, 100);

        for (var i = 0; i < (r.Autorisaties?.Count ?? 0); i++)
            ValidateAutorisatie(r.Autorisaties![i], $"autorisaties.{i}", v);

        Ac002_AlleAutorisatiesOfAutorisaties(r, v);
    }

    private static void ValidateAutorisatie(AutorisatieRequest? a, string name, Validator v)
    {
        if (!v.Required(name, a))
            return;
        if (v.Required($"{name}.component", a!.Component))
            v.OneOf($"{name}.component", a.Component, ZgwScopes.Components.ToArray());
        if (v.Required($"{name}.scopes", a.Scopes))
        {
            for (var i = 0; i < a.Scopes!.Count; i++)
            {
                if (v.Required($"{name}.scopes.{i}", a.Scopes[i]))
                    v.MaxLength($"{name}.scopes.{i}", a.Scopes[i], 100);
            }
        }
        v.Url($"{name}.zaaktype", a.Zaaktype);
        v.Url($"{name}.informatieobjecttype", a.Informatieobjecttype);
        v.Url($"{name}.besluittype", a.Besluittype);
        v.OneOf($"{name}.maxVertrouwelijkheidaanduiding", a.MaxVertrouwelijkheidaanduiding, Vertrouwelijkheid.Levels.ToArray());
        Ac003_TypeVereistVoorComponent(a, name, v);
    }

    /// <summary>
    /// ac-002: either <c>heeftAlleAutorisaties</c> with no autorisaties, or autorisaties without it.
    /// Both → <c>ambiguous-authorizations-specified</c>; neither → <c>missing-authorizations</c>.
    /// </summary>
    public static void Ac002_AlleAutorisatiesOfAutorisaties(ApplicatieRequest r, Validator v)
    {
        var heeftAlle = r.HeeftAlleAutorisaties == true;
        var heeftAutorisaties = r.Autorisaties is { Count: > 0 };
        if (heeftAlle && heeftAutorisaties)
            v.Add(InvalidParam.NonFieldErrors, "ambiguous-authorizations-specified",
                "Geef óf heeftAlleAutorisaties óf autorisaties op, niet allebei.");
        else if (!heeftAlle && !heeftAutorisaties)
            v.Add(InvalidParam.NonFieldErrors, "missing-authorizations",
                "Geef heeftAlleAutorisaties of autorisaties op.");
    }

    /// <summary>
    /// ac-003: a zrc autorisatie with zaken scopes needs <c>zaaktype</c> and <c>maxVertrouwelijkheidaanduiding</c>;
    /// drc with documenten scopes needs <c>informatieobjecttype</c> and <c>maxVertrouwelijkheidaanduiding</c>;
    /// brc with besluiten scopes needs <c>besluittype</c>. Code <c>required</c>.
    /// </summary>
    public static void Ac003_TypeVereistVoorComponent(AutorisatieRequest a, string name, Validator v)
    {
        if (a.Component is null || !TypeBound.TryGetValue(a.Component, out var rule))
            return;
        if (a.Scopes is null || !a.Scopes.Any(s => s is not null && s.StartsWith(rule.Prefix, StringComparison.Ordinal)))
            return;
        var type = a.Component switch
        {
            ZgwScopes.Zrc => a.Zaaktype,
            ZgwScopes.Drc => a.Informatieobjecttype,
            _ => a.Besluittype,
        };
        var reason = $"Dit veld is vereist als `component` {a.Component} is.";
        if (string.IsNullOrEmpty(type))
            v.Add($"{name}.{rule.TypeField}", ZgwCodes.Required, reason);
        if (rule.NeedsVertrouwelijkheid && string.IsNullOrEmpty(a.MaxVertrouwelijkheidaanduiding))
            v.Add($"{name}.maxVertrouwelijkheidaanduiding", ZgwCodes.Required, reason);
    }

    /// <summary>ac-001: a client id identifies exactly one applicatie; <c>clientId-exists</c> on <c>clientIds</c>.</summary>
    public static void Ac001_ClientIdUniek(IReadOnlyCollection<string> takenByOthers, Validator v)
    {
        if (takenByOthers.Count > 0)
            v.Add("clientIds", "clientId-exists",
                $"De client ID(s) {string.Join(", ", takenByOthers.Order())} zijn al in gebruik bij een andere applicatie.");
    }
}

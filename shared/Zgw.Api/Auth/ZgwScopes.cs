namespace Zgw.Api.Auth;

/// <summary>The component codes of the Autorisaties API and the component each scope belongs to (ZGW A10).</summary>
public static class ZgwScopes
{
    public const string Ac = "ac";
    public const string Nrc = "nrc";
    public const string Zrc = "zrc";
    public const string Ztc = "ztc";
    public const string Drc = "drc";
    public const string Brc = "brc";

    public static readonly IReadOnlyList<string> Components = [Ac, Nrc, Zrc, Ztc, Drc, Brc];

    /// <summary>
    /// The component a scope is granted for: <c>zaken.*</c> → zrc, <c>catalogi.*</c> → ztc, <c>documenten.*</c> → drc,
    /// <c>besluiten.*</c> → brc, <c>autorisaties.*</c> → ac, <c>notificaties.*</c> → nrc. <c>audittrails.lezen</c>
    /// exists in zrc, drc and brc alike and belongs to the component being called (<paramref name="calledComponent"/>).
    /// </summary>
    public static string? ComponentOf(string scope, string? calledComponent = null)
    {
        var prefix = scope.Split('.', 2)[0];
        return prefix switch
        {
            "zaken" => Zrc,
            "catalogi" => Ztc,
            "documenten" => Drc,
            "besluiten" => Brc,
            "autorisaties" => Ac,
            "notificaties" => Nrc,
            "audittrails" => calledComponent,
            _ => calledComponent,
        };
    }
}

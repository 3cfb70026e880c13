namespace Zgw.Messaging;

/// <summary>
/// The kanalen our services publish on, with the kenmerken their messages carry (specs README §5). Our own
/// Notificaties service has them from its first migration; a vendor's Notificaties gets them registered by
/// <see cref="HttpNotificatiePublisher"/> before the first message (N1).
/// </summary>
public static class Kanalen
{
    public static IReadOnlyDictionary<string, string[]> Filters { get; } = new Dictionary<string, string[]>
    {
        ["zaken"] = ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"],
        ["documenten"] = ["bronorganisatie", "informatieobjecttype", "vertrouwelijkheidaanduiding"],
        ["besluiten"] = ["verantwoordelijkeOrganisatie", "besluittype"],
        ["zaaktypen"] = ["catalogus"],
        ["informatieobjecttypen"] = ["catalogus"],
        ["besluittypen"] = ["catalogus"],
        ["autorisaties"] = [],
    };
}

using Zaken.Api;
using Zaken.Api.Resources.Audittrail;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Klantcontact;
using Zaken.Api.Resources.Resultaat;
using Zaken.Api.Resources.Rol;
using Zaken.Api.Resources.Status;
using Zaken.Api.Resources.Zaak;
using Zaken.Api.Resources.Zaakbesluit;
using Zaken.Api.Resources.Zaakcontactmoment;
using Zaken.Api.Resources.Zaakeigenschap;
using Zaken.Api.Resources.Zaakinformatieobject;
using Zaken.Api.Resources.Zaakobject;
using Zaken.Api.Resources.Zaakverzoek;
using Zgw.Service;

var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<ZakenOptions>(builder.Configuration.GetSection(ZakenOptions.Section));
builder.Services.AddZakenCommon();
builder.Services.AddZaakResource().AddStatusResource().AddResultaatResource().AddRolResource().AddZaakobjectResource()
    .AddZaakinformatieobjectResource().AddZaakeigenschapResource().AddZaakbesluitResource().AddKlantcontactResource()
    .AddZaakcontactmomentResource().AddZaakverzoekResource().AddAudittrailResource();
builder.AddZgwService(ZakenService.Component, ZakenService.Migrations);

var app = builder.Build();
app.UseZgwService();
app.MapZaakEndpoints();
app.MapStatusEndpoints();
app.MapResultaatEndpoints();
app.MapRolEndpoints();
app.MapZaakobjectEndpoints();
app.MapZaakinformatieobjectEndpoints();
app.MapZaakeigenschapEndpoints();
app.MapZaakbesluitEndpoints();
app.MapKlantcontactEndpoints();
app.MapZaakcontactmomentEndpoints();
app.MapZaakverzoekEndpoints();
app.MapAudittrailEndpoints();
return await app.RunZgwServiceAsync(args);

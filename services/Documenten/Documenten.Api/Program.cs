using Documenten.Api;
using Documenten.Api.Resources.Audittrail;
using Documenten.Api.Resources.Bestandsdeel;
using Documenten.Api.Resources.Common;
using Documenten.Api.Resources.Enkelvoudiginformatieobject;
using Documenten.Api.Resources.Gebruiksrecht;
using Documenten.Api.Resources.Objectinformatieobject;
using Documenten.Api.Resources.Verzending;
using Zgw.Service;

var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<DocumentenOptions>(builder.Configuration.GetSection(DocumentenOptions.Section));
builder.Services.AddDocumentenCommon();
builder.Services.AddEnkelvoudiginformatieobjectResource().AddAudittrailResource();
builder.Services.AddGebruiksrechtResource().AddObjectinformatieobjectResource().AddVerzendingResource();
builder.Services.AddLockResource().AddBestandsdeelResource();
builder.AddZgwService(DocumentenService.Component, DocumentenService.Migrations);

var app = builder.Build();
app.UseZgwService();
app.MapEnkelvoudiginformatieobjectEndpoints();
app.MapAudittrailEndpoints();
app.MapGebruiksrechtEndpoints();
app.MapObjectinformatieobjectEndpoints();
app.MapVerzendingEndpoints();
app.MapLockEndpoints();
app.MapBestandsdeelEndpoints();
return await app.RunZgwServiceAsync(args);

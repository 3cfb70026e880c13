using Besluiten.Api;
using Besluiten.Api.Resources.Audittrail;
using Besluiten.Api.Resources.Besluit;
using Besluiten.Api.Resources.Besluitinformatieobject;
using Besluiten.Api.Resources.Common;
using Zgw.Service;

var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<BesluitenOptions>(builder.Configuration.GetSection(BesluitenOptions.Section));
builder.Services.AddBesluitenCommon();
builder.Services.AddBesluitResource().AddBesluitinformatieobjectResource().AddAudittrailResource();
builder.AddZgwService(BesluitenService.Component, BesluitenService.Migrations);

var app = builder.Build();
app.UseZgwService();
app.MapBesluitEndpoints();
app.MapBesluitinformatieobjectEndpoints();
app.MapAudittrailEndpoints();
return await app.RunZgwServiceAsync(args);

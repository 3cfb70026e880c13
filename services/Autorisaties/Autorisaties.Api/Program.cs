using Autorisaties.Api;
using Autorisaties.Api.Admin;
using Autorisaties.Api.Internal;
using Autorisaties.Api.Resources.Applicatie;
using Zgw.Api.Auth;
using Zgw.Service;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<ApplicatieRepository>();
builder.Services.AddSingleton<CredentialRepository>();
builder.Services.AddSingleton<CredentialProtector>();
builder.Services.AddSingleton<DatabaseAutorisatieSource>();
// Bootstrap clients from configuration (service identities) first, then this service's own database.
builder.Services.AddSingleton<IAutorisatieSource>(sp => new CompositeAutorisatieSource(
    [sp.GetRequiredService<ConfigurationAutorisatieSource>(), sp.GetRequiredService<DatabaseAutorisatieSource>()]));
builder.AddZgwService(AutorisatiesService.Component, AutorisatiesService.Migrations);

var app = builder.Build();
app.UseZgwService();
app.MapApplicatieEndpoints();
app.MapCredentialAdminEndpoints();
app.MapClientMaterialEndpoints();
return await app.RunZgwServiceAsync(args, new Dictionary<string, Func<WebApplication, string[], Task<int>>>
{
    ["credentials"] = CredentialCommand.RunAsync,
});

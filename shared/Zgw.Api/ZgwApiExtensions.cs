using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.References;

namespace Zgw.Api;

public static class ZgwApiExtensions
{
    /// <summary>
    /// Registers the ZGW HTTP machinery: the global problem+json handler, JWT verification with the
    /// configured <see cref="IAutorisatieSource"/> (configuration unless one is registered already) and
    /// the URL-reference resolver with its resilient, per-host HttpClient.
    /// </summary>
    public static WebApplicationBuilder AddZgwApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddExceptionHandler<ZgwExceptionHandler>();
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ZgwJwtOptions>(builder.Configuration.GetSection("Zgw:Jwt"));
        services.Configure<UrlResolverOptions>(builder.Configuration.GetSection(UrlResolverOptions.Section));
        services.Configure<ServiceIdentityOptions>(builder.Configuration.GetSection(ServiceIdentityOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.Configure<AutorisatieCacheOptions>(builder.Configuration.GetSection(AutorisatieCacheOptions.Section));
        services.TryAddSingleton<AutorisatieCache>();
        services.TryAddSingleton<ConfigurationAutorisatieSource>();
        services.TryAddSingleton<RemoteAutorisatieSource>();
        // Clients from configuration (bootstrap: service identities) first, then the Autorisaties service when
        // it is configured. The Autorisaties service itself registers its own database-backed source first.
        // With a vendor's Autorisaties (Zgw:Autorisaties:Source=Standard) secrets come from configuration only.
        var source = builder.Configuration.GetSection(AutorisatieCacheOptions.Section).Get<AutorisatieCacheOptions>()?.Source;
        services.TryAddSingleton<StandardAutorisatieSource>();
        services.TryAddSingleton<IAutorisatieSource>(sp =>
            string.IsNullOrWhiteSpace(builder.Configuration["Zgw:Services:autorisaties:InternalUrl"])
                ? sp.GetRequiredService<ConfigurationAutorisatieSource>()
                : source == AutorisatieSourceKind.Standard
                    ? sp.GetRequiredService<StandardAutorisatieSource>()
                    : new CompositeAutorisatieSource([sp.GetRequiredService<ConfigurationAutorisatieSource>(), sp.GetRequiredService<RemoteAutorisatieSource>()]));
        services.TryAddSingleton<AutorisatiesLookup>();
        services.AddHttpClient(AutorisatiesLookup.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<SiblingCalls>();
        services.AddSingleton<UrlResolver>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        services.AddHttpClient(UrlResolver.HttpClientName)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(o => ConfigurationBinder.Bind(builder.Configuration.GetSection("Zgw:References:Resilience"), o))
            .SelectPipelineByAuthority();
#pragma warning restore EXTEXP0001
        return builder;
    }

    /// <summary>
    /// The ZGW request pipeline, in order: exception → problem+json, empty error statuses → problem+json,
    /// token verification, routing, Accept negotiation.
    /// </summary>
    public static WebApplication UseZgwApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseMiddleware<ZgwAuthenticationMiddleware>();
        app.UseRouting();
        app.UseMiddleware<ContentNegotiationMiddleware>();
        return app;
    }

    /// <summary>A route group for one ZGW API (e.g. <c>/zaken/api/v1</c>); its endpoints get Accept negotiation.</summary>
    public static RouteGroupBuilder MapZgwApi(this IEndpointRouteBuilder routes, string apiPath) =>
        routes.MapGroup(apiPath).WithMetadata(ZgwApiEndpoint.Instance);
}

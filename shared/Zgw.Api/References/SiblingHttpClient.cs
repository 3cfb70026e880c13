using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Zgw.Api.References;

/// <summary>
/// The named HttpClient of a write that calls a sibling while a user waits (the mirrors of zaak- and
/// besluitinformatieobjecten, the objectinformatieobject source check): standard resilience with short defaults
/// (2 retries after 200 ms, 5 s per attempt, 15 s in all, circuit breaking over 30 s), one pipeline per host, and the
/// settings of <c>resilienceSection</c> over those defaults.
/// </summary>
public static class SiblingHttpClient
{
    public static void Add(IServiceCollection services, string name, string resilienceSection)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        services.AddHttpClient(name)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler()
            .Configure((o, sp) =>
            {
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.Delay = TimeSpan.FromMilliseconds(200);
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(15);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
                sp.GetRequiredService<IConfiguration>().GetSection(resilienceSection).Bind(o);
            })
            .SelectPipelineByAuthority();
#pragma warning restore EXTEXP0001
    }
}

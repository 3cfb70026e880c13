using System.Net;
using Gateway.Scopes;
using Zgw.Api.Auth;
using Zgw.Testing;

namespace Gateway.Tests;

/// <summary>
/// One gateway for the whole matrix, with clients derived from the table: for every distinct scope set an operation
/// accepts, a "deny" client holding every other (component, scope) pair of the suite, and for every accepted
/// (component, scope) pair an "allow" client holding only that pair.
/// </summary>
public sealed class ScopeMatrixFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _denyClientBySet = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), string> _allowClientByGrant = [];

    public ScopeMatrixFixture()
    {
        var clients = new List<TestClient>();
        var universe = RouteScopeTable.Operations
            .SelectMany(o => o.Scopes)
            .SelectMany(s => ZgwScopes.ComponentOf(s) is { } c
                ? new[] { (c, s) }
                : new[] { ZgwScopes.Zrc, ZgwScopes.Drc, ZgwScopes.Brc }.Select(c => (c, s))) // audittrails.lezen: one per component
            .Distinct().ToList();
        foreach (var operation in RouteScopeTable.Operations)
        {
            var accepted = Accepted(operation);
            var key = SetKey(accepted);
            if (!_denyClientBySet.ContainsKey(key))
            {
                var id = $"deny-{_denyClientBySet.Count}";
                _denyClientBySet[key] = id;
                clients.Add(new TestClient(id, universe.Except(accepted).ToList()));
            }
            foreach (var grant in accepted.Where(g => !_allowClientByGrant.ContainsKey(g)))
            {
                var id = $"allow-{grant.Component}-{grant.Scope}";
                _allowClientByGrant[grant] = id;
                clients.Add(new TestClient(id, [grant]));
            }
        }
        Host = new GatewayHost(clients);
    }

    public GatewayHost Host { get; }

    /// <summary>The (component, scope) pairs that open <paramref name="operation"/>: each scope for the component it belongs to.</summary>
    public static IReadOnlyList<(string Component, string Scope)> Accepted(RouteScope operation) =>
        operation.Scopes.Select(s => (ZgwScopes.ComponentOf(s, operation.ComponentCode)!, s)).ToList();

    public string DenyClient(RouteScope operation) => _denyClientBySet[SetKey(Accepted(operation))];

    public string AllowClient((string Component, string Scope) grant) => _allowClientByGrant[grant];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private static string SetKey(IEnumerable<(string Component, string Scope)> grants) =>
        string.Join(";", grants.Select(g => $"{g.Component}:{g.Scope}").Order(StringComparer.Ordinal));
}

/// <summary>Every operation of the table: refused without one of its scopes, forwarded with each of them (ZGW A6).</summary>
public sealed class ScopeMatrixTests(ScopeMatrixFixture fixture) : IClassFixture<ScopeMatrixFixture>
{
    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in RouteScopeTable.Operations)
            data.Add(operation.Method, operation.Path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_IsRefusedWithoutItsScope_AndForwardedWithEachAcceptedScope(string method, string path)
    {
        var operation = RouteScopeTable.Operations.Single(o => o.Method == method && o.Path == path);
        var host = fixture.Host;

        var denied = await host.SendAsync(host.Client(fixture.DenyClient(operation)), method, GatewayHost.Concrete(path));
        await AssertPermissionDenied(denied, method);

        foreach (var grant in ScopeMatrixFixture.Accepted(operation))
        {
            var concrete = GatewayHost.Concrete(path);
            var allowed = await host.SendAsync(host.Client(fixture.AllowClient(grant)), method, concrete);
            Assert.True(allowed.Forwarded, $"{method} {path} with {grant.Scope} ({grant.Component}): {(int)allowed.Response.StatusCode}");
            Assert.Equal(HttpStatusCode.OK, allowed.Response.StatusCode);
            Assert.True(await host.BackendSawAsync(allowed.Id), $"backend did not log {method} {concrete}");
            var entry = host.Backend.LogEntries.Single(e => e.RequestMessage.Headers![GatewayHost.ProbeHeader].Contains(allowed.Id));
            Assert.Equal(concrete, entry.RequestMessage.Path);
            Assert.Equal(method, entry.RequestMessage.Method, ignoreCase: true);
        }
        Assert.False(await host.BackendSawAsync(denied.Id, TimeSpan.Zero), $"{method} {path} reached the backend without its scope");
    }

    private static async Task AssertPermissionDenied(Probe denied, string method)
    {
        Assert.False(denied.Forwarded);
        if (method == "HEAD")
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode); // no body on HEAD
            return;
        }
        await ProblemAssert.IsProblemAsync(denied.Response, HttpStatusCode.Forbidden, "permission_denied");
    }
}

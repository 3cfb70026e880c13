using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.ServiceDefaults;

namespace Notificaties.Api.Resources.Kanaal;

/// <summary>POST/body of <c>/kanaal</c>.</summary>
public sealed record KanaalRequest(string? Naam, string? DocumentatieLink, List<string>? Filters) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Required("naam", Naam);
        v.MaxLength("naam", Naam, 50);
        v.Url("documentatieLink", DocumentatieLink, 200);
        for (var i = 0; i < (Filters?.Count ?? 0); i++)
        {
            if (v.Required($"filters.{i}", Filters![i]))
                v.MaxLength($"filters.{i}", Filters[i], 100);
        }
    }
}

public sealed class KanaalRecord
{
    public Guid Uuid { get; init; }
    public string Naam { get; init; } = "";
    public string DocumentatieLink { get; init; } = "";
    public string[] Filters { get; init; } = [];

    public object ToDto(ZgwOptions zgw) => new
    {
        url = NotificatiesService.Url(zgw, "kanaal", Uuid),
        naam = Naam,
        documentatieLink = DocumentatieLink,
        filters = Filters,
    };
}

/// <summary><c>/kanaal</c>: list (filter <c>naam</c>, not paginated), create (unique naam), read.</summary>
public static class KanaalEndpoints
{
    private static readonly FilterSet ListFilters = new FilterSet().Add("naam", FilterKind.Text, "naam");
    private const string Columns = "uuid, naam, documentatie_link AS documentatielink, filters";

    public static WebApplication MapKanaalEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(NotificatiesService.Component.ApiPath);
        api.MapGet("/kanaal", List).RequireScopes(ZgwScopes.Nrc, NotificatiesScopes.Publiceren, NotificatiesScopes.Consumeren);
        api.MapPost("/kanaal", Create).RequireScopes(ZgwScopes.Nrc, NotificatiesScopes.Publiceren);
        api.MapGet("/kanaal/{uuid:guid}", Read).RequireScopes(ZgwScopes.Nrc, NotificatiesScopes.Publiceren, NotificatiesScopes.Consumeren);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, IOptions<ZgwOptions> zgw)
    {
        var where = ListFilters.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var rows = await c.QueryAsync<KanaalRecord>($"SELECT {Columns} FROM kanaal WHERE {where.Sql} ORDER BY naam",
            new DynamicParameters(where.Parameters));
        return Results.Ok(rows.Select(k => k.ToDto(zgw.Value)));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, IOptions<ZgwOptions> zgw)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var kanaal = await c.QuerySingleOrDefaultAsync<KanaalRecord>($"SELECT {Columns} FROM kanaal WHERE uuid = @uuid", new { uuid })
                     ?? throw ZgwException.NotFound();
        return Results.Ok(kanaal.ToDto(zgw.Value));
    }

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, IOptions<ZgwOptions> zgw)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<KanaalRequest>(ctx);
        var kanaal = new KanaalRecord
        {
            Uuid = Guid.CreateVersion7(), Naam = body.Naam!, DocumentatieLink = body.DocumentatieLink ?? "", Filters = body.Filters?.Distinct().ToArray() ?? [],
        };
        try
        {
            await using var c = await db.OpenAsync();
            await c.ExecuteAsync("INSERT INTO kanaal (uuid, naam, documentatie_link, filters) VALUES (@Uuid, @Naam, @DocumentatieLink, @Filters)", kanaal);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw ZgwException.Validation("naam", "unique", "Er bestaat al een kanaal met deze naam.");
        }
        var dto = kanaal.ToDto(zgw.Value);
        return Results.Created(NotificatiesService.Url(zgw.Value, "kanaal", kanaal.Uuid), dto);
    }

    /// <summary>The kanaal called <paramref name="naam"/>, or null.</summary>
    public static Task<KanaalRecord?> FindAsync(NpgsqlConnection c, string naam, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<KanaalRecord>($"SELECT {Columns} FROM kanaal WHERE naam = @naam", new { naam }, tx);
}

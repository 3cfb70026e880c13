using Dapper;
using Documenten.Api.Resources.Common;
using Npgsql;
using Zgw.Api.Query;

namespace Documenten.Api.Resources.Objectinformatieobject;

/// <summary>SQL of <c>objectinformatieobject</c> (joined with its document as <c>d</c>). Writes take the caller's connection and transaction.</summary>
public static class ObjectinformatieobjectRepository
{
    private const string Columns = "o.id, o.uuid, o.document_id, d.uuid AS document_uuid, o.object, o.object_type";
    private const string From = "objectinformatieobject o JOIN enkelvoudiginformatieobject d ON d.id = o.document_id";

    /// <summary>The list filters (OAS <c>objectinformatieobject_list</c>); <c>informatieobject</c> is applied by <see cref="InformatieobjectVerwijzing.AddFilter"/>.</summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("object", FilterKind.Url, "o.object")
        .Allow(InformatieobjectVerwijzing.Parameter);

    public static async Task<IReadOnlyList<ObjectinformatieobjectRow>> ListAsync(NpgsqlConnection c, SqlWhere where, CancellationToken ct) =>
        (await c.QueryAsync<ObjectinformatieobjectRow>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE {where.Sql} ORDER BY o.id", new DynamicParameters(where.Parameters), cancellationToken: ct))).ToList();

    public static Task<ObjectinformatieobjectRow?> FindAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<ObjectinformatieobjectRow>(
            $"SELECT {Columns} FROM {From} WHERE o.uuid = @uuid {(forUpdate ? "FOR UPDATE OF o" : "")}", new { uuid }, tx);

    public static Task<bool> ExistsAsync(NpgsqlConnection c, NpgsqlTransaction? tx, long documentId, string @object) =>
        c.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM objectinformatieobject WHERE document_id = @documentId AND object = @object)",
            new { documentId, @object }, tx);

    public static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid, long documentId, string @object, string objectType) =>
        c.ExecuteAsync("""
            INSERT INTO objectinformatieobject (uuid, document_id, object, object_type) VALUES (@uuid, @documentId, @object, @objectType)
            """, new { uuid, documentId, @object, objectType }, tx);

    public static Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.ExecuteAsync("DELETE FROM objectinformatieobject WHERE id = @id", new { id }, tx);
}

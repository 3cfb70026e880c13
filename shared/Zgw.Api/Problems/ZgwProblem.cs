using System.Text.Json.Serialization;

namespace Zgw.Api.Problems;

/// <summary>
/// The ZGW error body (<c>Fout</c>, and <c>ValidatieFout</c> when <see cref="InvalidParams"/> is set),
/// served as <c>application/problem+json</c>.
/// </summary>
public sealed record ZgwProblem(
    string Type,
    string Code,
    string Title,
    int Status,
    string Detail,
    string Instance)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InvalidParam>? InvalidParams { get; init; }
}

/// <summary>One entry of <c>invalidParams</c>: a camelCase field path, a ZGW code and a reason.</summary>
public sealed record InvalidParam(string Name, string Code, string Reason)
{
    /// <summary>Name used for errors that concern the object as a whole.</summary>
    public const string NonFieldErrors = "nonFieldErrors";
}

using Xunit;

namespace Zgw.Testing;

/// <summary>The official OAS files: <c>&lt;repo&gt;/../shared/specs</c>, where the repo root is the folder holding OpenZaak.sln.</summary>
public static class SpecsFolder
{
    public static string? RepoRoot { get; } = FindRepoRoot();

    public static string Expected => RepoRoot is null
        ? "../shared/specs next to the repository (OpenZaak.sln not found above the test binaries)"
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "specs"));

    /// <summary>The folder, or null when it is not there.</summary>
    public static string? Location => RepoRoot is not null && Directory.Exists(Expected) ? Expected : null;

    private static string? FindRepoRoot()
    {
        try
        {
            return TestInfrastructure.RepositoryRoot();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>A fact that needs the official OAS files; it is skipped, with the reason, where they are absent.</summary>
public sealed class SpecsFactAttribute : FactAttribute
{
    public SpecsFactAttribute()
    {
        if (SpecsFolder.Location is null)
            Skip = $"The official OAS files are not available ({SpecsFolder.Expected}); this check runs where ../shared/specs exists, as in CI.";
    }
}

using System.Text.RegularExpressions;
using Zgw.Testing;

namespace Shared.Tests;

/// <summary>ARCHITECTURE §1: a service references shared/* only, never another service.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void ServiceProjects_ReferenceOnlySharedLibrariesAndTheirOwnFolder()
    {
        var root = TestInfrastructure.RepositoryRoot();
        var servicesDir = Path.Combine(root, "services");
        var projects = Directory.Exists(servicesDir) ? Directory.GetFiles(servicesDir, "*.csproj", SearchOption.AllDirectories) : [];
        var violations = new List<string>();
        foreach (var project in projects)
        {
            var service = Path.GetRelativePath(servicesDir, project).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match m in Regex.Matches(File.ReadAllText(project), "ProjectReference Include=\"([^\"]+)\""))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, m.Groups[1].Value.Replace('\\', '/')));
                var relative = Path.GetRelativePath(root, target).Replace('\\', '/');
                if (!relative.StartsWith("shared/") && !relative.StartsWith($"services/{service}/"))
                    violations.Add($"{Path.GetRelativePath(root, project)} -> {relative}");
            }
        }
        Assert.Empty(violations);
    }

    [Fact]
    public void MassTransit_IsPinnedToTheApacheLicensedLine()
    {
        var props = File.ReadAllText(Path.Combine(TestInfrastructure.RepositoryRoot(), "Directory.Packages.props"));
        Assert.Matches("Include=\"MassTransit\" Version=\"8\\.5\\.\\d+\"", props);
        Assert.Matches("Include=\"MassTransit.RabbitMQ\" Version=\"8\\.5\\.\\d+\"", props);
    }
}

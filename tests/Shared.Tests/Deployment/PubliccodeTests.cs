using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using Zgw.Testing;

namespace Shared.Tests.Deployment;

/// <summary>
/// publiccode.yml (standard 0.4) at the root: the keys the standard requires, its length limits, the licence of the
/// LICENSE file, and API versions that agree with the README.
/// </summary>
public sealed class PubliccodeTests
{
    private static readonly string Root = TestInfrastructure.RepositoryRoot();

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "publiccode.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[new YamlScalarNode(key)];

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList();

    [Fact]
    public void HasTheRequiredKeysWithValidValues()
    {
        var root = Load();
        Assert.Equal("0.4", Scalar(root, "publiccodeYmlVersion"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(root, "name")));
        Assert.Matches("^https://", Scalar(root, "url"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Scalar(root, "releaseDate"));
        Assert.Equal(["web"], Sequence(root, "platforms"));
        Assert.NotEmpty(Sequence(root, "categories"));
        Assert.Contains(Scalar(root, "developmentStatus"), new[] { "concept", "development", "beta", "stable", "obsolete" });
        Assert.Equal("standalone/backend", Scalar(root, "softwareType"));
        Assert.Contains(Scalar(Mapping(root, "maintenance"), "type"), new[] { "internal", "contract", "community", "none" });
        Assert.NotEmpty(((YamlSequenceNode)Mapping(root, "maintenance")[new YamlScalarNode("contacts")]).Children);
        Assert.NotNull(Scalar(Mapping(root, "localisation"), "localisationReady"));
        Assert.NotEmpty(Sequence(Mapping(root, "localisation"), "availableLanguages"));
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void Description_KeepsTheLengthLimits(string language)
    {
        var description = Mapping(Mapping(Load(), "description"), language);
        Assert.InRange(Scalar(description, "shortDescription")!.Trim().Length, 1, 150);
        Assert.InRange(Scalar(description, "longDescription")!.Trim().Length, 150, 10000);
        var features = Sequence(description, "features");
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.InRange(f.Length, 1, 100));
    }

    [Fact]
    public void Licence_IsTheOneOfTheLicenseFile()
    {
        Assert.Equal("EUPL-1.2", Scalar(Mapping(Load(), "legal"), "license"));
        Assert.Contains("EUROPEAN UNION PUBLIC LICENCE v. 1.2", File.ReadAllText(Path.Combine(Root, "LICENSE")));
    }

    [Fact]
    public void DependsOn_PostgreSqlPostGisRabbitMqAndDotnet()
    {
        var open = ((YamlSequenceNode)Mapping(Load(), "dependsOn")[new YamlScalarNode("open")]).Children.Cast<YamlMappingNode>()
            .ToDictionary(d => Scalar(d, "name")!, d => Scalar(d, "versionMin"));
        Assert.Equal("15", open["PostgreSQL"]);
        Assert.True(open.ContainsKey("PostGIS"));
        Assert.StartsWith("3.", open["RabbitMQ"]);
        Assert.StartsWith("10.", open.Single(d => d.Key.StartsWith(".NET")).Value);
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void ApiVersions_AgreeWithTheReadme(string language)
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var served = Regex.Matches(readme, @"^\| (\w+) \| [A-Z]+ \| (\d+\.\d+\.\d+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(6, served.Count);
        var text = string.Join("\n", Sequence(Mapping(Mapping(Load(), "description"), language), "features"))
                   + Scalar(Mapping(Mapping(Load(), "description"), language), "longDescription");
        foreach (Match m in Regex.Matches(text, @"(\w+) API (\d+\.\d+\.\d+)"))
            Assert.True(served.TryGetValue(m.Groups[1].Value, out var version) && version == m.Groups[2].Value,
                $"publiccode.yml names {m.Value}; the README serves {m.Groups[1].Value} {version ?? "not at all"}");
        foreach (var component in served.Keys)
            Assert.Contains($"{component} API {served[component]}", text);
    }
}

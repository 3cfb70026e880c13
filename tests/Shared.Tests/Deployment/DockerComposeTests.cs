using System.Text.RegularExpressions;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;
using Zgw.ServiceDefaults;
using Zgw.Testing;

namespace Shared.Tests.Deployment;

/// <summary>
/// deploy/docker (issue 10): there is no Docker engine on our machines, so these tests check what can be checked without
/// one — that every component has its own Dockerfile, which copies exactly the project files its restore needs and
/// publishes that component's project; that everything compose.yaml names exists: the Dockerfiles it builds, the
/// settings it passes (each one the suite reads and documents), the services behind the internal addresses, the
/// identities, the secrets make-env.sh makes; and that every component has a service and a migration.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string Root = TestInfrastructure.RepositoryRoot();
    private static readonly string DockerDir = Path.Combine(Root, "deploy", "docker");
    private static readonly Lazy<Compose> LazyCompose = new(() => Compose.Load(Path.Combine(DockerDir, "compose.yaml")));
    private static Compose ComposeFile => LazyCompose.Value;

    /// <summary>Every component with an image: the gateway and the six services.</summary>
    private static readonly string[] Components = ["gateway", .. ZgwComponent.All.Select(c => c.Key)];

    /// <summary>The files at the repository root that every restore reads, as far as they exist.</summary>
    private static readonly string[] RestoreSettings = Directory.GetFiles(Root).Select(f => Path.GetFileName(f))
        .Where(f => f is "Directory.Build.props" or "Directory.Build.targets" or "Directory.Packages.props" or "global.json"
            || string.Equals(f, "NuGet.config", StringComparison.OrdinalIgnoreCase))
        .ToArray();

    /// <summary>Settings of ASP.NET Core and the .NET host itself (not in the README table).</summary>
    private static readonly Regex FrameworkSetting = new("^(ASPNETCORE_(ENVIRONMENT|HTTP_PORTS|URLS)|DOTNET_[A-Za-z0-9_]+)$");

    [Fact]
    public void EveryBuild_UsesItsComponentsOwnDockerfile_WithTheRepositoryRootAsContext()
    {
        var problems = new List<string>();
        Assert.NotEmpty(ComposeFile.Builds);
        foreach (var (name, build) in ComposeFile.Builds)
        {
            var context = Path.GetFullPath(Path.Combine(DockerDir, build.Context));
            if (context.TrimEnd('/') != Root.TrimEnd('/'))
                problems.Add($"{name}: build context {build.Context} is not the repository root");
            var expected = DockerfileOf(name.Replace("-migrate", ""));
            if (build.DockerfilePath != expected)
                problems.Add($"{name}: builds {build.DockerfilePath}, expected its component's own {expected}");
        }
        AssertNoProblems(problems);
    }

    [Fact]
    public void EveryComponent_HasOneDockerfile_ThatRestoresItsProjectClosureFirst_AndPublishesItsProject()
    {
        var dockerfiles = Directory.EnumerateFiles(DockerDir, "Dockerfile", SearchOption.AllDirectories).Select(Relative).Order();
        Assert.Equal(Components.Select(DockerfileOf).Order(), dockerfiles);
        var problems = new List<string>();
        foreach (var key in Components)
        {
            var dockerfile = Dockerfile.Load(DockerfileOf(key));
            var project = ProjectOf(key);
            var closure = ProjectClosure(project);
            var restore = dockerfile.IndexOfDotnet("restore", project);
            var publish = dockerfile.IndexOfDotnet("publish", project);
            if (restore < 0 || publish < restore || !dockerfile.Instructions[publish].Arguments.Contains("--no-restore"))
            {
                problems.Add($"{dockerfile.Name}: does not `dotnet restore {project}`, then `dotnet publish {project} --no-restore`");
                continue;
            }
            // Restore's layer: the root build settings and the project files of the closure, nothing else.
            var beforeRestore = dockerfile.ContextCopies.Where(c => c.Index < restore).Select(c => c.Source).ToHashSet();
            foreach (var missing in closure.Except(beforeRestore))
                problems.Add($"{dockerfile.Name}: does not copy {missing} before `dotnet restore` (it is in the ProjectReference closure of {project})");
            foreach (var extra in beforeRestore.Where(s => s.EndsWith(".csproj")).Except(closure))
                problems.Add($"{dockerfile.Name}: copies {extra} before `dotnet restore`, which is not in the ProjectReference closure of {project}");
            foreach (var setting in RestoreSettings.Where(s => !beforeRestore.Contains(s)))
                problems.Add($"{dockerfile.Name}: does not copy {setting} before `dotnet restore`");
            // Then the sources: the folders of the same projects.
            var folders = closure.Select(p => p[..(p.LastIndexOf('/') + 1)]).ToHashSet();
            var sources = dockerfile.ContextCopies.Where(c => c.Index > restore && c.Index < publish && c.Source.EndsWith('/')).Select(c => c.Source).ToHashSet();
            foreach (var missing in folders.Except(sources))
                problems.Add($"{dockerfile.Name}: does not copy the folder {missing} between restore and publish (a project of the closure)");
            foreach (var extra in sources.Except(folders))
                problems.Add($"{dockerfile.Name}: copies the folder {extra} between restore and publish, which holds no project of the closure");
        }
        // The source folders are copied over restore's obj/: the host's bin/ and obj/ (with host paths) must stay out.
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore"));
        if (!ignored.Contains("**/bin/") || !ignored.Contains("**/obj/"))
            problems.Add(".dockerignore does not keep **/bin/ and **/obj/ out of the build context");
        AssertNoProblems(problems);
    }

    [Fact]
    public void EveryServiceProjectAndEveryComponent_HasAServiceAndAMigration_AndTheGatewayIsPublished()
    {
        var problems = new List<string>();
        var projects = Directory.GetFiles(Path.Combine(Root, "services"), "*.Api.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(p => Path.GetRelativePath(Root, Path.GetDirectoryName(p)!).Replace('\\', '/'))
            .ToList();
        Assert.NotEmpty(projects);
        var expected = projects.ToDictionary(p => p.Split('/')[1].ToLowerInvariant());
        foreach (var component in ZgwComponent.All)
            expected.TryAdd(component.Key, Path.GetDirectoryName(ProjectOf(component.Key))!);

        foreach (var (key, project) in expected)
        {
            var service = ComposeFile.Service(key);
            var migrate = ComposeFile.Service(key + "-migrate");
            if (service is null || ComposeFile.Builds.GetValueOrDefault(key)?.Project != project || service.Command.Count != 0)
                problems.Add($"no service '{key}' that builds {project} and runs it");
            if (migrate is null || ComposeFile.Builds.GetValueOrDefault(key + "-migrate")?.Project != project
                || !migrate.Command.SequenceEqual(["migrate"]) || migrate.Scalar("restart") != "no")
                problems.Add($"no one-shot service '{key}-migrate' that builds {project} and runs `migrate`");
            if (service?.DependsOn.GetValueOrDefault(key + "-migrate") != "service_completed_successfully")
                problems.Add($"'{key}' does not wait for '{key}-migrate' to complete successfully");
        }

        var gateway = ComposeFile.Service("gateway");
        if (gateway is null || ComposeFile.Builds.GetValueOrDefault("gateway")?.Project != "gateway/Gateway")
            problems.Add("no service 'gateway' that builds gateway/Gateway");
        else if (!gateway.Ports.Any(p => Regex.IsMatch(p, @"^\$\{OPENZAAK_GATEWAY_PORT:-8000\}:8080$")))
            problems.Add("the gateway is not published on port 8000 (OPENZAAK_GATEWAY_PORT)");
        foreach (var (name, service) in ComposeFile.Services.Where(s => s.Key != "gateway"))
            if (service.Ports.Count > 0)
                problems.Add($"{name} publishes a port; only the gateway should");
        AssertNoProblems(problems);
    }

    [Fact]
    public void EverySetting_IsOneTheSuiteReadsAndDocuments()
    {
        var documented = ReadmeConfigurationKeys();
        Assert.Contains("Zgw:PublicBaseUrl", documented);
        var words = SourceWords();
        var problems = new List<string>();
        foreach (var (name, service) in ComposeFile.DotnetServices)
            foreach (var variable in service.Environment.Keys)
            {
                if (FrameworkSetting.IsMatch(variable))
                    continue;
                var key = variable.Replace("__", ":");
                if (!documented.Any(d => Documents(d, key)))
                    problems.Add($"{name}: {variable} is not in the README's Configuration table");
                if (key.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
                {
                    if (!words.Contains($"GetConnectionString(\"{key["ConnectionStrings:".Length..]}\")"))
                        problems.Add($"{name}: no code reads connection string {key}");
                    continue;
                }
                foreach (var segment in key.Split(':').Where(s => !s.All(char.IsAsciiDigit)))
                    if (!words.Contains(segment))
                        problems.Add($"{name}: {variable}: '{segment}' occurs nowhere in the code of services/, shared/ or gateway/");
            }
        AssertNoProblems(problems);
    }

    [Fact]
    public void InternalAddressesAndConnectionStrings_NameServicesOfThisFile()
    {
        var problems = new List<string>();
        foreach (var (name, service) in ComposeFile.DotnetServices)
            foreach (var (variable, value) in service.Environment)
            {
                var internalUrl = Regex.Match(variable, "^Zgw__Services__([a-z]+)__InternalUrl$");
                if (internalUrl.Success)
                {
                    var component = internalUrl.Groups[1].Value;
                    if (ZgwComponent.FindByKey(component) is null)
                        problems.Add($"{name}: {variable}: '{component}' is not a ZGW component");
                    var uri = new Uri(value);
                    if (uri.Host != component || uri.Port != 8080 || ComposeFile.Service(uri.Host) is null)
                        problems.Add($"{name}: {variable}={value} is not http://{component}:8080 of a service in this file");
                }
                if (variable == "ConnectionStrings__Database")
                {
                    var host = Regex.Match(value, "(?:^|;)Host=([^;]+)").Groups[1].Value;
                    if (ComposeFile.Service(host)?.Scalar("image")?.StartsWith("postgis/postgis:") != true)
                        problems.Add($"{name}: database host '{host}' is not the PostGIS service of this file");
                }
                if (variable == "ConnectionStrings__RabbitMq")
                {
                    var host = new Uri(Regex.Replace(value, @"\$\{[^}]*\}", "secret")).Host;
                    if (ComposeFile.Service(host)?.Scalar("image")?.StartsWith("rabbitmq:") != true)
                        problems.Add($"{name}: RabbitMQ host '{host}' is not the RabbitMQ service of this file");
                }
            }
        AssertNoProblems(problems);
    }

    [Fact]
    public void EveryProcess_HasItsOwnIdentity_KnownToAutorisatiesWithTheSameSecret()
    {
        var autorisaties = ComposeFile.Service("autorisaties");
        Assert.NotNull(autorisaties);
        var clients = autorisaties.Environment
            .Select(e => Regex.Match(e.Key, @"^Zgw__Clients__(\d+)__(ClientId|Secret)$"))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => autorisaties.Environment[$"Zgw__Clients__{g.Key}__ClientId"],
                g => autorisaties.Environment.GetValueOrDefault($"Zgw__Clients__{g.Key}__Secret"));
        var problems = new List<string>();
        foreach (var (name, service) in ComposeFile.DotnetServices.Where(s => !s.Key.EndsWith("-migrate")))
        {
            var id = service.Environment.GetValueOrDefault("Zgw__ServiceIdentity__ClientId");
            var secret = service.Environment.GetValueOrDefault("Zgw__ServiceIdentity__Secret");
            if (id != $"openzaak-{name}")
                problems.Add($"{name}: Zgw__ServiceIdentity__ClientId is {id ?? "not set"}, expected openzaak-{name}");
            else if (!clients.TryGetValue(id, out var known) || known != secret)
                problems.Add($"{name}: identity {id} is not among Autorisaties' Zgw:Clients with the same secret");
        }
        AssertNoProblems(problems);
    }

    [Fact]
    public void EveryDotnetContainer_RunsReadOnlyWithATmpfsAndWithoutCapabilities()
    {
        var problems = new List<string>();
        foreach (var (name, service) in ComposeFile.DotnetServices)
        {
            if (service.Scalar("read_only") != "true")
                problems.Add($"{name}: not read_only");
            if (!service.Sequence("tmpfs").Contains("/tmp"))
                problems.Add($"{name}: no tmpfs on /tmp");
            if (!service.Sequence("cap_drop").Contains("ALL"))
                problems.Add($"{name}: capabilities not dropped");
        }
        var documenten = ComposeFile.Service("documenten");
        Assert.NotNull(documenten);
        var storage = documenten.Environment.GetValueOrDefault("Documenten__Storage__Path");
        var volume = documenten.Sequence("volumes").FirstOrDefault(v => v.EndsWith(":" + storage));
        if (storage is null || volume is null || !ComposeFile.Volumes.Contains(volume.Split(':')[0]))
            problems.Add("the Documenten content store (Documenten__Storage__Path) is not on a named volume");
        AssertNoProblems(problems);
    }

    [Fact]
    public void EveryVariable_IsMadeByMakeEnvOrHasADefault()
    {
        var made = Regex.Matches(RunMakeEnv(), @"^([A-Z0-9_]+)=", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("POSTGRES_PASSWORD", made);
        var text = File.ReadAllText(Path.Combine(DockerDir, "compose.yaml"));
        var missing = Regex.Matches(text, @"\$\{([A-Za-z0-9_]+)(:?[-?])?[^}]*\}")
            .Where(m => m.Groups[2].Value is not (":-" or "-") && !made.Contains(m.Groups[1].Value))
            .Select(m => m.Value).Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void ImagesAndBaseImages_ArePinned_AndEveryImageRunsAsNonRootWithAHealthCheck()
    {
        var problems = new List<string>();
        var baseImages = Dockerfile.Load(DockerfileOf("gateway"));
        foreach (var dockerfile in Components.Select(k => Dockerfile.Load(DockerfileOf(k))))
        {
            foreach (var arg in new[] { "SDK_IMAGE", "RUNTIME_IMAGE" })
            {
                var value = dockerfile.Arg(arg) ?? "";
                if (!Regex.IsMatch(value, @"^mcr\.microsoft\.com/dotnet/(sdk|aspnet):10\.0\.\d+(-[a-z]+)?(@sha256:[0-9a-f]{64})?$"))
                    problems.Add($"{dockerfile.Name}: {arg} '{value}' is not an exact 10.0.x patch version of the official image");
                if (value != baseImages.Arg(arg))
                    problems.Add($"{dockerfile.Name}: {arg} '{value}' differs from {baseImages.Name} ('{baseImages.Arg(arg)}')");
            }
            foreach (var from in dockerfile.All("FROM").Select(f => f.Split(' ')[0]))
                if (from is not ("${SDK_IMAGE}" or "${RUNTIME_IMAGE}"))
                    problems.Add($"{dockerfile.Name}: FROM {from}: not one of the pinned base images");
            if (dockerfile.All("USER").LastOrDefault() is not ("1654" or "1654:1654"))
                problems.Add($"{dockerfile.Name}: the image does not run as the aspnet image's non-root `app` user (USER 1654:1654)");
            if (!dockerfile.All("HEALTHCHECK").Any(h => h.Contains("/health/ready")))
                problems.Add($"{dockerfile.Name}: no HEALTHCHECK on /health/ready");
            if (!dockerfile.All("ENTRYPOINT").SequenceEqual(["[\"/app/service\"]"]))
                problems.Add($"{dockerfile.Name}: the ENTRYPOINT is not [\"/app/service\"] (the Helm chart and compose pass verbs to it)");
        }
        foreach (var (name, service) in ComposeFile.Services.Where(s => !ComposeFile.Builds.ContainsKey(s.Key)))
        {
            var image = service.Scalar("image") ?? "";
            if (!Regex.IsMatch(image, @"^[a-z0-9./-]+:\d[\w.-]*(@sha256:[0-9a-f]{64})?$"))
                problems.Add($"{name}: image '{image}' is not pinned to a version");
            if (service.Mapping("healthcheck") is null)
                problems.Add($"{name}: no healthcheck");
        }
        AssertNoProblems(problems);
    }

    [Fact]
    public void OnlyTheDocumentenImage_MakesTheContentStoreOnData_AndPointsDocumentenStoragePathThere()
    {
        var problems = new List<string>();
        foreach (var key in Components.Where(k => k != "documenten"))
        {
            var dockerfile = Dockerfile.Load(DockerfileOf(key));
            if (dockerfile.Instructions.Any(i => i.Arguments.Contains("/data")))
                problems.Add($"{dockerfile.Name}: names /data, the content store of Documenten only");
        }
        var documenten = Dockerfile.Load(DockerfileOf("documenten"));
        if (!documenten.All("RUN").Any(r => Regex.IsMatch(r, @"mkdir (-p )?/data\b.*chown 1654:1654 /data\b")))
            problems.Add($"{documenten.Name}: does not make /data owned by the `app` user (1654)");
        if (!documenten.All("VOLUME").SequenceEqual(["[\"/data\"]"]))
            problems.Add($"{documenten.Name}: does not declare the volume /data");
        if (documenten.Env.GetValueOrDefault("Documenten__Storage__Path") != "/data")
            problems.Add($"{documenten.Name}: Documenten__Storage__Path (Documenten:Storage:Path) is not /data");
        AssertNoProblems(problems);
    }

    [Theory]
    [InlineData("Zgw:Services:{component}:InternalUrl", "Zgw:Services:zaken:InternalUrl", true)]
    [InlineData("Zgw:Clients", "Zgw:Clients:3:Autorisaties:0:Scopes:1", true)]
    [InlineData("Zgw:References:AllowedHosts", "Zgw:References:AllowedHosts:0", true)]
    [InlineData("Zgw:References:Resilience:*", "Zgw:References:Resilience:Retry:MaxRetryAttempts", true)]
    [InlineData("Zgw:PublicBaseUrl", "Zgw:PublicBaseUrls", false)]
    [InlineData("Zgw:Clients", "Zgw:ClientsX:0", false)]
    [InlineData("Zgw:Clients", "Zgw:Clients:Foo", false)]
    public void ReadmeKeys_MatchTheSettingsTheyDocument(string documented, string key, bool matches) =>
        Assert.Equal(matches, Documents(documented, key));

    /// <summary>Fails with every problem in full (Assert.Empty would cut each one short).</summary>
    private static void AssertNoProblems(List<string> problems) =>
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

    // --- the components' projects and Dockerfiles ---------------------------------------------------------------------

    private static string DockerfileOf(string component) => $"deploy/docker/{component}/Dockerfile";

    /// <summary>The project of a component: gateway/Gateway/Gateway.csproj, services/Zaken/Zaken.Api/Zaken.Api.csproj.</summary>
    private static string ProjectOf(string component)
    {
        if (component == "gateway")
            return "gateway/Gateway/Gateway.csproj";
        var name = char.ToUpperInvariant(component[0]) + component[1..];
        return $"services/{name}/{name}.Api/{name}.Api.csproj";
    }

    /// <summary>A project and every project it references, directly or not (repository-relative paths).</summary>
    private static SortedSet<string> ProjectClosure(string project)
    {
        var closure = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!closure.Add(current))
                continue;
            var folder = Path.GetDirectoryName(Path.Combine(Root, current))!;
            foreach (var reference in XDocument.Load(Path.Combine(Root, current)).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
                pending.Push(Relative(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
        }
        return closure;
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, Path.GetFullPath(path)).Replace('\\', '/');

    // --- the README's Configuration table ---------------------------------------------------------------------------

    /// <summary>
    /// The keys in the first column of the README's Configuration table. A cell may hold several: `A:B:C` / `D` is A:B:C
    /// and A:B:D; `A:B:C`, `:D` is A:B:C and A:B:D.
    /// </summary>
    private static List<string> ReadmeConfigurationKeys()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var section = Regex.Match(readme, @"^## Configuration\s*$(.*?)(^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline).Groups[1].Value;
        var keys = new List<string>();
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `")))
        {
            var cell = line.Split('|')[1];
            string? first = null;
            foreach (var token in Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value))
            {
                var parent = first is not null && first.Contains(':') ? first[..first.LastIndexOf(':')] : null;
                var key = token.StartsWith(':') && parent is not null ? parent + token
                    : !token.Contains(':') && parent is not null ? parent + ":" + token
                    : token;
                keys.Add(key);
                first ??= key;
            }
        }
        return keys;
    }

    /// <summary>
    /// Whether a documented key covers a setting: the same key (case-insensitive, as ASP.NET configuration), with
    /// <c>{component}</c> standing for one segment, <c>*</c> for any rest, and an element of a documented array
    /// (<c>Key:0</c>, <c>Key:0:Sub</c>) for an array key.
    /// </summary>
    private static bool Documents(string documented, string key)
    {
        var pattern = Regex.Escape(documented).Replace(@"\{component}", "[^:]+").Replace(@":\*", "(:.+)?");
        return Regex.IsMatch(key, $"^{pattern}(:[0-9]+(:.+)?)?$", RegexOptions.IgnoreCase);
    }

    /// <summary>Every identifier, string-literal word and <c>GetConnectionString("…")</c> call in the suite's C# code.</summary>
    private static HashSet<string> SourceWords()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dir in new[] { "services", "shared", "gateway" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, dir), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                    continue;
                var text = File.ReadAllText(file);
                foreach (Match m in Regex.Matches(text, "[A-Za-z_][A-Za-z0-9_]*"))
                    words.Add(m.Value);
                foreach (Match m in Regex.Matches(text, "GetConnectionString\\(\"[A-Za-z]+\"\\)"))
                    words.Add(m.Value);
            }
        return words;
    }

    private static string RunMakeEnv()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(DockerDir, "make-env.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "make-env.sh failed: " + process.StandardError.ReadToEnd());
        return text;
    }

    // --- a small reading of compose.yaml ------------------------------------------------------------------------------

    /// <summary>A build of compose.yaml: its context, its Dockerfile (repository-relative) and the project folder that Dockerfile publishes.</summary>
    private sealed record Build(string Context, string DockerfilePath, string? Project);

    private sealed class Service(Dictionary<string, YamlNode> fields)
    {
        public string? Scalar(string name) => fields.GetValueOrDefault(name) is YamlScalarNode s ? s.Value : null;

        public Dictionary<string, YamlNode>? Mapping(string name) =>
            fields.GetValueOrDefault(name) is YamlMappingNode m ? Compose.Flatten(m) : null;

        public List<string> Sequence(string name) =>
            fields.GetValueOrDefault(name) is YamlSequenceNode s ? s.Children.OfType<YamlScalarNode>().Select(c => c.Value ?? "").ToList() : [];

        public List<string> Command => Sequence("command");

        public List<string> Ports => Sequence("ports");

        public Dictionary<string, string> Environment =>
            Mapping("environment")?.ToDictionary(e => e.Key, e => (e.Value as YamlScalarNode)?.Value ?? "") ?? [];

        public Dictionary<string, string> DependsOn =>
            Mapping("depends_on")?.ToDictionary(e => e.Key, e => e.Value is YamlMappingNode m ? Compose.Flatten(m).GetValueOrDefault("condition") is YamlScalarNode c ? c.Value ?? "" : "" : "") ?? [];
    }

    private sealed class Compose
    {
        public required Dictionary<string, Service> Services { get; init; }
        public required Dictionary<string, Build> Builds { get; init; }
        public required HashSet<string> Volumes { get; init; }

        /// <summary>The services built from a Dockerfile (services, their migrations, the gateway).</summary>
        public IEnumerable<KeyValuePair<string, Service>> DotnetServices => Services.Where(s => Builds.ContainsKey(s.Key));

        public Service? Service(string name) => Services.GetValueOrDefault(name);

        public static Compose Load(string path)
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
                stream.Load(reader);
            var root = Flatten((YamlMappingNode)stream.Documents[0].RootNode);
            var services = Flatten((YamlMappingNode)root["services"]).ToDictionary(s => s.Key, s => new Service(Flatten((YamlMappingNode)s.Value)));
            var builds = new Dictionary<string, Build>();
            foreach (var (name, service) in services)
                if (service.Mapping("build") is { } build)
                {
                    var context = (build.GetValueOrDefault("context") as YamlScalarNode)?.Value ?? ".";
                    var dockerfile = Relative(Path.Combine(Path.GetDirectoryName(path)!, context, (build.GetValueOrDefault("dockerfile") as YamlScalarNode)?.Value ?? "Dockerfile"));
                    var project = File.Exists(Path.Combine(Root, dockerfile)) ? Dockerfile.Load(dockerfile).PublishedProject : null;
                    builds[name] = new Build(context, dockerfile, project is null ? null : Path.GetDirectoryName(project));
                }
            var volumes = root.GetValueOrDefault("volumes") is YamlMappingNode v ? Flatten(v).Keys.ToHashSet() : [];
            return new Compose { Services = services, Builds = builds, Volumes = volumes };
        }

        /// <summary>A mapping with its YAML merge keys (<c>&lt;&lt;: *anchor</c>, <c>&lt;&lt;: [*a, *b]</c>) applied.</summary>
        public static Dictionary<string, YamlNode> Flatten(YamlMappingNode mapping)
        {
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping.Children)
                if (key is YamlScalarNode { Value: not "<<" } k)
                    result[k.Value!] = value;
            if (mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "<<" }).Value is { } merge)
            {
                var sources = merge is YamlSequenceNode list ? list.Children.OfType<YamlMappingNode>() : [(YamlMappingNode)merge];
                foreach (var source in sources)
                    foreach (var (key, value) in Flatten(source))
                        result.TryAdd(key, value); // explicit keys win, then the earlier merged mapping
            }
            return result;
        }
    }

    // --- a small reading of a Dockerfile --------------------------------------------------------------------------------

    private sealed record Instruction(string Keyword, string Arguments);

    /// <summary>The instructions of a Dockerfile: comments dropped, continuation lines joined.</summary>
    private sealed class Dockerfile(string name, List<Instruction> instructions)
    {
        /// <summary>The repository-relative path.</summary>
        public string Name => name;

        public List<Instruction> Instructions => instructions;

        public static Dockerfile Load(string name)
        {
            var instructions = new List<Instruction>();
            var current = "";
            foreach (var line in File.ReadLines(Path.Combine(Root, name)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                current += line.EndsWith('\\') ? line[..^1] + " " : line;
                if (line.EndsWith('\\'))
                    continue;
                var parts = current.Split(' ', 2);
                instructions.Add(new Instruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""));
                current = "";
            }
            return new Dockerfile(name, instructions);
        }

        /// <summary>The arguments of every instruction of a kind (FROM, USER, ...).</summary>
        public IEnumerable<string> All(string keyword) => instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

        public string? Arg(string arg) => All("ARG").Select(a => a.Split('=', 2)).FirstOrDefault(a => a[0] == arg) is [_, var value] ? value : null;

        /// <summary>The environment of the image: the ENV of the last stage.</summary>
        public Dictionary<string, string> Env => instructions.Skip(instructions.FindLastIndex(i => i.Keyword == "FROM"))
            .Where(i => i.Keyword == "ENV").SelectMany(e => Regex.Matches(e.Arguments, @"(\S+)=(\S+)"))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        /// <summary>Every source of a COPY from the build context (not from another stage), with the COPY's position.</summary>
        public IEnumerable<(int Index, string Source)> ContextCopies => instructions
            .Select((instruction, index) => (instruction, index))
            .Where(c => c.instruction.Keyword == "COPY")
            .Select(c => (c.index, Words: c.instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(c => !c.Words.Any(w => w.StartsWith("--from=")))
            .SelectMany(c => c.Words.Where(w => !w.StartsWith("--")).SkipLast(1).Select(source => (c.index, source)));

        /// <summary>The position of the first RUN of <c>dotnet {verb} {project}</c>; -1 if there is none.</summary>
        public int IndexOfDotnet(string verb, string project) =>
            instructions.FindIndex(i => i.Keyword == "RUN" && Regex.IsMatch(i.Arguments, $@"\bdotnet {verb} {Regex.Escape(project)}(\s|;|$)"));

        /// <summary>The project of <c>dotnet publish</c>.</summary>
        public string? PublishedProject =>
            All("RUN").Select(r => Regex.Match(r, @"\bdotnet publish (\S+\.csproj)")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
    }
}

// ChartCheck — checks the manifests the chart renders (helm/tools/render -format json: one
// {"source", "object"} per line).
//
// 1. Schema: every document is decoded into the Kubernetes type of its apiVersion/kind with the models of
//    the official C# client (KubernetesClient, generated from the Kubernetes OpenAPI): an unknown field, a
//    wrong type (a number where a string belongs, a string where an integer belongs), a bad quantity or an
//    unknown apiVersion/kind is an error — what the API server's strict field validation refuses. A few
//    API-server rules the schema does not express are checked too (names, label values, port names,
//    environment variable names). Required fields are checked by helm/tools/schema (JSON schemas).
// 2. The chart's rules: every Deployment has liveness/readiness probes on the health endpoints, requests and
//    limits, a hardened securityContext with /tmp on an emptyDir, a Service, an HPA, a PDB and a
//    NetworkPolicy selecting its pods; migration Jobs are pre-install/pre-upgrade hooks running `migrate` with
//    the service's image and only Secrets that exist before the release; the services reach each other at
//    their Service (or at an external URL); the identities, PVC and Ingress are wired up.
//
//   ChartCheck RENDER.jsonl --name NAME --components gateway,zaken,... --migrations zaken,...
//              [--external KEY=URL]... [--require-hpa] [--require-pdb] [--readiness-path PATH] [--otel URL]
//   ChartCheck --settings REPO_ROOT CHART_README      every setting the code reads is in the README's table (Settings.cs)
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

if (args is ["--settings", var repoRoot, var readme])
    return Settings.Run(repoRoot, readme);
var options = Options.Parse(args);
var report = new Report(options.Name);
var docs = Loader.Load(options.File, report);
if (docs.Count == 0)
    report.Fail("render", "no documents");
else
    new Rules(docs, options, report).Run();
return report.Finish();

sealed record Doc(string Source, string Gvk, JsonObject Raw, object? Typed)
{
    public string Kind => Raw["kind"]?.GetValue<string>() ?? "";
    public string Name => Raw["metadata"]?["name"]?.GetValue<string>() ?? "";
    public string Id => $"{Kind}/{Name}";
    public IDictionary<string, string> Labels => (Typed as IMetadata<V1ObjectMeta>)?.Metadata?.Labels ?? new Dictionary<string, string>();
    public IDictionary<string, string> Annotations => (Typed as IMetadata<V1ObjectMeta>)?.Metadata?.Annotations ?? new Dictionary<string, string>();
    public string? Component => Labels.TryGetValue("app.kubernetes.io/component", out var c) ? c : null;
}

sealed class Options
{
    public string File = "";
    public string Name = "render";
    public HashSet<string> Components = [];
    public HashSet<string> Migrations = [];
    public Dictionary<string, string> External = [];
    public bool RequireHpa, RequirePdb;
    public string? ReadinessPath, Otel;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            static HashSet<string> Set(string v) => [.. v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            switch (args[i])
            {
                case "--name": o.Name = Next(); break;
                case "--components": o.Components = Set(Next()); break;
                case "--migrations": o.Migrations = Set(Next()); break;
                case "--external":
                    var kv = Next().Split('=', 2);
                    o.External[kv[0]] = kv[1];
                    break;
                case "--require-hpa": o.RequireHpa = true; break;
                case "--require-pdb": o.RequirePdb = true; break;
                case "--readiness-path": o.ReadinessPath = Next(); break;
                case "--otel": o.Otel = Next(); break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || o.File != "")
                        throw new ArgumentException($"unknown argument {args[i]}");
                    o.File = args[i];
                    break;
            }
        }
        if (o.File == "")
            throw new ArgumentException("usage: ChartCheck RENDER.jsonl [options]");
        return o;
    }
}

sealed class Report(string name)
{
    private readonly List<string> _failures = [];
    private readonly SortedDictionary<string, int> _passed = new(StringComparer.Ordinal);

    public void Fail(string where, string what) => _failures.Add($"{where}: {what}");

    /// <summary>Records one check: passed when ok, else a failure with the message.</summary>
    public void Check(string rule, bool ok, string where, string message)
    {
        if (ok)
            _passed[rule] = _passed.GetValueOrDefault(rule) + 1;
        else
            Fail(where, $"[{rule}] {message}");
    }

    public int Finish()
    {
        foreach (var (rule, n) in _passed)
            Console.WriteLine($"  ok   {rule} ({n})");
        foreach (var f in _failures)
            Console.WriteLine($"  FAIL {f}");
        Console.WriteLine($"{name}: {_passed.Values.Sum()} checks passed, {_failures.Count} failed");
        return _failures.Count == 0 ? 0 : 1;
    }
}

static class Loader
{
    /// <summary>apiVersion/kind → model type, from the [KubernetesEntity] attributes of the client's models.</summary>
    private static readonly Dictionary<string, Type> Types = typeof(V1Deployment).Assembly.GetTypes()
        .Select(t => (Type: t, Entity: t.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(x => x.Entity is not null && !x.Type.IsAbstract)
        .GroupBy(x => Gvk(x.Entity!.Group, x.Entity.ApiVersion, x.Entity.Kind))
        .ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);

    private static readonly MethodInfo Deserialize = typeof(KubernetesJson).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.IsGenericMethodDefinition
            && m.GetParameters() is [{ ParameterType: var p }, ..] && p == typeof(string));

    private static string Gvk(string group, string version, string kind) =>
        string.IsNullOrEmpty(group) ? $"{version}/{kind}" : $"{group}/{version}/{kind}";

    public static List<Doc> Load(string file, Report report)
    {
        // Strict: a field the type does not have is an error (the API server's strict field validation).
        KubernetesJson.AddJsonOptions(o => o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        var docs = new List<Doc>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var entry = JsonNode.Parse(line)!.AsObject();
            var source = entry["source"]!.GetValue<string>();
            var raw = entry["object"]!.AsObject();
            var apiVersion = raw["apiVersion"]?.GetValue<string>() ?? "";
            var kind = raw["kind"]?.GetValue<string>() ?? "";
            var where = $"{source} {kind}/{raw["metadata"]?["name"]}";
            var gvk = $"{apiVersion}/{kind}";
            if (!Types.TryGetValue(gvk, out var type))
            {
                report.Check("schema: known apiVersion/kind", false, where, $"no Kubernetes type {gvk}");
                docs.Add(new Doc(source, gvk, raw, null));
                continue;
            }
            object? typed = null;
            try
            {
                typed = Deserialize.MakeGenericMethod(type).Invoke(null, [raw.ToJsonString(), null]);
                report.Check("schema: strict decode into the Kubernetes type", typed is not null, where, "decoded to null");
            }
            catch (TargetInvocationException e)
            {
                report.Check("schema: strict decode into the Kubernetes type", false, where, e.InnerException?.Message ?? e.Message);
            }
            docs.Add(new Doc(source, gvk, raw, typed));
        }
        return docs;
    }
}

sealed partial class Rules(List<Doc> docs, Options options, Report report)
{
    private const string HookAnnotation = "helm.sh/hook";

    private IEnumerable<(Doc Doc, T Obj)> All<T>() => docs.Where(d => d.Typed is T).Select(d => (d, (T)d.Typed!));

    public void Run()
    {
        ApiServerRules();
        Deployments();
        MigrationJobs();
        Wiring();
        External();
        SecretsAndClaims();
        Ingresses();
        Expectations();
    }

    // --- API-server validation the schema does not express ------------------------------------------------------

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvVarName();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex PortName();

    private void ApiServerRules()
    {
        foreach (var g in docs.GroupBy(d => $"{d.Gvk}/{d.Name}"))
            report.Check("api: every kind/name once (Helm refuses duplicates)", g.Count() == 1, g.First().Source, $"{g.Key} rendered {g.Count()} times");
        foreach (var d in docs.Where(d => d.Typed is not null))
        {
            var where = $"{d.Source} {d.Id}";
            var nameOk = d.Kind == "Service"
                ? d.Name.Length <= 63 && Dns1035Label().IsMatch(d.Name)
                : d.Name.Length <= 253 && Dns1123Subdomain().IsMatch(d.Name);
            report.Check("api: metadata.name is a valid name", nameOk, where, $"invalid name '{d.Name}'");
            if (d.Kind is "Job" or "Deployment")
                report.Check("api: Job/Deployment name fits a label value (63)", d.Name.Length <= 63, where, $"name longer than 63: {d.Name}");
            foreach (var (k, v) in d.Labels)
                report.Check("api: label values valid", v.Length <= 63 && LabelValue().IsMatch(v), where, $"label {k}={v}");
        }
        foreach (var (d, pod) in PodSpecs())
        {
            var where = $"{d.Source} {d.Id}";
            foreach (var c in pod.Containers)
            {
                report.Check("api: container names are DNS labels", Dns1123Label().IsMatch(c.Name ?? "") && c.Name!.Length <= 63, where, $"container name '{c.Name}'");
                foreach (var p in c.Ports ?? [])
                    report.Check("api: port names valid (IANA_SVC_NAME)", p.Name is null || (p.Name.Length <= 15 && PortName().IsMatch(p.Name) && p.Name.Any(char.IsLetter)), where, $"port name '{p.Name}'");
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var e in c.Env ?? [])
                {
                    report.Check("api: env names valid", EnvVarName().IsMatch(e.Name ?? ""), where, $"env name '{e.Name}'");
                    report.Check("api: env names unique in a container", names.Add(e.Name ?? ""), where, $"env {e.Name} defined twice in {c.Name}");
                    report.Check("api: env has value or valueFrom, not both", !(e.Value is not null && e.ValueFrom is not null), where, $"env {e.Name}");
                }
                var volumes = (pod.Volumes ?? []).Select(v => v.Name).ToHashSet();
                foreach (var m in c.VolumeMounts ?? [])
                    report.Check("api: volumeMounts name a volume", volumes.Contains(m.Name), where, $"mount {m.Name} has no volume");
            }
        }
    }

    private IEnumerable<(Doc Doc, V1PodSpec Pod)> PodSpecs() =>
        All<V1Deployment>().Select(x => (x.Doc, x.Obj.Spec.Template.Spec))
            .Concat(All<V1Job>().Select(x => (x.Doc, x.Obj.Spec.Template.Spec)));

    // --- Deployments ---------------------------------------------------------------------------------------

    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static bool Selects(V1LabelSelector? selector, IDictionary<string, string>? labels) =>
        selector is not null && (selector.MatchExpressions is null || selector.MatchExpressions.Count == 0) && Selects(selector.MatchLabels, labels);

    private void Deployments()
    {
        var deployments = All<V1Deployment>().ToList();
        foreach (var (d, dep) in deployments)
        {
            var where = $"{d.Source} {d.Id}";
            var pod = dep.Spec.Template;
            var podLabels = pod.Metadata?.Labels;
            report.Check("deployment: selector matches its pod template", Selects(dep.Spec.Selector, podLabels), where, "selector does not match the template labels");
            foreach (var (other, otherDep) in deployments.Where(x => x.Doc != d))
                report.Check("deployment: selectors do not overlap", !Selects(dep.Spec.Selector, otherDep.Spec.Template.Metadata?.Labels), where, $"its selector also matches the pods of {other.Id}");
            foreach (var (j, job) in All<V1Job>())
                report.Check("deployment: selector does not match Job pods", !Selects(dep.Spec.Selector, job.Spec.Template.Metadata?.Labels), where, $"its selector matches the pods of {j.Id}");

            var podSc = pod.Spec.SecurityContext;
            var tmpVolumes = (pod.Spec.Volumes ?? []).Where(v => v.EmptyDir is not null).Select(v => v.Name).ToHashSet();
            foreach (var c in pod.Spec.Containers)
            {
                var cw = $"{where} container {c.Name}";
                var ports = (c.Ports ?? []).ToList();
                bool PortOk(IntOrString? p) => p is not null && ports.Any(x => x.Name == p.Value || x.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == p.Value);
                report.Check("deployment: liveness probe GET /health/live", c.LivenessProbe?.HttpGet is { Path: "/health/live" } l && PortOk(l.Port), cw, $"liveness probe: {c.LivenessProbe?.HttpGet?.Path ?? "none"}");
                var readiness = c.ReadinessProbe?.HttpGet;
                var expected = options.ReadinessPath;
                report.Check("deployment: readiness probe GET on a health endpoint",
                    readiness is not null && PortOk(readiness.Port) && (expected is null ? readiness.Path is "/health/ready" or "/health/live" : readiness.Path == expected),
                    cw, $"readiness probe: {readiness?.Path ?? "none"} (expected {expected ?? "/health/ready or /health/live"})");
                report.Check("deployment: startup probe", c.StartupProbe?.HttpGet is { } s && PortOk(s.Port), cw, "no startup probe on a container port");
                var req = c.Resources?.Requests;
                var lim = c.Resources?.Limits;
                report.Check("deployment: cpu and memory requests", req is not null && req.ContainsKey("cpu") && req.ContainsKey("memory"), cw, "requests missing");
                report.Check("deployment: cpu and memory limits", lim is not null && lim.ContainsKey("cpu") && lim.ContainsKey("memory"), cw, "limits missing");
                if (req is not null && lim is not null)
                    foreach (var r in new[] { "cpu", "memory" })
                        if (req.TryGetValue(r, out var rq) && lim.TryGetValue(r, out var lm))
                            report.Check("deployment: requests ≤ limits", rq.ToDecimal() <= lm.ToDecimal(), cw, $"{r} request {rq} > limit {lm}");
                var sc = c.SecurityContext;
                report.Check("deployment: runs as non-root", sc?.RunAsNonRoot ?? podSc?.RunAsNonRoot ?? false, cw, "runAsNonRoot not set");
                report.Check("deployment: read-only root filesystem", sc?.ReadOnlyRootFilesystem == true, cw, "readOnlyRootFilesystem not true");
                report.Check("deployment: no privilege escalation", sc?.AllowPrivilegeEscalation == false, cw, "allowPrivilegeEscalation not false");
                report.Check("deployment: drops ALL capabilities", sc?.Capabilities?.Drop?.Contains("ALL") == true, cw, "capabilities.drop lacks ALL");
                report.Check("deployment: /tmp is an emptyDir", (c.VolumeMounts ?? []).Any(m => m.MountPath == "/tmp" && tmpVolumes.Contains(m.Name)), cw, "no emptyDir at /tmp");
            }

            // Its Service, HPA, PDB and NetworkPolicy.
            var services = All<V1Service>().Where(s => Selects(s.Obj.Spec.Selector, podLabels)).ToList();
            report.Check("deployment: a Service selects it", services.Count > 0, where, "no Service selects its pods");
            foreach (var (sd, svc) in services)
                foreach (var p in svc.Spec.Ports)
                    report.Check("service: targetPort is a container port", pod.Spec.Containers.Any(c => (c.Ports ?? []).Any(x => x.Name == p.TargetPort?.Value || x.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == p.TargetPort?.Value)), $"{sd.Source} {sd.Id}", $"targetPort {p.TargetPort?.Value} is not a port of {d.Id}");
            var hpas = All<V2HorizontalPodAutoscaler>().Where(h => h.Obj.Spec.ScaleTargetRef is { Kind: "Deployment", ApiVersion: "apps/v1" } r && r.Name == d.Name).ToList();
            if (options.RequireHpa)
                report.Check("deployment: has an HPA", hpas.Count == 1, where, $"{hpas.Count} HPAs target it");
            foreach (var (hd, hpa) in hpas)
            {
                report.Check("hpa: minReplicas ≤ maxReplicas", (hpa.Spec.MinReplicas ?? 1) <= hpa.Spec.MaxReplicas, $"{hd.Source} {hd.Id}", $"min {hpa.Spec.MinReplicas} > max {hpa.Spec.MaxReplicas}");
                report.Check("hpa: has a metric", hpa.Spec.Metrics is { Count: > 0 }, $"{hd.Source} {hd.Id}", "no metrics");
                report.Check("hpa: the Deployment leaves replicas to it", dep.Spec.Replicas is null, where, "spec.replicas is set while an HPA scales it (every upgrade would reset it)");
                // A utilization target needs a request of that resource in every container.
                foreach (var m in hpa.Spec.Metrics ?? [])
                    if (m.Resource is { Target.Type: "Utilization" } res)
                        report.Check("hpa: utilization targets have requests", pod.Spec.Containers.All(c => c.Resources?.Requests?.ContainsKey(res.Name) == true), $"{hd.Source} {hd.Id}", $"a container has no {res.Name} request");
            }
            if (hpas.Count == 0)
                report.Check("deployment: replicas set when no HPA", dep.Spec.Replicas is > 0, where, "no HPA and no replicas");
            var pdbs = All<V1PodDisruptionBudget>().Where(p => Selects(p.Obj.Spec.Selector, podLabels)).ToList();
            if (options.RequirePdb)
                report.Check("deployment: has a PDB", pdbs.Count == 1, where, $"{pdbs.Count} PDBs select it");
            foreach (var (pd, pdb) in pdbs)
                report.Check("pdb: minAvailable or maxUnavailable, not both", (pdb.Spec.MinAvailable is null) != (pdb.Spec.MaxUnavailable is null), $"{pd.Source} {pd.Id}", "needs exactly one");
            var policies = All<V1NetworkPolicy>().Where(n => Selects(n.Obj.Spec.PodSelector, podLabels)).ToList();
            report.Check("deployment: a NetworkPolicy selects it", policies.Count > 0, where, "no NetworkPolicy selects its pods");
            foreach (var (nd, np) in policies)
            {
                var nw = $"{nd.Source} {nd.Id}";
                report.Check("networkpolicy: restricts ingress", np.Spec.PolicyTypes?.Contains("Ingress") == true, nw, "policyTypes lacks Ingress");
                foreach (var rule in np.Spec.Ingress ?? [])
                    report.Check("networkpolicy: rules name a container port", (rule.Ports ?? []).All(p => pod.Spec.Containers.Any(c => (c.Ports ?? []).Any(x => x.Name == p.Port?.Value || x.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == p.Port?.Value))), nw, "a port is not a container port");
                if (d.Component != "gateway")
                {
                    // A service: only pods of this release (the gateway, its siblings) and the configured extras.
                    var release = podLabels!["app.kubernetes.io/instance"];
                    var ok = (np.Spec.Ingress ?? []).All(rule => rule.FromProperty is { Count: > 0 } from
                        && from.Any(peer => peer.PodSelector?.MatchLabels is { } ml && peer.NamespaceSelector is null && peer.IpBlock is null
                            && ml.TryGetValue("app.kubernetes.io/instance", out var i) && i == release));
                    var gateway = All<V1Deployment>().FirstOrDefault(x => x.Doc.Component == "gateway");
                    if (gateway.Obj is not null)
                        ok &= (np.Spec.Ingress ?? []).Any(rule => (rule.FromProperty ?? []).Any(peer => peer.NamespaceSelector is null && Selects(peer.PodSelector, gateway.Obj.Spec.Template.Metadata.Labels)));
                    report.Check("networkpolicy: a service accepts only the gateway and its siblings", ok, nw, "an ingress rule is open to more than this release's pods, or the gateway cannot reach it");
                }
            }
        }
    }

    // --- Migration Jobs -------------------------------------------------------------------------------------

    private void MigrationJobs()
    {
        var rendered = docs.Where(d => d.Annotations.ContainsKey(HookAnnotation) is false).ToList();
        foreach (var (d, job) in All<V1Job>())
        {
            var where = $"{d.Source} {d.Id}";
            var hooks = (d.Annotations.TryGetValue(HookAnnotation, out var h) ? h : "").Split(',', StringSplitOptions.TrimEntries);
            report.Check("job: pre-install and pre-upgrade hook", hooks.Contains("pre-install") && hooks.Contains("pre-upgrade"), where, $"helm.sh/hook is '{string.Join(",", hooks)}'");
            report.Check("job: restartPolicy Never or OnFailure", job.Spec.Template.Spec.RestartPolicy is "Never" or "OnFailure", where, $"restartPolicy {job.Spec.Template.Spec.RestartPolicy}");
            // A hook runs before the release's own resources exist: it may use only Secrets/ConfigMaps/PVCs made beforehand.
            foreach (var refName in References(job.Spec.Template.Spec))
                report.Check("job: uses nothing the release itself creates", !rendered.Any(r => r.Kind == refName.Kind && r.Name == refName.Name), where, $"refers to {refName.Kind}/{refName.Name}, which the chart creates after the hooks");
            foreach (var c in job.Spec.Template.Spec.Containers)
            {
                var sc = c.SecurityContext;
                report.Check("job: hardened container", sc?.ReadOnlyRootFilesystem == true && sc.AllowPrivilegeEscalation == false && sc.Capabilities?.Drop?.Contains("ALL") == true
                    && (sc.RunAsNonRoot ?? job.Spec.Template.Spec.SecurityContext?.RunAsNonRoot ?? false), where, "securityContext not hardened");
                report.Check("job: resources", c.Resources?.Requests is { Count: > 0 } && c.Resources?.Limits is { Count: > 0 }, where, "no requests/limits");
            }
        }
        foreach (var (d, dep) in All<V1Deployment>().Where(x => x.Doc.Component is not null and not "gateway"))
        {
            var key = d.Component!;
            var image = dep.Spec.Template.Spec.Containers[0].Image;
            var jobs = All<V1Job>().Where(j => j.Doc.Component == $"{key}-migrate").ToList();
            if (!options.Migrations.Contains(key))
            {
                report.Check("job: none for a service whose migrations are off", jobs.Count == 0, d.Id, $"{jobs.Count} migration Jobs");
                continue;
            }
            report.Check("job: one migration Job per service", jobs.Count == 1, d.Id, $"{jobs.Count} migration Jobs for {key}");
            foreach (var (jd, job) in jobs)
            {
                var c = job.Spec.Template.Spec.Containers.Single();
                report.Check("job: runs `migrate` with the service's image", c.Image == image && (c.Args ?? []).Contains("migrate"), $"{jd.Source} {jd.Id}", $"image {c.Image} (service {image}), args [{string.Join(" ", c.Args ?? [])}]");
                var env = (c.Env ?? []).ToDictionary(e => e.Name, e => e);
                var depEnv = dep.Spec.Template.Spec.Containers[0].Env.ToDictionary(e => e.Name, e => e);
                report.Check("job: same database as the service", env.TryGetValue("ConnectionStrings__Database", out var db) && depEnv.TryGetValue("ConnectionStrings__Database", out var ddb)
                    && db.ValueFrom?.SecretKeyRef?.Name == ddb.ValueFrom?.SecretKeyRef?.Name && db.ValueFrom?.SecretKeyRef?.Key == ddb.ValueFrom?.SecretKeyRef?.Key, $"{jd.Source} {jd.Id}", "ConnectionStrings__Database differs from the service's");
                report.Check("job: has the broker (the app needs ConnectionStrings:RabbitMq to start)", env.ContainsKey("ConnectionStrings__RabbitMq"), $"{jd.Source} {jd.Id}", "no ConnectionStrings__RabbitMq");
            }
        }
    }

    private static IEnumerable<(string Kind, string Name)> References(V1PodSpec pod)
    {
        foreach (var c in pod.Containers.Concat(pod.InitContainers ?? []))
        {
            foreach (var e in c.Env ?? [])
            {
                if (e.ValueFrom?.SecretKeyRef is { } s) yield return ("Secret", s.Name);
                if (e.ValueFrom?.ConfigMapKeyRef is { } m) yield return ("ConfigMap", m.Name);
            }
            foreach (var f in c.EnvFrom ?? [])
            {
                if (f.SecretRef is { } s) yield return ("Secret", s.Name);
                if (f.ConfigMapRef is { } m) yield return ("ConfigMap", m.Name);
            }
        }
        foreach (var v in pod.Volumes ?? [])
        {
            if (v.Secret is { } s) yield return ("Secret", s.SecretName);
            if (v.ConfigMap is { } m) yield return ("ConfigMap", m.Name);
            if (v.PersistentVolumeClaim is { } p) yield return ("PersistentVolumeClaim", p.ClaimName);
        }
    }

    // --- How the components reach each other ------------------------------------------------------------------

    private static Dictionary<string, V1EnvVar> Env(V1Deployment d) => d.Spec.Template.Spec.Containers[0].Env?.ToDictionary(e => e.Name, e => e) ?? [];

    private void Wiring()
    {
        var deployments = All<V1Deployment>().ToList();
        foreach (var (d, dep) in deployments)
        {
            var env = Env(dep);
            var where = $"{d.Source} {d.Id}";
            // Every deployed service is reached at its own Service.
            foreach (var (sd, sdep) in deployments.Where(x => x.Doc.Component is not "gateway"))
            {
                var svc = All<V1Service>().FirstOrDefault(s => Selects(s.Obj.Spec.Selector, sdep.Spec.Template.Metadata.Labels));
                var expected = svc.Obj is null ? "(no Service)" : $"http://{svc.Doc.Name}:{svc.Obj.Spec.Ports[0].Port}";
                var name = $"Zgw__Services__{sd.Component}__InternalUrl";
                report.Check("wiring: reaches each deployed service at its Service", env.TryGetValue(name, out var v) && v.Value == expected, where, $"{name} = {(env.TryGetValue(name, out var x) ? x.Value : "unset")}, expected {expected}");
            }
            report.Check("wiring: public base URL set", env.TryGetValue("Zgw__PublicBaseUrl", out var pb) && Uri.TryCreate(pb.Value, UriKind.Absolute, out _), where, "Zgw__PublicBaseUrl missing or not absolute");
            // Its own identity, and every identity known.
            report.Check("wiring: own service identity", env.TryGetValue("Zgw__ServiceIdentity__ClientId", out var id) && id.Value!.EndsWith(d.Component!, StringComparison.Ordinal)
                && env.TryGetValue("Zgw__ServiceIdentity__Secret", out var sec) && sec.ValueFrom?.SecretKeyRef?.Key == d.Component, where, "Zgw__ServiceIdentity__* not this component's");
            var knownIds = env.Where(kv => kv.Key.StartsWith("Zgw__Clients__", StringComparison.Ordinal) && kv.Key.EndsWith("__ClientId", StringComparison.Ordinal)).Select(kv => kv.Value.Value).ToHashSet();
            foreach (var (od, odep) in deployments)
                report.Check("wiring: knows every identity", Env(odep).TryGetValue("Zgw__ServiceIdentity__ClientId", out var oid) && knownIds.Contains(oid.Value), where, $"does not know the identity of {od.Id}");
            if (options.Otel is not null)
                report.Check("wiring: OTLP endpoint", env.TryGetValue("OTEL_EXPORTER_OTLP_ENDPOINT", out var otel) && otel.Value == options.Otel, where, "OTEL_EXPORTER_OTLP_ENDPOINT not set as given");
            if (d.Component != "gateway")
            {
                report.Check("wiring: database from a Secret", env.TryGetValue("ConnectionStrings__Database", out var db) && db.ValueFrom?.SecretKeyRef is not null, where, "ConnectionStrings__Database not from a Secret");
                report.Check("wiring: broker from a Secret", env.TryGetValue("ConnectionStrings__RabbitMq", out var mq) && mq.ValueFrom?.SecretKeyRef is not null, where, "ConnectionStrings__RabbitMq not from a Secret");
            }
            if (d.Component == "documenten")
            {
                var content = dep.Spec.Template.Spec.Volumes.FirstOrDefault(v => v.Name == "content");
                var mount = dep.Spec.Template.Spec.Containers[0].VolumeMounts.FirstOrDefault(m => m.Name == "content");
                report.Check("documenten: Storage:Path is the content volume", mount is not null && env.TryGetValue("Documenten__Storage__Path", out var sp) && sp.Value == mount.MountPath, where, "Documenten__Storage__Path is not the mount path of the content volume");
                if (content?.PersistentVolumeClaim is { } claim)
                {
                    var pvc = All<V1PersistentVolumeClaim>().FirstOrDefault(p => p.Doc.Name == claim.ClaimName);
                    if (pvc.Obj is not null)
                    {
                        var hpa = All<V2HorizontalPodAutoscaler>().FirstOrDefault(h => h.Obj.Spec.ScaleTargetRef.Name == d.Name);
                        var max = hpa.Obj?.Spec.MaxReplicas ?? dep.Spec.Replicas ?? 1;
                        var rwx = pvc.Obj.Spec.AccessModes.Contains("ReadWriteMany");
                        report.Check("documenten: ReadWriteMany when more than one replica", max <= 1 || rwx, where, $"up to {max} replicas share a {string.Join(",", pvc.Obj.Spec.AccessModes)} volume");
                        report.Check("documenten: Recreate with a ReadWriteOnce volume", rwx || dep.Spec.Strategy?.Type == "Recreate", where, "a rolling update would wait for a ReadWriteOnce volume held by the old pod");
                    }
                }
            }
        }
    }

    private void External()
    {
        foreach (var (key, url) in options.External)
        {
            var present = docs.Where(d => d.Component == key || d.Component == $"{key}-migrate").Select(d => d.Id).ToList();
            report.Check("external: nothing deployed for it", present.Count == 0, $"external {key}", $"still rendered: {string.Join(", ", present)}");
            var host = new Uri(url).Authority;
            var expected = url.TrimEnd('/');
            var suffix = $"/{key}/api/v1";
            if (expected.EndsWith(suffix, StringComparison.Ordinal))
                expected = expected[..^suffix.Length];
            foreach (var (d, dep) in All<V1Deployment>())
            {
                var env = Env(dep);
                var name = $"Zgw__Services__{key}__InternalUrl";
                report.Check("external: the others use the external URL", env.TryGetValue(name, out var v) && v.Value == expected, $"{d.Source} {d.Id}", $"{name} = {(env.TryGetValue(name, out var x) ? x.Value : "unset")}, expected {expected}");
                if (d.Component != "gateway")
                    report.Check("external: its host is allow-listed for references", env.Any(kv => kv.Key.StartsWith("Zgw__References__AllowedHosts__", StringComparison.Ordinal) && kv.Value.Value == host), $"{d.Source} {d.Id}", $"{host} not in Zgw__References__AllowedHosts");
                report.Check("external: no identity for it", !env.Any(kv => kv.Key.EndsWith("__ClientId", StringComparison.Ordinal) && kv.Value.Value?.EndsWith($"-{key}", StringComparison.Ordinal) == true), $"{d.Source} {d.Id}", $"still has the identity of {key}");
                // A vendor's Autorisaties hands out no secrets: every process reads applicaties from its standard API.
                var source = env.TryGetValue("Zgw__Autorisaties__Source", out var s) ? s.Value : null;
                report.Check("external: applicaties from the standard API exactly when Autorisaties is external",
                    (source == "Standard") == (key == "autorisaties"), $"{d.Source} {d.Id}", $"Zgw__Autorisaties__Source = {source ?? "unset"}");
                // ARCHITECTURE §11.6: with a vendor's Notificaties the services post notifications to it over HTTP.
                if (d.Component != "gateway")
                {
                    var transport = env.TryGetValue("Messaging__NotificatieTransport", out var t) ? t.Value : null;
                    report.Check("external: notifications go over HTTP exactly when Notificaties is external",
                        (transport == "Http") == (key == "notificaties"), $"{d.Source} {d.Id}", $"Messaging__NotificatieTransport = {transport ?? "unset"}");
                }
            }
        }
    }

    private void SecretsAndClaims()
    {
        // A reference to a Secret the chart renders must name one of its keys.
        var secrets = All<V1Secret>().ToDictionary(s => s.Doc.Name, s => s.Obj);
        foreach (var (d, pod) in PodSpecs())
            foreach (var c in pod.Containers)
                foreach (var e in c.Env ?? [])
                    if (e.ValueFrom?.SecretKeyRef is { } r && secrets.TryGetValue(r.Name, out var s))
                        report.Check("secrets: keys exist in the chart's Secrets", (s.Data?.ContainsKey(r.Key) ?? false) || (s.StringData?.ContainsKey(r.Key) ?? false), $"{d.Source} {d.Id}", $"{e.Name}: Secret {r.Name} has no key {r.Key}");
        foreach (var (d, dep) in All<V1Deployment>())
            foreach (var v in dep.Spec.Template.Spec.Volumes ?? [])
                if (v.PersistentVolumeClaim is { } p)
                    report.Check("claims: a rendered PVC (or an existing one on purpose)", All<V1PersistentVolumeClaim>().Any(x => x.Doc.Name == p.ClaimName), $"{d.Source} {d.Id}", $"no PVC {p.ClaimName} rendered");
    }

    private void Ingresses()
    {
        foreach (var (d, ing) in All<V1Ingress>())
            foreach (var rule in ing.Spec.Rules ?? [])
                foreach (var path in rule.Http?.Paths ?? [])
                {
                    var svc = All<V1Service>().FirstOrDefault(s => s.Doc.Name == path.Backend.Service?.Name);
                    report.Check("ingress: backend is the gateway's Service port", svc.Obj is not null && svc.Doc.Component == "gateway"
                        && svc.Obj.Spec.Ports.Any(p => p.Name == path.Backend.Service!.Port?.Name || p.Port == path.Backend.Service!.Port?.Number), $"{d.Source} {d.Id}", $"backend {path.Backend.Service?.Name}");
                }
    }

    private void Expectations()
    {
        var components = All<V1Deployment>().Select(x => x.Doc.Component ?? "?").ToHashSet();
        report.Check("expected: exactly these Deployments", components.SetEquals(options.Components), "render",
            $"Deployments for [{string.Join(",", components.Order())}], expected [{string.Join(",", options.Components.Order())}]");
        var migrations = All<V1Job>().Select(x => x.Doc.Component ?? "?").Where(c => c.EndsWith("-migrate", StringComparison.Ordinal)).Select(c => c[..^"-migrate".Length]).ToHashSet();
        report.Check("expected: exactly these migration Jobs", migrations.SetEquals(options.Migrations), "render",
            $"migration Jobs for [{string.Join(",", migrations.Order())}], expected [{string.Join(",", options.Migrations.Order())}]");
    }
}

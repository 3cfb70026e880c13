using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Zgw.Testing;

/// <summary>
/// The PostgreSQL (with PostGIS) and RabbitMQ the tests run against. The test command
/// (<c>deploy/local/test.sh</c>) starts them once and passes <c>OPENZAAK_TEST_PG</c> (a connection string
/// for a superuser) and <c>OPENZAAK_TEST_AMQP</c> (an amqp:// URI). When those are absent — a test run
/// from an IDE — the first test starts a private pair with <c>deploy/local/infra.sh</c> on free ports and
/// stops it when the test process exits.
/// </summary>
public static class TestInfrastructure
{
    private static readonly Lazy<(string Pg, string Amqp)> Servers = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string of a superuser, without a database name.</summary>
    public static string PostgresAdmin => Servers.Value.Pg;

    /// <summary>amqp://user:pass@host:port/ of the broker.</summary>
    public static string RabbitMq => Servers.Value.Amqp;

    private static (string, string) Resolve()
    {
        var pg = Environment.GetEnvironmentVariable("OPENZAAK_TEST_PG");
        var amqp = Environment.GetEnvironmentVariable("OPENZAAK_TEST_AMQP");
        if (!string.IsNullOrEmpty(pg) && !string.IsNullOrEmpty(amqp))
            return (pg, amqp);
        return StartPrivateServers();
    }

    private static (string, string) StartPrivateServers()
    {
        var script = Path.Combine(RepositoryRoot(), "deploy", "local", "infra.sh");
        var dir = Path.Combine(Path.GetTempPath(), "openzaak-tests-" + Environment.ProcessId);
        int[] ports = [FreePort(), FreePort(), FreePort(), FreePort()];
        var output = Run("bash", [script, "start", dir, .. ports.Select(p => p.ToString())]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run("bash", [script, "stop", dir], throwOnError: false);
        string Export(string name) => Regex.Match(output, $"export {name}=\"?([^\"\\n]+)\"?").Groups[1].Value;
        return (Export("OPENZAAK_PG"), Export("OPENZAAK_AMQP"));
    }

    /// <summary>The folder holding OpenZaak.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenZaak.sln")))
                return dir.FullName;
        throw new InvalidOperationException("OpenZaak.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Run(string file, string[] args, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (throwOnError && process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
        return stdout;
    }
}

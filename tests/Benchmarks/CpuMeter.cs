namespace Benchmarks;

/// <summary>
/// CPU time (user + system) of every process of the suite, read from <c>/proc</c>: the services and the gateway (their pid
/// files in <c>.local/run</c>), PostgreSQL (the postmaster of <c>.local/infra/pg</c> and all its backends), RabbitMQ, and the
/// load generator itself. Divided by the requests of a scenario it says where the time of one request goes — a figure that,
/// unlike throughput, hardly changes with a noisy neighbour on the host.
/// </summary>
public sealed class CpuMeter(string root)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ; 100 on every Linux this runs on

    public Dictionary<string, double> Snapshot()
    {
        var seconds = new Dictionary<string, double>();
        void Add(string name, int pid)
        {
            var s = CpuSeconds(pid);
            if (s is not null)
                seconds[name] = seconds.GetValueOrDefault(name) + s.Value;
        }

        var run = Path.Combine(root, ".local", "run");
        if (Directory.Exists(run))
            foreach (var name in Directory.GetFiles(run, "*.pid").Select(Path.GetFileNameWithoutExtension))
                if (name is not (null or "up") && ProcessStatus.Pid(run, name) is { } pid)
                    Add(name, pid);
        var postmaster = PostmasterPid();
        foreach (var (pid, ppid, command) in Processes())
        {
            if (postmaster is not null && (pid == postmaster || ppid == postmaster))
                Add("postgresql", pid);
            if (pid == postmaster && ChildrenCpuSeconds(pid) is { } ended)
                seconds["postgresql"] = seconds.GetValueOrDefault("postgresql") + ended; // backends that have exited (pool churn)
            else if (command.Contains("beam.smp", StringComparison.Ordinal) && command.Contains(root, StringComparison.Ordinal))
                Add("rabbitmq", pid);
        }
        Add("load generator", Environment.ProcessId);
        return seconds;
    }

    /// <summary>Milliseconds of CPU per request of each process between two snapshots.</summary>
    public static Dictionary<string, double> PerRequest(Dictionary<string, double> before, Dictionary<string, double> after, long requests) =>
        after.Where(a => before.ContainsKey(a.Key))
            .ToDictionary(a => a.Key, a => requests == 0 ? 0 : Math.Round((a.Value - before[a.Key]) * 1000 / requests, 3));

    private int? PostmasterPid()
    {
        var file = Path.Combine(root, ".local", "infra", "pg", "data", "postmaster.pid");
        return File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), out var pid) ? pid : null;
    }

    private static IEnumerable<(int Pid, int Ppid, string Command)> Processes()
    {
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || Stat(pid) is not { } fields)
                continue;
            string command;
            try
            {
                command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            yield return (pid, int.Parse(fields[1]), command);
        }
    }

    /// <summary>CPU of a process's children that have ended (cutime + cstime).</summary>
    private static double? ChildrenCpuSeconds(int pid) => Stat(pid) is { } f ? (long.Parse(f[13]) + long.Parse(f[14])) / TicksPerSecond : null;

    /// <summary>utime + stime (fields 14 and 15 of the line).</summary>
    private static double? CpuSeconds(int pid) => Stat(pid) is { } f ? (long.Parse(f[11]) + long.Parse(f[12])) / TicksPerSecond : null;

    /// <summary>The fields of <c>/proc/PID/stat</c> after "(comm) ": state is index 0, ppid 1; null when the process is gone.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}

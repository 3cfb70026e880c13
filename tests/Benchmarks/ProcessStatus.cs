using System.Globalization;

namespace Benchmarks;

/// <summary>RSS and peak RSS (VmRSS / VmHWM, MB) of the processes up.sh started, from their pid files in .local/run.</summary>
public static class ProcessStatus
{
    public static int? Pid(string runDir, string name)
    {
        var file = Path.Combine(runDir, name + ".pid");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    public static (double Rss, double Peak) Read(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
            return (0, 0);
        var lines = File.ReadAllLines(status);
        double Mb(string key) => lines.Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault() / 1024;
        return (Math.Round(Mb("VmRSS:"), 0), Math.Round(Mb("VmHWM:"), 0));
    }

    /// <summary>Resets VmHWM to the current RSS (<c>echo 5 &gt; /proc/PID/clear_refs</c>; allowed for our own processes).</summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static IEnumerable<(string Process, double Rss, double Peak)> All(string runDir)
    {
        if (!Directory.Exists(runDir))
            yield break;
        foreach (var file in Directory.GetFiles(runDir, "*.pid").Order())
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name == "up" || Pid(runDir, name) is not { } pid || !File.Exists($"/proc/{pid}/status"))
                continue;
            var (rss, peak) = Read(pid);
            yield return (name, rss, peak);
        }
    }
}

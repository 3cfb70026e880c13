using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zgw.Service.Mirrors;

/// <summary>
/// The background half of ARCHITECTURE §11.4: every interval the service's mirrors finish or undo the rows a crash left
/// half-done (<see cref="EachAsync"/> per row). A round that fails is logged and tried again at the next interval.
/// </summary>
public sealed class MirrorReconciler(Func<TimeSpan> interval, Func<CancellationToken, Task> round, TimeProvider time,
    ILogger<MirrorReconciler> logger) : BackgroundService
{
    /// <summary>Runs <paramref name="round"/> every <paramref name="interval"/> (read before each wait) in the background.</summary>
    public static void Add(IServiceCollection services, Func<IServiceProvider, TimeSpan> interval,
        Func<IServiceProvider, CancellationToken, Task> round) =>
        services.AddHostedService(sp => new MirrorReconciler(() => interval(sp), ct => round(sp, ct),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MirrorReconciler>>()));

    /// <summary>
    /// One round over the half-done rows <paramref name="ids"/> of <paramref name="resource"/>: each on its own, a row that
    /// fails is logged and retried in the next round. Returns the number of rows <paramref name="reconcile"/> handled.
    /// </summary>
    public static async Task<int> EachAsync(IEnumerable<long> ids, string resource, ILogger logger, Func<long, Task<bool>> reconcile,
        CancellationToken ct)
    {
        var handled = 0;
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await reconcile(id))
                    handled++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reconciling {Resource} {Id} failed; retried in the next round", resource, id);
            }
        }
        return handled;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval(), time, stoppingToken);
                await round(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Reconciling the mirrors failed; retried in the next round");
            }
        }
    }
}

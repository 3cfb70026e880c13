using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Zgw.Data;

/// <summary>
/// Keeps a dedicated connection that <c>LISTEN</c>s on a channel and calls <paramref name="onNotify"/> for every
/// <c>NOTIFY</c>; reconnects after a lost connection. Background workers use it to wake up at commit instead of
/// polling (they still poll as a safety net).
/// </summary>
public static class PgListener
{
    public static async Task ListenAsync(ZgwDatabase database, string channel, Action onNotify, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => onNotify();
                await connection.ExecuteAsync($"LISTEN {channel}");
                onNotify(); // anything committed while we were not listening
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogDebug("LISTEN {Channel} lost ({Error}); polling until it is back", channel, e.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}

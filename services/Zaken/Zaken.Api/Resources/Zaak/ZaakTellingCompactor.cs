using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Data;

namespace Zaken.Api.Resources.Zaak;

/// <summary>
/// Folds the delta rows of <c>zaak_telling</c> (0005_zaak_telling.sql) into one row per (zaaktype, vertrouwelijkheid),
/// so counting stays a sum over a few hundred rows. Delete and re-insert happen in one transaction, so a concurrent
/// count sees either all old rows or the folded ones; two replicas folding at once cannot count a row twice (the second
/// DELETE skips rows the first removed).
/// </summary>
public sealed class ZaakTellingCompactor(ZgwDatabase db, IOptions<ZakenOptions> options, ILogger<ZaakTellingCompactor> logger) : BackgroundService
{
    public const string Sql = """
        WITH weg AS (DELETE FROM zaak_telling RETURNING zaaktype, vertrouwelijkheid_rang, aantal)
        INSERT INTO zaak_telling (zaaktype, vertrouwelijkheid_rang, aantal)
        SELECT zaaktype, vertrouwelijkheid_rang, sum(aantal) FROM weg GROUP BY zaaktype, vertrouwelijkheid_rang HAVING sum(aantal) <> 0
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.TellingCompactInterval, stoppingToken);
                await db.InTransactionAsync((c, tx) => c.ExecuteAsync(new CommandDefinition(Sql, transaction: tx, cancellationToken: stoppingToken)),
                    stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Folding zaak_telling failed (retried next round): {Error}", e.Message);
            }
        }
    }
}

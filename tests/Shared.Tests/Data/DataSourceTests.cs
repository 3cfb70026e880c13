using Npgsql;
using Zgw.Data;

namespace Shared.Tests.Data;

public class DataSourceTests
{
    [Fact]
    public void DataSource_PreparesStatementsAndSkipsTheReset_UnlessTheConnectionStringSaysOtherwise()
    {
        using var prepared = ZgwDatabase.CreateDataSource("Host=localhost;Username=u", "zaken", "tests");
        var settings = new NpgsqlConnectionStringBuilder(prepared.ConnectionString);
        Assert.Equal(200, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.Equal("zaken,public", settings.SearchPath);
        Assert.True(settings.NoResetOnClose);

        using var off = ZgwDatabase.CreateDataSource("Host=localhost;Username=u;Max Auto Prepare=0;No Reset On Close=false", "zaken", "tests");
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(off.ConnectionString).MaxAutoPrepare);
        Assert.False(new NpgsqlConnectionStringBuilder(off.ConnectionString).NoResetOnClose);
        using var alias = ZgwDatabase.CreateDataSource("Host=localhost;Username=u;MaxAutoPrepare=5", "zaken", "tests");
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(alias.ConnectionString).MaxAutoPrepare);
    }
}

using Ent77.Infrastructure.Persistence;
using Npgsql;

namespace Ent77.Infrastructure.Tests;

public sealed class PostgreSqlConnectionTuningTests
{
    [Fact]
    public void TheApplicationsConnections_AreNotResetOnReturnToThePool_AndPrepareTheirFrequentStatements()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionTuning.ForApplication("Host=db;Database=ent77;Username=ent77;Password=secret"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(PostgreSqlConnectionTuning.AutoPrepared, tuned.MaxAutoPrepare);
        Assert.Equal(("db", "ent77", "ent77", "secret"), (tuned.Host, tuned.Database, tuned.Username, tuned.Password));
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0")]
    public void WhatTheOperatorWrote_Wins(string given)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionTuning.ForApplication(given));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }
}

using System.Text.Json;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Ent77.Infrastructure.Persistence;
using Ent77.Infrastructure.Persistence.Repositories;
using Ent77.TestSupport.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Ent77.Infrastructure.Tests;

/// <summary>The PostgreSQL counterparts of what is SQLite-specific: error classification and the bulk writer (binary COPY).</summary>
public sealed class PostgreSqlTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation, true, false, false)]
    [InlineData(PostgresErrorCodes.SerializationFailure, false, true, true)]
    [InlineData(PostgresErrorCodes.DeadlockDetected, false, true, true)]
    [InlineData(PostgresErrorCodes.AdminShutdown, false, false, true)]
    [InlineData(PostgresErrorCodes.TooManyConnections, false, false, true)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, false, false, true)]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation, false, false, false)]
    public void PostgresErrors_FollowTheRulesOfTheOtherProviders(string sqlState, bool conflict409, bool lostRace, bool unavailable503)
    {
        var error = new DbUpdateException("save failed", new PostgresException("message", "ERROR", "ERROR", sqlState));

        Assert.Equal(conflict409, StorageFailures.IsUniqueViolation(error));
        Assert.Equal(lostRace, StorageFailures.IsSerializationFailure(error));
        Assert.Equal(unavailable503, StorageFailures.IsTemporarilyUnavailable(error));
    }

    [Fact]
    public async Task ANewDatabase_IsMigratedWithoutAnErrorInTheLog_AndTheNextStartFindsNothingToDo()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var name = PostgresTestServer.NewDatabaseName("init");
        var errors = new List<string>();
        PostgreSqlEnt77DbContext NewContext() => new(new DbContextOptionsBuilder<PostgreSqlEnt77DbContext>()
            .UseNpgsql(PostgresTestServer.ConnectionStringFor(name)).LogTo(errors.Add, Microsoft.Extensions.Logging.LogLevel.Error).Options);
        try
        {
            for (var start = 1; start <= 2; start++)
            {
                await using var context = NewContext();
                await new DatabaseInitializer(context, TimeProvider.System, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(default);
            }

            // The provider's first read of a history table that does not exist yet used to log « Failed executing DbCommand ».
            Assert.Empty(errors);
            await using var migrated = NewContext();
            Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
            Assert.Equal(migrated.Database.GetMigrations().Count(), (await migrated.Database.GetAppliedMigrationsAsync()).Count());
            Assert.Equal(1, await migrated.Terms.CountAsync());
        }
        finally
        {
            PostgresTestServer.DropDatabase(name);
        }
    }

    [Fact]
    public async Task AccountsWrittenWithCopy_AreStoredExactlyAsEfCoreStoresThem_AndADuplicateWritesNothing()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var name = PostgresTestServer.NewDatabaseName("infra");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        PostgreSqlEnt77DbContext NewContext() => new(new DbContextOptionsBuilder<PostgreSqlEnt77DbContext>().UseNpgsql(PostgresTestServer.ConnectionStringFor(name)).Options);
        var unitOfWork = (Ent77DbContext context) => new UnitOfWork(context, new SqliteWriteGate(), NSubstitute.Substitute.For<Mediator.IPublisher>(),
            new Notifications.OutboxDispatcher(NSubstitute.Substitute.For<Hangfire.IBackgroundJobClient>(), NullLogger<Notifications.OutboxDispatcher>.Instance),
            new Ent77.Infrastructure.Persistence.Sessions.SessionCheckCache(Microsoft.Extensions.Options.Options.Create(new Ent77.Infrastructure.Persistence.Sessions.SessionCacheOptions()), TimeProvider.System), metrics: null);
        try
        {
            var now = time.GetUtcNow();
            var establishment = Establishment.Create(Uai.Parse("0771234Y").Uai!, "Collège Les Tilleuls", "Melun", now);
            await using (var context = NewContext())
            {
                await new DatabaseInitializer(context, time, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(default);
                context.Establishments.Add(establishment);
                await context.SaveChangesAsync();
            }

            Account Person(string identifier, string externalId)
            {
                var account = Account.CreatePending(
                    Identifier.FromStored(identifier), new PersonDetails("Jean", "Dupont", Profile.Student, "6e A", new DateOnly(2013, 4, 2), externalId), establishment.Id, now);
                account.IssueActivationCode("C0DE-HASH", now, TimeSpan.FromDays(90));
                account.Grant(Role.EstablishmentAdmin, establishment.Id);
                return account;
            }

            var copied = Person("jean.dupont", "SIECLE-1");
            var tracked = Person("jean.dupont2", "SIECLE-2");
            await using (var context = NewContext())
            {
                new AccountRepository(context).AddRange([copied]); // binary COPY when the unit of work commits
                context.Accounts.Add(tracked);                      // EF Core's INSERT, in the same transaction
                await unitOfWork(context).SaveChangesAsync(default);
            }

            string[] differ = ["Id", "Identifier", "ExternalId", "ExternalIdLookup", "SecurityStamp", "Version", "AccountId"];
            foreach (var table in new[] { "Accounts", "ActivationCodes", "AccountRoles" })
            {
                var rows = await RowsAsync(name, table, differ);
                Assert.Equal(2, rows.Count);
                Assert.Equal(rows[0], rows[1]);
            }

            await using (var context = NewContext())
            {
                var loaded = await new AccountRepository(context).FindByIdentifierAsync(Identifier.FromStored("jean.dupont"), default);
                Assert.True(loaded!.LiveCode(now)!.Matches("C0DE-HASH"));
                Assert.True(loaded.IsAdministratorOf(establishment.Id));
                Assert.Equal(new DateOnly(2013, 4, 2), loaded.BirthDate);
                Assert.Equal(now, loaded.CreatedAt);
            }

            // The same identifier again, in bulk: PostgreSQL refuses it (the 409 rule) and the transaction writes nothing.
            await using (var context = NewContext())
            {
                new AccountRepository(context).AddRange([Person("jean.dupont", "SIECLE-3"), Person("jean.dupont3", "SIECLE-4")]);
                var refused = await Assert.ThrowsAsync<DbUpdateException>(() => unitOfWork(context).SaveChangesAsync(default));
                Assert.True(StorageFailures.IsUniqueViolation(refused));
            }

            Assert.Equal(2, await PostgresTestServer.ScalarAsync<long>(name, "SELECT COUNT(*) FROM \"Accounts\""));
            Assert.Equal(2, await PostgresTestServer.ScalarAsync<long>(name, "SELECT COUNT(*) FROM \"ActivationCodes\""));
        }
        finally
        {
            PostgresTestServer.DropDatabase(name);
        }
    }

    [Fact]
    public async Task OutboxClaims_RacingFromSeveralInstances_NeverTakeOneMessageTwice_AndTogetherTakeThemAll()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var name = PostgresTestServer.NewDatabaseName("infra");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        PostgreSqlEnt77DbContext NewContext() => new(new DbContextOptionsBuilder<PostgreSqlEnt77DbContext>().UseNpgsql(PostgresTestServer.ConnectionStringFor(name)).Options);
        const int messages = 600;
        try
        {
            await using (var context = NewContext())
            {
                await new DatabaseInitializer(context, time, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(default);
                for (var i = 0; i < messages; i++)
                {
                    context.Notifications.Add(Domain.Notifications.Notification.Create(
                        Domain.Notifications.NotificationChannel.Email, $"parent{i}@example.fr", "PasswordChangedMessage", "{}", null, null, time.GetUtcNow().AddMilliseconds(i)));
                }

                await context.SaveChangesAsync();
            }

            // Six "instances" claim small batches at once, each on its own connection, until nothing is due.
            using var start = new Barrier(6);
            var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                var mine = new List<Guid>();
                start.SignalAndWait();
                while (true)
                {
                    await using var context = NewContext();
                    var batch = await Notifications.OutboxClaim.ClaimDueAsync(context, time.GetUtcNow().AddSeconds(1), TimeSpan.FromMinutes(2), 7, default);
                    if (batch.Count == 0)
                    {
                        return mine;
                    }

                    mine.AddRange(batch.Select(n => n.Id));
                }
            })));

            var all = claims.SelectMany(c => c).ToList();
            Assert.Equal(messages, all.Count);
            Assert.Equal(messages, all.Distinct().Count());
            Assert.True(claims.Count(c => c.Count > 0) > 1, "one instance took every claim: no race was tested");
            Assert.Equal(messages, await PostgresTestServer.ScalarAsync<long>(name, "SELECT COUNT(*) FROM \"Notifications\" WHERE \"ClaimToken\" IS NOT NULL"));
        }
        finally
        {
            PostgresTestServer.DropDatabase(name);
        }
    }

    /// <summary>Each row of <paramref name="table"/> as JSON, without the columns that differ by design.</summary>
    private static async Task<List<string>> RowsAsync(string database, string table, string[] without)
    {
        await using var connection = new NpgsqlConnection(PostgresTestServer.ConnectionStringFor(database, pooling: false));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
        var rows = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(reader.GetString(0))!;
            rows.Add(string.Join(";", row.Where(c => !without.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value.GetRawText()}")));
        }

        return rows;
    }
}

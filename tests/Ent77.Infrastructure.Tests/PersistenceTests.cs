using Ent77.Application.Common.Exceptions;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Ent77.Infrastructure.Persistence;
using Ent77.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ent77.Infrastructure.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Account_RoundTripsWithItsValueObjectsCodesAndRoles()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var now = database.Time.GetUtcNow();
        var establishment = await AddEstablishmentAsync(database);
        var account = Account.CreatePending(Identifier.BaseFor("Hélène", "Dupont"), "Hélène", "Dupont", Profile.Parent, establishment.Id, now);
        account.IssueActivationCode("AB12", now, TimeSpan.FromDays(90));
        account.Grant(Role.EstablishmentAdmin, establishment.Id);

        await using (var context = database.NewContext())
        {
            new AccountRepository(context).Add(account);
            await database.UnitOfWork(context).SaveChangesAsync(default);
        }

        await using (var context = database.NewContext())
        {
            var loaded = await new AccountRepository(context).FindByIdentifierAsync(Identifier.FromStored("helene.dupont"), default);
            Assert.NotNull(loaded);
            Assert.Equal(account.Id, loaded.Id);
            Assert.Equal("Hélène", loaded.FirstName);
            Assert.Equal(Profile.Parent, loaded.Profile);
            Assert.Equal(AccountStatus.Pending, loaded.Status);
            Assert.Equal(now.AddDays(90), loaded.LiveCode(now)!.ExpiresAt);
            Assert.True(loaded.LiveCode(now)!.Matches("AB12"));
            Assert.True(loaded.IsAdministratorOf(establishment.Id));
        }
    }

    [Fact]
    public async Task TakenIdentifiers_FindsTheBaseAndItsNumbersOnly()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var establishment = await AddEstablishmentAsync(database);
        await using (var context = database.NewContext())
        {
            foreach (var identifier in new[] { "jean.dupont", "jean.dupont2", "jean.dupontel", "jean.dupont-martin", "jeanne.dupont" })
            {
                context.Accounts.Add(Account.CreatePending(Identifier.FromStored(identifier), "Jean", "Dupont", Profile.Student, establishment.Id, database.Time.GetUtcNow()));
            }

            await context.SaveChangesAsync();
        }

        await using (var context = database.NewContext())
        {
            var taken = await new AccountRepository(context).TakenIdentifiersAsync([Identifier.BaseFor("Jean", "Dupont")], default);
            Assert.Equal(["jean.dupont", "jean.dupont2"], taken.Order().ToArray());
        }
    }

    [Fact]
    public async Task Identifier_IsUniqueAcrossThePlatform()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var establishment = await AddEstablishmentAsync(database);
        await using var context = database.NewContext();
        context.Accounts.Add(Account.CreatePending(Identifier.FromStored("jean.dupont"), "Jean", "Dupont", Profile.Student, establishment.Id, database.Time.GetUtcNow()));
        context.Accounts.Add(Account.CreatePending(Identifier.FromStored("jean.dupont"), "Jean", "Dupont", Profile.Parent, establishment.Id, database.Time.GetUtcNow()));

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_WhenTheAggregateChangedMeanwhile_IsAConcurrencyConflict()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var establishment = await AddEstablishmentAsync(database);
        var now = database.Time.GetUtcNow();
        var account = Account.CreatePending(Identifier.FromStored("lucas.moreau"), "Lucas", "Moreau", Profile.Student, establishment.Id, now);
        await using (var context = database.NewContext())
        {
            context.Accounts.Add(account);
            await context.SaveChangesAsync();
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var one = await new AccountRepository(first).FindAsync(account.Id, default);
        var two = await new AccountRepository(second).FindAsync(account.Id, default);
        one!.Block(now);
        two!.Block(now);

        await database.UnitOfWork(first).SaveChangesAsync(default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.UnitOfWork(second).SaveChangesAsync(default));
    }

    [Fact]
    public async Task Initializer_PublishesTheTermsOnce_AndUsesWriteAheadLogging()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await using (var context = database.NewContext())
        {
            await new DatabaseInitializer(context, database.Time, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(default);
        }

        await using var check = database.NewContext();
        var terms = await check.Terms.ToListAsync();
        Assert.Single(terms);
        Assert.Equal(DatabaseInitializer.InitialTermsVersion, terms[0].Version);
        Assert.Contains("Conditions générales", terms[0].Content, StringComparison.Ordinal);
        var mode = await check.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync();
        Assert.Equal("wal", mode);
        Assert.Equal(terms[0].Version, (await new TermsRepository(check).GetCurrentAsync(default)).Version);
    }

    private static async Task<Establishment> AddEstablishmentAsync(SqliteDatabase database)
    {
        var establishment = Establishment.Create(Uai.Parse("0771234Y").Uai!, "Collège Les Tilleuls", "Melun", database.Time.GetUtcNow());
        await using var context = database.NewContext();
        context.Establishments.Add(establishment);
        await context.SaveChangesAsync();
        return establishment;
    }
}

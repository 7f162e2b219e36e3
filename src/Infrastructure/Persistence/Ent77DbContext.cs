using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments;
using Ent77.Domain.Terms;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ent77.Infrastructure.Persistence;

/// <summary>
/// The one model of the service. Provider-neutral: each provider has its own subclass only so that it
/// can carry its own migration set (<see cref="SqliteEnt77DbContext"/>, <see cref="PostgreSqlEnt77DbContext"/>,
/// <see cref="SqlServerEnt77DbContext"/>).
/// </summary>
public abstract class Ent77DbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Establishment> Establishments => Set<Establishment>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<TermsOfUse> Terms => Set<TermsOfUse>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();

    public DbSet<Domain.Support.HelpRequest> HelpRequests => Set<Domain.Support.HelpRequest>();

    /// <summary>Shadow column: the account's e-mail in lower case, for « identifiant oublié » (case ignored).</summary>
    public const string EmailLookup = "EmailLookup";

    public static string EmailLookupOf(EmailAddress email) => email.Value.ToLowerInvariant();

    /// <summary>Shadow column: the identifier without its collision number, to find every <c>jean.dupont*</c> at once.</summary>
    public const string IdentifierBase = "IdentifierBase";

    /// <summary>Shadow column: the external id in lower case (a school's ids are matched ignoring case).</summary>
    public const string ExternalIdLookup = "ExternalIdLookup";

    public static string ExternalIdLookupOf(string externalId) => externalId.Trim().ToLowerInvariant();

    /// <summary>New accounts added in bulk in this unit of work, written when it commits (<see cref="Repositories.BulkAccountWriter"/>).</summary>
    internal Repositories.PendingAccountInserts PendingAccounts { get; } = new();

    /// <summary>Audit rows added in bulk in this unit of work (one per account of an import), written when it commits.</summary>
    internal Repositories.PendingAuditInserts PendingAuditEvents { get; } = new();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<Account>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Property<string?>(EmailLookup).CurrentValue = entry.Entity.Email is { } email ? EmailLookupOf(email) : null;
            entry.Property<string>(IdentifierBase).CurrentValue = entry.Entity.Identifier.Base;
            entry.Property<string?>(ExternalIdLookup).CurrentValue = entry.Entity.ExternalId is { } externalId ? ExternalIdLookupOf(externalId) : null;
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Ent77DbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC date-times: comparable and sortable on both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<string>().AreUnicode();
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
}

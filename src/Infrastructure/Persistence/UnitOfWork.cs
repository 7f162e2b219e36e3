using Ent77.Application.Common.Events;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.Domain.Common;
using Ent77.Infrastructure.Persistence.Repositories;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence;

/// <summary>
/// One SaveChanges per command. First the domain events the aggregates raised are published (<see cref="DomainEventsRaised"/>),
/// round after round until no handler raises a new one, so that what their handlers write (audit rows, outbox messages)
/// goes into the same transaction as the change; then everything is saved at once. Accounts added in bulk
/// (<see cref="PendingAccountInserts"/>) and audit rows recorded in bulk are written in that same transaction, after the
/// tracked changes. Only after the commit are the messages handed to the job server and the audit events counted.
/// </summary>
internal sealed class UnitOfWork(
    Ent77DbContext db,
    SqliteWriteGate writeGate,
    IPublisher publisher,
    Notifications.OutboxDispatcher dispatcher,
    Sessions.SessionCheckCache sessionCache,
    Observability.Ent77Metrics? metrics)
    : IUnitOfWork
{
    /// <summary>Rounds of events after which a handler that keeps raising new ones is a bug, not a change to save.</summary>
    public const int MaxEventRounds = 10;

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        await PublishDomainEventsAsync(cancellationToken);
        var messages = db.ChangeTracker.Entries<Domain.Notifications.Notification>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.Id)
            .ToList();
        var endedSessions = db.ChangeTracker.Entries<Session>()
            .Where(e => e.State is EntityState.Deleted or EntityState.Modified)
            .Select(e => e.Entity.Id)
            .ToList();
        var revokedAccounts = db.ChangeTracker.Entries<Account>()
            .Where(e => e.State == EntityState.Deleted
                || (e.State == EntityState.Modified && (e.Property(a => a.SecurityStamp).IsModified || e.Property(a => a.Status).IsModified)))
            .Select(e => e.Entity.Id)
            .ToList();
        var bulk = db.PendingAccounts.Take();
        var bulkAudit = db.PendingAuditEvents.Take();
        var audited = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Concat(bulkAudit).ToList();
        try
        {
            using var writing = await writeGate.EnterAsync(db, cancellationToken);
            if (bulk.Count == 0 && bulkAudit.Count == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await SaveWithBulkAsync(bulk, bulkAudit, cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException(e);
        }
        catch (Exception e) when (StorageFailures.IsSerializationFailure(e))
        {
            // The database chose this transaction as the loser of a race: the same rule as an optimistic conflict.
            throw new ConcurrencyConflictException(e);
        }

        // Only now that the change is committed may its messages leave, and its events count; the sessions it ended are
        // refused by this instance from its next request (the others hear it from the database: docs/adr/0012).
        sessionCache.Revoke(endedSessions, revokedAccounts);
        dispatcher.Dispatch(messages);
        metrics?.Committed(audited);
    }

    /// <summary>
    /// Publishes what the aggregates raised, taking the events off them, then what the handlers raised in turn, until a
    /// round raises nothing.
    /// </summary>
    private async Task PublishDomainEventsAsync(CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            var events = TakeDomainEvents();
            if (events.Count == 0)
            {
                return;
            }

            if (round > MaxEventRounds)
            {
                throw new InvalidOperationException(
                    $"Domain events were still being raised after {MaxEventRounds} rounds ({string.Join(", ", events.Select(e => e.GetType().Name).Distinct())}).");
            }

            await publisher.Publish(new DomainEventsRaised(events), cancellationToken);
        }
    }

    /// <summary>The events of every aggregate of this unit of work (tracked, or waiting to be written in bulk), taken off them.</summary>
    private List<IDomainEvent> TakeDomainEvents()
    {
        // The tracker's snapshot is enough here: SaveChanges detects the changes anyway, once.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var raising = db.ChangeTracker.Entries<IAggregateRoot>().Select(e => e.Entity)
                .Concat(db.PendingAccounts.Waiting)
                .Where(a => a.DomainEvents.Count > 0)
                .ToList();
            var events = raising.SelectMany(a => a.DomainEvents).ToList();
            raising.ForEach(a => a.ClearDomainEvents());
            return events;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>Tracked changes, then the bulk rows, committed together; the tracker accepts its changes only after the commit.</summary>
    private async Task SaveWithBulkAsync(IReadOnlyList<Account> accounts, IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            if (accounts.Count > 0)
            {
                await BulkAccountWriter.InsertAsync(db, accounts, cancellationToken);
            }

            if (auditEvents.Count > 0)
            {
                await BulkAccountWriter.InsertAuditEventsAsync(db, auditEvents, cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        db.ChangeTracker.AcceptAllChanges();
    }

    public void DiscardChanges()
    {
        db.ChangeTracker.Clear();
        db.PendingAccounts.Take();
        db.PendingAuditEvents.Take();
    }
}

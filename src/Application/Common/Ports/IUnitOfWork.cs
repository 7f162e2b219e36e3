namespace Ent77.Application.Common.Ports;

/// <summary>
/// Commits everything a command changed in one transaction. Throws
/// <see cref="Exceptions.ConcurrencyConflictException"/> when an aggregate was changed meanwhile.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every pending change (before a command is run again on fresh state).</summary>
    void DiscardChanges();
}

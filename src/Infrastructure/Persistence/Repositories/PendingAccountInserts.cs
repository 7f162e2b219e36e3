using Ent77.Domain.Accounts;

namespace Ent77.Infrastructure.Persistence.Repositories;

/// <summary>
/// The new accounts of one unit of work (one DbContext) that go in bulk (a roster import: tens of thousands at
/// once). They are not tracked by EF Core; <see cref="UnitOfWork"/> writes them when it commits, in the same
/// transaction as the tracked changes and the audit row.
/// </summary>
internal sealed class PendingAccountInserts
{
    private readonly List<Account> _accounts = [];

    /// <summary>The accounts waiting (their domain events are published before they are written).</summary>
    public IReadOnlyList<Account> Waiting => _accounts;

    public void Add(IEnumerable<Account> accounts) => _accounts.AddRange(accounts);

    /// <summary>The accounts waiting, handed over once (the list is emptied).</summary>
    public List<Account> Take()
    {
        var taken = _accounts.ToList();
        _accounts.Clear();
        return taken;
    }
}

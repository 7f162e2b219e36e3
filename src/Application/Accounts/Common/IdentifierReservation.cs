using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Common;

/// <summary>The identifiers taken so far in a batch; each <see cref="Next"/> takes one more.</summary>
public sealed class IdentifierReservation(HashSet<string> taken)
{
    public Identifier Next(Identifier baseIdentifier)
    {
        ArgumentNullException.ThrowIfNull(baseIdentifier);
        var identifier = baseIdentifier.FirstFree(taken.Contains);
        taken.Add(identifier.Value);
        return identifier;
    }
}

using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Common;

/// <summary>
/// The identifiers taken so far in a batch; each <see cref="Next"/> takes one more. For each base it remembers the number
/// it last handed out: every number below it was taken then, and stays taken, so the next search starts after it (an
/// import of k people sharing a base tries about k candidates, not k²/2).
/// </summary>
public sealed class IdentifierReservation(HashSet<string> taken)
{
    private readonly Dictionary<string, int> _lastNumber = new(StringComparer.Ordinal);

    public Identifier Next(Identifier baseIdentifier)
    {
        ArgumentNullException.ThrowIfNull(baseIdentifier);
        var identifier = baseIdentifier.FirstFree(taken.Contains, _lastNumber.GetValueOrDefault(baseIdentifier.Value), out var number);
        taken.Add(identifier.Value);
        _lastNumber[baseIdentifier.Value] = number;
        return identifier;
    }
}

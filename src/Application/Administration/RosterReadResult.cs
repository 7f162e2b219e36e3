namespace Ent77.Application.Administration;

/// <summary>Every row of a roster, or every problem it has (then no row is to be used).</summary>
public sealed record RosterReadResult(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

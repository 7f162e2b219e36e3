namespace Ent77.Infrastructure.Administration;

/// <summary>
/// Protection against CSV (formula) injection for every CSV the product writes: a cell that a spreadsheet
/// could read as a formula — it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return — is prefixed with a single quote, so it is shown as text and never evaluated.
/// </summary>
public static class CsvSafety
{
    /// <summary>The first characters that make a spreadsheet treat a cell as a formula.</summary>
    public static IReadOnlyList<char> DangerousFirstCharacters { get; } = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The cell as it is safe to write: <c>null</c> becomes empty, a dangerous cell gets a leading <c>'</c>.</summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return string.Empty;
        }

        return cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
    }
}

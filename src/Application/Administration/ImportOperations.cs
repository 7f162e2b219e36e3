namespace Ent77.Application.Administration;

/// <summary>
/// What an import does to each person it lists (<see cref="IssuedCodeDto.Operation"/>, docs/IMPORTS.md "The preview"):
/// the answer's counts <c>created</c>, <c>updated</c>, <c>left</c> and <c>unchanged</c> are the numbers of rows of each.
/// </summary>
public static class ImportOperations
{
    /// <summary>A new account, with a code (none on a dry run).</summary>
    public const string Created = "created";

    /// <summary>A known account whose names, class, children or status change (a leaver back is one).</summary>
    public const string Updated = "updated";

    /// <summary>A known account, alike.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>An account the synchronisation blocks because the person left: no code, no letter, no row in the codes file.</summary>
    public const string Left = "left";
}

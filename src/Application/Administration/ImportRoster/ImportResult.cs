namespace Ent77.Application.Administration.ImportRoster;

/// <summary>
/// What an import did (or, on a dry run, would do). Codes appear once, here, and never again. <paramref name="Updated"/>
/// counts the people already known whose account changed (or came back), <paramref name="Unchanged"/> those already
/// known and alike; <paramref name="Left"/> the accounts a synchronisation blocked because the person left.
/// </summary>
public sealed record ImportResult(
    int Created, int Updated, int Left, int Unchanged, bool DryRun, CodeBatch Batch, IReadOnlyList<ImportWarning> Warnings);

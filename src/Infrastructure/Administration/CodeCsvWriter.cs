using CsvHelper;
using Ent77.Application.Administration;

namespace Ent77.Infrastructure.Administration;

/// <summary>
/// The issued codes as a CSV for spreadsheets: UTF-8 with BOM (so Excel reads the accents), <c>;</c> as
/// delimiter, one row per account, French profile names, expiry <c>dd/MM/yyyy</c> in Paris time, and every
/// cell neutralised against formula injection (<see cref="CsvSafety"/>). Rows are streamed to the output with
/// asynchronous writes only (an ASP.NET Core response body refuses synchronous I/O).
/// </summary>
public sealed class CodeCsvWriter : ICodeCsvWriter
{
    public static readonly IReadOnlyList<string> Header =
        ["Identifiant", "Code d'activation", "Nom", "Prénom", "Classe", "Profil", "Expire le"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.None, // done by CsvSafety, on every cell, so every export behaves the same
    };

    public async Task WriteAsync(CodeBatch batch, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(output);

        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        await csv.EndRecordAsync(cancellationToken);
        foreach (var account in batch.HandedOut)
        {
            csv.WriteField(CsvSafety.Neutralise(account.Identifier));
            csv.WriteField(CsvSafety.Neutralise(account.ActivationCode));
            csv.WriteField(CsvSafety.Neutralise(account.LastName));
            csv.WriteField(CsvSafety.Neutralise(account.FirstName));
            csv.WriteField(CsvSafety.Neutralise(account.ClassName));
            csv.WriteField(CsvSafety.Neutralise(FrenchLabels.Profile(account.Profile)));
            csv.WriteField(CsvSafety.Neutralise(account.ExpiresAt is { } expiresAt ? FrenchLabels.Date(expiresAt) : null));
            await csv.EndRecordAsync(cancellationToken); // writes the buffer out, asynchronously, when it is mostly full
        }

        await csv.FlushAsync(cancellationToken);
    }
}

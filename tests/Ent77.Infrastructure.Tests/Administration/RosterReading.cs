using System.Text;
using Ent77.Application.Administration;
using Ent77.Domain.Common;
using Ent77.Infrastructure.Administration;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>
/// What the roster reader tests share: a reader with its limits, followed by the rows' validator as an import runs them,
/// encodings, a French header and an accented roster.
/// </summary>
internal static class RosterReading
{
    public const string FrenchHeader = "Nom;Prénom;Profil;Classe;Date de naissance;Identifiant externe";

    public static readonly Encoding Windows1252 = LoadWindows1252();
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static CheckedRosterReader Reader(int maxBytes = 32 * 1024 * 1024, int maxRows = 200_000) =>
        new(new CsvRosterReader(Options.Create(new RosterOptions { MaxBytes = maxBytes, MaxRows = maxRows })));

    public static Task<RosterReadResult> ReadAsync(byte[] bytes, CheckedRosterReader? reader = null) =>
        (reader ?? Reader()).ReadAsync(new MemoryStream(bytes, writable: false), TestContext.Current.CancellationToken);

    public static Task<RosterReadResult> ReadAsync(string text, CheckedRosterReader? reader = null) =>
        ReadAsync(Utf8NoBom.GetBytes(text), reader);

    public static byte[] Utf8WithBom(string text) => [.. "\uFEFF"u8, .. Utf8NoBom.GetBytes(text)];

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>The only error of a result that has no row.</summary>
    public static RosterError SingleError(RosterReadResult result)
    {
        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        return Assert.Single(result.Errors);
    }

    public static void AssertValid(RosterReadResult result)
    {
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
    }

    public static string AccentedRoster(string separator) =>
        string.Join(separator, "Nom", "Prénom", "Profil", "Classe", "Date de naissance", "Identifiant externe") + "\r\n"
        + string.Join(separator, "Dupont", "Hélène", "Élève", "6e A", "05/03/2012", "") + "\r\n"
        + string.Join(separator, "Lefèvre", "Françoise", "Enseignant", "", "", "") + "\r\n"
        + string.Join(separator, "Cœur", "Nœl", "Responsable légal", "", "", "RL-0042") + "\r\n"
        + string.Join(separator, "N'Diaye", "Zoé", "Personnel", "", "", "") + "\r\n";

    /// <summary>The reader, then <see cref="RosterValidator"/> with today in Paris: what an import does with a file.</summary>
    internal sealed class CheckedRosterReader(CsvRosterReader reader)
    {
        public async Task<RosterReadResult> ReadAsync(Stream csv, CancellationToken cancellationToken) =>
            RosterValidator.Validate(await reader.ReadAsync(csv, cancellationToken), SchoolCalendar.DayOf(DateTimeOffset.UtcNow));
    }
}

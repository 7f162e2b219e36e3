using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using static Ent77.Infrastructure.Tests.Administration.RosterReading;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>Reading a roster: a hundred thousand rows are read quickly.</summary>
public sealed class RosterReaderVolumeTests
{
    [Fact]
    public async Task AHundredThousandRows_AreReadQuickly()
    {
        const int count = 100_000;
        string[] profiles = ["Élève", "Parent", "Enseignant", "Personnel"];
        var builder = new StringBuilder(count * 64).Append(FrenchHeader).Append("\r\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"Lefèvre-{i};Hélène;{profiles[i % 4]};{i % 7}e {(char)('A' + i % 5)};{1 + i % 28:00}/{1 + i % 12:00}/{2000 + i % 20};EXT-{i}\r\n");
        }

        var bytes = Utf8WithBom(builder.ToString());
        await ReadAsync("Nom;Prénom;Profil\nDupont;Jean;Élève\n"); // warm-up: JIT and static tables

        var stopwatch = Stopwatch.StartNew();
        var result = await ReadAsync(bytes);
        stopwatch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"{count:N0} rows ({bytes.Length:N0} bytes) read in {stopwatch.ElapsedMilliseconds} ms");
        AssertValid(result);
        Assert.Equal(count, result.Rows.Count);
        Assert.Equal(new RosterRow(2, "Lefèvre-0", "Hélène", Profile.Student, "0e A", new DateOnly(2000, 1, 1), "EXT-0"), result.Rows[0]);
        Assert.Equal(new RosterRow(50_001, "Lefèvre-49999", "Hélène", Profile.Staff, "5e E", new DateOnly(2019, 8, 20), "EXT-49999"), result.Rows[49_999]);
        Assert.Equal(new RosterRow(100_001, "Lefèvre-99999", "Hélène", Profile.Staff, "4e E", new DateOnly(2019, 4, 12), "EXT-99999"), result.Rows[^1]);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed}");
    }
}

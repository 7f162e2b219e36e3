using System.Globalization;
using static Ent77.Infrastructure.Tests.Administration.RosterReading;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>Reading a roster: birth dates (formats, impossible, future or too old dates).</summary>
public sealed class RosterReaderBirthDateTests
{
    [Theory]
    [InlineData("05/03/2012")]
    [InlineData("5/3/2012")]
    [InlineData("2012-03-05")]
    [InlineData("05-03-2012")]
    [InlineData("05.03.2012")]
    [InlineData(" 05/03/2012 ")]
    public async Task BirthDates_AreReadInTheUsualFormats(string text)
    {
        var result = await ReadAsync($"Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;{text}\n");

        AssertValid(result);
        Assert.Equal(new DateOnly(2012, 3, 5), Assert.Single(result.Rows).BirthDate);
    }

    [Theory]
    [InlineData("31/02/2012")]
    [InlineData("hier")]
    [InlineData("2012-13-01")]
    [InlineData("03/2012")]
    [InlineData("05/03/12")]
    [InlineData("05/03/2012 10:00")]
    [InlineData("un très long texte qui n'est manifestement pas une date du tout")]
    public async Task ABadBirthDate_IsAnError(string text)
    {
        var error = SingleError(await ReadAsync($"Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;{text}\n"));

        Assert.Equal((2, "Date de naissance"), (error.LineNumber, error.Column));
        Assert.Contains("invalide", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFutureBirthDate_IsAnError()
    {
        var soon = DateTime.UtcNow.AddDays(3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var result = await ReadAsync($"Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;{soon}\nDurand;Paul;Élève;2999-01-01\n");

        Assert.Empty(result.Rows);
        Assert.Equal([(2, "Date de naissance"), (3, "Date de naissance")], result.Errors.Select(e => (e.LineNumber, e.Column)));
        Assert.All(result.Errors, e => Assert.Contains("futur", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABirthDateBefore1900_IsAnError_And1900IsAccepted()
    {
        var result = await ReadAsync("Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;31/12/1899\nDurand;Paul;Élève;01/01/1900\n");

        var error = SingleError(result);
        Assert.Equal((2, "Date de naissance"), (error.LineNumber, error.Column));
        Assert.Contains("1900", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TodayIsNotInTheFuture()
    {
        // Yesterday in UTC is today or yesterday in Paris: never in the future.
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        AssertValid(await ReadAsync($"Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;{yesterday}\n"));
    }
}

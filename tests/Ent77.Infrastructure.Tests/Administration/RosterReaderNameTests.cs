using static Ent77.Infrastructure.Tests.Administration.RosterReading;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>Reading a roster: last and first names (trimmed, composed, limited, able to make an identifier).</summary>
public sealed class RosterReaderNameTests
{
    [Fact]
    public async Task AnEmptyLastName_IsAnError()
    {
        var error = SingleError(await ReadAsync("Nom;Prénom;Profil\nDupont;Jean;Élève\n  ;Paul;Élève\n"));

        Assert.Equal((3, "Nom"), (error.LineNumber, error.Column));
        Assert.Contains("obligatoire", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFirstNameCell_IsAnError()
    {
        var error = SingleError(await ReadAsync("Nom;Profil;Prénom\nDupont;Élève\n"));

        Assert.Equal((2, "Prénom"), (error.LineNumber, error.Column));
        Assert.Contains("obligatoire", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'''")]
    [InlineData("---")]
    [InlineData("李")]
    [InlineData("?!")]
    public async Task ALastNameThatYieldsNoIdentifier_IsAnError(string lastName)
    {
        var error = SingleError(await ReadAsync($"Nom;Prénom;Profil\n{lastName};Jean;Élève\n"));

        Assert.Equal((2, "Nom"), (error.LineNumber, error.Column));
        Assert.Contains("aucune lettre utilisable", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFirstNameThatYieldsNoIdentifier_IsAnError()
    {
        var error = SingleError(await ReadAsync("Nom;Prénom;Profil\nDupont;' - ';Élève\n"));

        Assert.Equal((2, "Prénom"), (error.LineNumber, error.Column));
        Assert.Contains("aucune lettre utilisable", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesWithOnlyNonAsciiLetters_AreAccepted()
    {
        var result = await ReadAsync("Nom;Prénom;Profil\nÉÂ;Œ;Élève\n");

        AssertValid(result);
        Assert.Equal(("ÉÂ", "Œ"), (result.Rows[0].LastName, result.Rows[0].FirstName));
    }

    [Fact]
    public async Task Names_AreTrimmedAndComposed()
    {
        // "He\u0301le\u0300ne" is how some Mac exports spell Hélène (decomposed accents).
        var result = await ReadAsync("Nom;Prénom;Profil\n\u00A0Dupont ;He\u0301le\u0300ne;Élève\n");

        AssertValid(result);
        Assert.Equal(("Dupont", "Hélène"), (result.Rows[0].LastName, result.Rows[0].FirstName));
    }

    [Fact]
    public async Task Lengths_AreLimited()
    {
        var okName = new string('a', 100);
        var csv = FrenchHeader + "\n"
            + $"{okName};{okName};Élève;{new string('c', 50)};;{new string('x', 64)}\n"
            + $"{okName}b;{okName}b;Élève;{new string('c', 51)};;{new string('x', 65)}\n";

        var result = await ReadAsync(csv);

        Assert.Empty(result.Rows);
        Assert.Equal(
            [(3, "Nom"), (3, "Prénom"), (3, "Classe"), (3, "Identifiant externe")],
            result.Errors.Select(e => (e.LineNumber, e.Column)));
        Assert.All(result.Errors, e => Assert.Contains("dépasse", e.Reason, StringComparison.Ordinal));
    }
}

using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using static Ent77.Infrastructure.Tests.Administration.RosterReading;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>Reading a roster: header names in French or English, spelled loosely, in any order; missing or repeated columns.</summary>
public sealed class RosterReaderHeaderTests
{
    [Fact]
    public async Task EnglishHeaders_AndEnglishProfiles_AreRead()
    {
        const string csv =
            "LastName,FirstName,Profile,ClassName,BirthDate,ExternalId\n"
            + "Smith,John,Student,5e B,2011-09-30,S-1\n"
            + "Doe,Jane,teacher,,,\n"
            + "Roe,Rick,STAFF,,,\n";

        var result = await ReadAsync(csv);

        AssertValid(result);
        Assert.Equal(
            [
                new RosterRow(2, "Smith", "John", Profile.Student, "5e B", new DateOnly(2011, 9, 30), "S-1"),
                new RosterRow(3, "Doe", "Jane", Profile.Teacher, null, null, null),
                new RosterRow(4, "Roe", "Rick", Profile.Staff, null, null, null),
            ],
            result.Rows);
    }

    [Theory]
    [InlineData("NOM DE FAMILLE;prenom;PROFIL;classe;date_de_naissance;Identifiant-Externe;Commentaire")]
    [InlineData("surname;First_Name;profile;CLASS;Date Of Birth;external id;")]
    [InlineData("Last-Name;PRÉNOM;Profil ;Class Name;birth_date;ID EXTERNE;Autre")]
    [InlineData("nom;Prénom;profil;classe;DATE DE NAISSANCE;identifiant externe;x")]
    public async Task Headers_MatchIgnoringCaseAccentsSpacesHyphensAndUnderscores_AndExtraColumnsAreIgnored(string header)
    {
        var result = await ReadAsync(header + "\nDupont;Hélène;élève;6e A;05/03/2012;X-1;ignoré\n");

        AssertValid(result);
        Assert.Equal([new RosterRow(2, "Dupont", "Hélène", Profile.Student, "6e A", new DateOnly(2012, 3, 5), "X-1")], result.Rows);
    }

    [Fact]
    public async Task Columns_MayComeInAnyOrder()
    {
        var result = await ReadAsync("Profil;Classe;Prénom;Nom\nEnseignant;;Paul;Martin\n");

        AssertValid(result);
        Assert.Equal([new RosterRow(2, "Martin", "Paul", Profile.Teacher, null, null, null)], result.Rows);
    }

    [Fact]
    public async Task AMissingRequiredColumn_IsOneErrorOnLine1NamingIt()
    {
        var result = await ReadAsync("Nom;Profil;Classe\nDupont;Élève;6e A\n");

        var error = SingleError(result);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal("Prénom", error.Column);
        Assert.Contains("« Prénom »", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryMissingRequiredColumn_IsReported()
    {
        var result = await ReadAsync("Identifiant;Classe\nx;6e A\n");

        Assert.Empty(result.Rows);
        Assert.Equal(
            [(1, "Nom"), (1, "Prénom"), (1, "Profil")],
            result.Errors.Select(e => (e.LineNumber, e.Column)));
    }

    [Fact]
    public async Task AColumnNamedTwice_IsAnError()
    {
        var result = await ReadAsync("Nom;Prénom;Profil;Nom de famille\nDupont;Jean;Élève;Durand\n");

        var error = SingleError(result);
        Assert.Equal((1, "Nom"), (error.LineNumber, error.Column));
        Assert.Contains("deux fois", error.Reason, StringComparison.Ordinal);
    }
}

using Ent77.Domain.Accounts;
using static Ent77.Infrastructure.Tests.Administration.RosterReading;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>Reading a roster: the profile column.</summary>
public sealed class RosterReaderProfileTests
{
    [Theory]
    [InlineData("Élève", Profile.Student)]
    [InlineData("ELEVE", Profile.Student)]
    [InlineData("élève", Profile.Student)]
    [InlineData("Student", Profile.Student)]
    [InlineData("Parent", Profile.Parent)]
    [InlineData("Responsable", Profile.Parent)]
    [InlineData("Responsable légal", Profile.Parent)]
    [InlineData("RESPONSABLE LEGAL", Profile.Parent)]
    [InlineData("responsable-legal", Profile.Parent)]
    [InlineData("Enseignant", Profile.Teacher)]
    [InlineData("professeur", Profile.Teacher)]
    [InlineData("Teacher", Profile.Teacher)]
    [InlineData("Personnel", Profile.Staff)]
    [InlineData("staff", Profile.Staff)]
    public async Task Profiles_AreReadInFrenchOrEnglish_IgnoringCaseAndAccents(string text, Profile expected)
    {
        var result = await ReadAsync($"Nom;Prénom;Profil\nDupont;Jean;{text}\n");

        AssertValid(result);
        Assert.Equal(expected, Assert.Single(result.Rows).Profile);
    }

    [Fact]
    public async Task AnUnknownProfile_IsAnErrorListingTheAcceptedValues()
    {
        var result = await ReadAsync("Nom;Prénom;Profil\nDupont;Jean;Élève\nDurand;Paul;Directeur\n");

        var error = SingleError(result);
        Assert.Equal((3, "Profil"), (error.LineNumber, error.Column));
        Assert.Contains("« Directeur »", error.Reason, StringComparison.Ordinal);
        foreach (var accepted in new[] { "Élève", "Parent", "Enseignant", "Personnel" })
        {
            Assert.Contains(accepted, error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnEmptyProfile_IsAnError()
    {
        var error = SingleError(await ReadAsync("Nom;Prénom;Profil\nDupont;Jean;  \n"));

        Assert.Equal((2, "Profil"), (error.LineNumber, error.Column));
        Assert.Contains("obligatoire", error.Reason, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ent77.FunctionalTests;

/// <summary>Two schools importing the same names at the same moment: never a 500, never a duplicate identifier.</summary>
public sealed class AdministrationParallelImportTests : FunctionalTest
{
    [Fact]
    public async Task ParallelImportsWithOverlappingNames_SucceedOrAsk409_NeverA500()
    {
        var other = AdminHelpers.UaiFor("0770002");
        var one = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var two = await Factory.SignInAdministratorAsync(other, "Paul", "Girard");
        var csv = new StringBuilder("Nom;Prénom;Profil\n");
        for (var i = 0; i < 200; i++)
        {
            csv.Append("Dupont;Jean;Élève\nMartin;Zoé;Élève\n");
        }

        var answers = await Task.WhenAll(
            one.Client.ImportAsync(Ent77Factory.Uai, csv.ToString()),
            two.Client.ImportAsync(other, csv.ToString()),
            one.Client.ImportAsync(Ent77Factory.Uai, csv.ToString()));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        var identifiers = await Factory.WithDbAsync(db => db.Accounts.Select(a => a.Identifier).ToListAsync());
        Assert.Equal(identifiers.Count, identifiers.Distinct().Count());
        Assert.Equal(400 * answers.Count(a => a.StatusCode == HttpStatusCode.OK) + 2, identifiers.Count);
    }
}

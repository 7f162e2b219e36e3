using static Ent77.Infrastructure.Tests.Administration.RosterReading;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>Reading a roster: external ids are unique within the file.</summary>
public sealed class RosterReaderExternalIdTests
{
    [Fact]
    public async Task ADuplicateExternalId_IsAnErrorOnTheLaterLine_NamingTheEarlierOne()
    {
        const string csv = "Nom;Prénom;Profil;Identifiant externe\n"
            + "Dupont;Jean;Élève;abc-1\n"
            + "Durand;Paul;Élève;xyz\n"
            + "Martin;Léa;Élève;ABC-1\n"
            + "Petit;Tom;Élève;\n"
            + "Roux;Zoé;Élève;\n";

        var error = SingleError(await ReadAsync(csv));

        Assert.Equal((4, "Identifiant externe"), (error.LineNumber, error.Column));
        Assert.Contains("ligne 2", error.Reason, StringComparison.Ordinal);
    }
}

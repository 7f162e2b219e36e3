using System.Diagnostics;
using System.Net;
using System.Text;
using Ent77.Application.Common.Ports;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>A whole school at once: 5,000 people, every identifier unique, every printed code the live one.</summary>
public sealed class AdministrationBulkImportTests : FunctionalTest
{
    private static readonly string[] FirstNames =
    [
        "Jean", "Marie", "Louis", "Léa", "Hugo", "Chloé", "Lucas", "Inès", "Nathan", "Manon", "Théo", "Zoé", "Jules", "Camille",
        "Gabriel", "Sarah", "Raphaël", "Jade", "Arthur", "Louise", "Adam", "Emma", "Noah", "Alice", "Paul",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
        "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre",
        "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "N'Diaye", "Le Gall", "Nœl", "Müller", "Da Silva",
        "Perrin", "Morin", "Mathieu", "Clément", "Gauthier",
    ];

    [Fact]
    public async Task FiveThousandRows_AllCreated_UniqueIdentifiers_EveryCodeWorks()
    {
        const int count = 5_000;
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        string[] profiles = ["Élève", "Élève", "Élève", "Parent", "Parent", "Enseignant", "Personnel"];
        var csv = new StringBuilder(AdminHelpers.RosterHeader).Append("\r\n");
        for (var i = 0; i < count; i++)
        {
            // 25 × 40 names for 5,000 people: every name comes back five times, and « Lefèbvre »/« Lefèvre » share a base.
            csv.Append(AdminHelpers.Row(LastNames[i / FirstNames.Length % LastNames.Length], FirstNames[i % FirstNames.Length], profiles[i % profiles.Length],
                $"{6 - (i % 4)}e {(char)('A' + (i % 5))}", $"{1 + (i % 28):00}/{1 + (i % 12):00}/{2008 + (i % 8)}", $"INE{i:000000}")).Append("\r\n");
        }

        var clock = Stopwatch.StartNew();
        var import = await admin.Client.ImportOkAsync(Ent77Factory.Uai, csv.ToString());
        var importTime = clock.Elapsed;

        Assert.Equal((count, 0), (import.Created, import.Updated));
        Assert.Equal(count, import.Accounts.Count);
        Assert.Equal(count, import.Accounts.Select(a => a.Identifier).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(count, import.Accounts.Select(a => a.ActivationCode).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(import.Accounts, a => a.Identifier == "jean.martin5");

        var stored = await Factory.LoadAccountsAsync(Ent77Factory.Uai);
        Assert.Equal(count + 1, stored.Count); // and the administrator
        var hasher = Factory.Services.GetRequiredService<IActivationCodeHasher>();
        var wrong = import.Accounts
            .Where(a => !stored.TryGetValue(a.Id, out var account) || account.Identifier.Value != a.Identifier || !Factory.IsLiveCodeOf(account, a.ActivationCode, hasher))
            .Select(a => a.Identifier)
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} codes do not match their account, e.g. {string.Join(", ", wrong.Take(5))}");

        foreach (var index in new[] { 0, count / 2, count - 1 })
        {
            var person = import.Accounts[index];
            var client = Factory.CreateApiClient();
            Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync(person.Identifier, person.ActivationCode!));
            await client.ActivateAsync(person.Identifier, person.ActivationCode!);
        }

        var stats = await admin.Client.GetOkAsync<ActivationStats>($"/api/admin/establishments/{Ent77Factory.Uai}/activation-stats");
        Assert.Equal((count + 1, 4), (stats.Overall.Total, stats.Overall.Active));
        Assert.True(importTime < TimeSpan.FromSeconds(15), $"The import took {importTime}.");
    }
}

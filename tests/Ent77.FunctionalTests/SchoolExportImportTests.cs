using System.Net;
using System.Text;
using System.Text.Json;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.TestSupport.SchoolExports;
using Microsoft.Extensions.DependencyInjection;
using static Ent77.FunctionalTests.Infrastructure.SchoolExportFiles;

namespace Ent77.FunctionalTests;

/// <summary>
/// SIECLE and STS-Web imports (docs/IMPORTS.md): the sample files, a generated collège end to end, dry runs, families,
/// and the annual synchronisation (updates, newcomers, leavers, returns; CSV accounts and administrators untouched).
/// </summary>
public sealed class SchoolExportImportTests : FunctionalTest
{
    private const string Uai = Ent77Factory.Uai;

    [Fact]
    public async Task TheThreeSamples_CreateTheStudentHerTwoParentsAndTheStaff()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");

        var answer = await admin.ImportExportsOkAsync(Uai, null,
            Sample("ElevesSansAdresses.xml"), Sample("ResponsablesAvecAdresses.xml"), Sample("sts_emp_0771234Y_2026.xml"));

        Assert.Equal((6, 0, 0, 0), (answer.Created, answer.Updated, answer.Left, answer.Unchanged));
        Assert.Equal(
            [("zoe.martin", Profile.Student, "5A"), ("claire.martin", Profile.Parent, null), ("paul.martin", Profile.Parent, null),
             ("isabelle.bernard", Profile.Teacher, null), ("alain.roux", Profile.Staff, null), ("melanie.dupuis", Profile.Staff, null)],
            answer.Accounts.Select(a => (a.Identifier, a.Profile, a.ClassName)).ToList<(string, Profile, string?)>());
        Assert.All(answer.Accounts, a => Assert.NotNull(a.ActivationCode));
        Assert.Empty(answer.Warnings!);

        var stored = await Factory.LoadAccountsAsync(Uai);
        var zoe = stored.Values.Single(a => a.Identifier.Value == "zoe.martin");
        Assert.Equal("siecle:eleve:145778", zoe.ExternalId);
        var parents = stored.Values.Where(a => a.Profile == Profile.Parent).ToList();
        Assert.Equal(2, parents.Count);
        Assert.All(parents, p => Assert.Equal([zoe.Id], p.Children.Select(c => c.ChildId)));
    }

    [Fact]
    public async Task ADryRun_SaysWhatWouldBeDoneAndWritesNothing()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        var before = await Factory.CountStoredAsync();

        var answer = await admin.ImportExportsOkAsync(Uai, "dryRun=true",
            Sample("ElevesSansAdresses.xml"), Sample("ResponsablesAvecAdresses.xml"), Sample("sts_emp_0771234Y_2026.xml"));

        Assert.True(answer.DryRun);
        Assert.Equal(6, answer.Created);
        Assert.All(answer.Accounts, a => Assert.Null(a.ActivationCode));
        Assert.Equal(before, await Factory.CountStoredAsync());
    }

    [Fact]
    public async Task TheGeneratedCollege_ImportsWhole_WithItsFamilies()
    {
        var export = CollegeExportGenerator.Generate(new CollegeExportOptions());
        var facts = export.Facts;
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");

        var answer = await admin.ImportExportsOkAsync(Uai, null, ("export.zip", export.ToZip()));

        Assert.Equal(facts.ActiveStudents + facts.Parents + facts.Staff, answer.Created);
        Assert.Equal((0, 0, 0), (answer.Updated, answer.Left, answer.Unchanged));
        var stored = (await Factory.LoadAccountsAsync(Uai)).Values.Where(a => a.ExternalId is not null).ToList();
        Assert.Equal(facts.ActiveStudents, stored.Count(a => a.Profile == Profile.Student));
        Assert.Equal(facts.Parents, stored.Count(a => a.Profile == Profile.Parent));
        Assert.Equal(facts.Teachers, stored.Count(a => a.Profile == Profile.Teacher));
        Assert.Equal(facts.OtherStaff, stored.Count(a => a.Profile == Profile.Staff));
        Assert.Equal(facts.ParentsWithSeveralChildren, stored.Count(a => a.Profile == Profile.Parent && a.Children.Count > 1));
        Assert.DoesNotContain(stored, a => a.Profile == Profile.Parent && a.Children.Count == 0);
        var students = stored.Where(a => a.Profile == Profile.Student).Select(a => a.Id).ToHashSet();
        Assert.All(stored.SelectMany(a => a.Children), l => Assert.Contains(l.ChildId, students));

        // The same export again changes nothing.
        var again = await admin.ImportExportsOkAsync(Uai, null, ("export.zip", export.ToZip()));
        Assert.Equal((0, 0, 0, answer.Created), (again.Created, again.Updated, again.Left, again.Unchanged));
    }

    [Fact]
    public async Task ANewerExport_Synchronises_AndLeavesCsvAccountsAndAdministratorsAlone()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        var csv = await admin.ImportOkAsync(Uai, AdminHelpers.Roster(AdminHelpers.Row("Vidal", "Rose", "Élève", "6A", externalId: "ent-1")));
        await admin.ImportExportsOkAsync(Uai, null,
            Students(Uai, ("1", "MARTIN", "Zoé", "6A", null), ("2", "MARTIN", "Hugo", "4B", null), ("3", "ROUX", "Léo", "5C", null), ("4", "BLANC", "Inès", "3D", null)),
            Guardians(Uai, [("10", "MARTIN", "Claire"), ("11", "ROUX", "Anne"), ("12", "BLANC", "Marc")], ("1", "10"), ("2", "10"), ("3", "11"), ("4", "12")));

        // A year later: Zoé moves up, Hugo has left (DATE_SORTIE), Léo is gone from the file, Inès is unchanged, Lou arrives;
        // Anne Roux (Léo's mother) is gone from the file, Claire keeps Zoé only, Marc is unchanged, Lou's father arrives.
        var newer = await admin.ImportExportsOkAsync(Uai, null,
            Students(Uai, ("1", "MARTIN", "Zoé", "5A", null), ("2", "MARTIN", "Hugo", "4B", "30/06/2026"), ("4", "BLANC", "Inès", "3D", null), ("5", "NOËL", "Lou", "6B", null)),
            Guardians(Uai, [("10", "MARTIN", "Claire"), ("12", "BLANC", "Marc"), ("13", "NOËL", "Éric")], ("1", "10"), ("2", "10"), ("4", "12"), ("5", "13")));

        Assert.Equal((2, 2, 3, 2), (newer.Created, newer.Updated, newer.Left, newer.Unchanged));
        var stored = (await Factory.LoadAccountsAsync(Uai)).Values.ToDictionary(a => a.ExternalId ?? a.Identifier.Value);
        Assert.Equal("5A", stored["siecle:eleve:1"].ClassName);
        Assert.Equal([stored["siecle:eleve:1"].Id], stored["siecle:personne:10"].Children.Select(c => c.ChildId));
        foreach (var leaver in new[] { "siecle:eleve:2", "siecle:eleve:3", "siecle:personne:11" })
        {
            Assert.Equal((AccountStatus.Blocked, BlockReasons.LeftSchool), (stored[leaver].Status, stored[leaver].BlockedReason));
            Assert.Null(stored[leaver].LiveCode(Factory.Time.GetUtcNow()));
        }

        Assert.Equal(AccountStatus.Pending, stored["ent-1"].Status);
        Assert.Equal(AccountStatus.Active, stored[admin.Identifier].Status);
        Assert.Equal(csv.Accounts[0].Id, stored["ent-1"].Id.Value);

        // One audit row per account blocked, with the reason.
        var audit = await admin.Client.GetOkAsync<List<JsonElement>>($"/api/admin/establishments/{Uai}/audit");
        Assert.Equal(3, audit.Count(e => e.GetProperty("type").GetString() == "account.blocked"
            && e.GetProperty("details").GetString() == BlockReasons.LeftSchool));

        // Léo comes back: unblocked, with a new code (he had never activated); his mother Anne, still linked to him, with him.
        var back = await admin.ImportExportsOkAsync(Uai, null,
            Students(Uai, ("1", "MARTIN", "Zoé", "5A", null), ("3", "ROUX", "Léo", "4C", null), ("4", "BLANC", "Inès", "3D", null), ("5", "NOËL", "Lou", "6B", null)));
        Assert.Equal((0, 2, 0, 3), (back.Created, back.Updated, back.Left, back.Unchanged));
        var leo = Assert.Single(back.Accounts, a => a.Identifier == "leo.roux");
        Assert.NotNull(leo.ActivationCode);
        var anne = Assert.Single(back.Accounts, a => a.Identifier == "anne.roux");
        Assert.NotNull(anne.ActivationCode);
        var hugo = (await Factory.LoadAccountsAsync(Uai)).Values.Single(a => a.ExternalId == "siecle:eleve:2");
        Assert.Equal(AccountStatus.Blocked, hugo.Status);
    }

    /// <summary>
    /// The preview says, person by person, what the import does (docs/IMPORTS.md "The preview"): each of the four kinds,
    /// the leavers listed too (without a code), a parent with its children; the dry run and the import say the same, the
    /// counts are the numbers of rows of each operation, and the codes file has no row for a leaver.
    /// </summary>
    [Fact]
    public async Task ASynchronisation_ListsEachPersonWithItsOperation_AndEachParentWithItsChildren()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        await admin.ImportExportsOkAsync(Uai, null,
            Students(Uai, ("1", "MARTIN", "Zoé", "6A", null), ("2", "MARTIN", "Hugo", "4B", null), ("3", "ROUX", "Léo", "5C", null), ("4", "BLANC", "Inès", "3D", null)),
            Guardians(Uai, [("10", "MARTIN", "Claire"), ("11", "ROUX", "Anne"), ("12", "BLANC", "Marc")], ("1", "10"), ("2", "10"), ("3", "11"), ("4", "12")));
        (string Name, byte[] Content)[] newer =
        [
            Students(Uai, ("1", "MARTIN", "Zoé", "5A", null), ("2", "MARTIN", "Hugo", "4B", "30/06/2026"), ("4", "BLANC", "Inès", "3D", null), ("5", "NOËL", "Lou", "6B", null)),
            Guardians(Uai, [("10", "MARTIN", "Claire"), ("12", "BLANC", "Marc"), ("13", "NOËL", "Éric")], ("1", "10"), ("2", "10"), ("4", "12"), ("5", "13")),
        ];
        var expected = new Dictionary<string, string>
        {
            ["lou.noel"] = "created", ["eric.noel"] = "created", ["zoe.martin"] = "updated", ["claire.martin"] = "updated",
            ["hugo.martin"] = "left", ["leo.roux"] = "left", ["anne.roux"] = "left", ["ines.blanc"] = "unchanged", ["marc.blanc"] = "unchanged",
        };

        var dryRun = await admin.ImportExportsOkAsync(Uai, "dryRun=true", newer);
        var codesFile = await admin.Client.ImportExportsAsync(Uai, "dryRun=true&format=csv", newer);
        var result = await admin.ImportExportsOkAsync(Uai, null, newer);

        foreach (var answer in new[] { dryRun, result })
        {
            Assert.Equal(expected, answer.Accounts.ToDictionary(a => a.Identifier, a => a.Operation!));
            Assert.Equal((2, 2, 3, 2), (answer.Created, answer.Updated, answer.Left, answer.Unchanged));
            Assert.All(answer.Accounts.Where(a => a.Operation == "left"), a => Assert.Null(a.ActivationCode));
            static List<(string, string, string, string?)> ChildrenOf(ImportAnswer answer, string parent) =>
                [.. answer.Accounts.Single(a => a.Identifier == parent).Children!.Select(c => (c.Identifier, c.FirstName, c.LastName, c.ClassName))];
            Assert.Equal([("zoe.martin", "Zoé", "MARTIN", "5A")], ChildrenOf(answer, "claire.martin"));
            Assert.Equal([("lou.noel", "Lou", "NOËL", "6B")], ChildrenOf(answer, "eric.noel"));
            Assert.Equal([("ines.blanc", "Inès", "BLANC", "3D")], ChildrenOf(answer, "marc.blanc"));
            Assert.Empty(answer.Accounts.Single(a => a.Identifier == "zoe.martin").Children!);
        }

        Assert.All(dryRun.Accounts.SelectMany(a => a.Children!).Select(c => c.Id).Append(dryRun.Accounts[0].Id), id => Assert.Equal(Guid.Empty, id));
        var stored = (await Factory.LoadAccountsAsync(Uai)).Values.ToDictionary(a => a.Identifier.Value, a => a.Id.Value);
        Assert.Equal([stored["lou.noel"]], result.Accounts.Single(a => a.Identifier == "eric.noel").Children!.Select(c => c.Id));
        Assert.Equal(["eric.noel", "lou.noel"], result.Accounts.Where(a => a.ActivationCode is not null).Select(a => a.Identifier).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, codesFile.StatusCode);
        var rows = (await codesFile.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(l => l.Split(';')[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Where(e => e.Value != "left").Select(e => e.Key).Order(StringComparer.Ordinal), rows);
        codesFile.Dispose();
    }

    [Fact]
    public async Task ACsvImport_ListsEachPersonWithItsOperation_AndEachParentWithItsChildren_InTheDryRunAndTheResult()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        await admin.ImportOkAsync(Uai, "Nom;Prénom;Profil;Classe;Identifiant externe\r\nRoux;Léo;Élève;5C;e3\r\n");
        const string roster = "Nom;Prénom;Profil;Classe;Identifiant externe;Enfants\r\n"
            + "Martin;Zoé;Élève;6A;e1;\r\nRoux;Léo;Élève;4C;e3;\r\nMartin;Claire;Parent;;p1;e1|e3\r\nVidal;Rose;Parent;;p2;\r\n";

        var dryRun = await admin.ImportOkAsync(Uai, roster, "dryRun=true");
        var result = await admin.ImportOkAsync(Uai, roster);

        foreach (var answer in new[] { dryRun, result })
        {
            Assert.Equal(
                [("zoe.martin", "created"), ("leo.roux", "updated"), ("claire.martin", "created"), ("rose.vidal", "created")],
                answer.Accounts.Select(a => (a.Identifier, a.Operation!)).ToList<(string, string)>());
            Assert.Equal((3, 1), (answer.Created, answer.Updated));
            Assert.Equal([("zoe.martin", "6A"), ("leo.roux", "4C")],
                answer.Accounts.Single(a => a.Identifier == "claire.martin").Children!.Select(c => (c.Identifier, c.ClassName)).ToList<(string, string?)>());
            Assert.Empty(answer.Accounts.Single(a => a.Identifier == "rose.vidal").Children!);
        }
    }

    [Fact]
    public async Task AStudentsFileAlone_BlocksTheParentsWhoseChildrenAllLeft()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        await admin.ImportExportsOkAsync(Uai, null,
            Students(Uai, ("1", "MARTIN", "Zoé", "6A", null), ("2", "MARTIN", "Hugo", "4B", null), ("3", "ROUX", "Léo", "5C", null)),
            Guardians(Uai, [("10", "MARTIN", "Claire"), ("11", "ROUX", "Anne")], ("1", "10"), ("2", "10"), ("3", "11")));

        var newer = await admin.ImportExportsOkAsync(Uai, null, Students(Uai, ("1", "MARTIN", "Zoé", "6A", null)));

        Assert.Equal((0, 0, 3, 1), (newer.Created, newer.Updated, newer.Left, newer.Unchanged));
        var stored = (await Factory.LoadAccountsAsync(Uai)).Values.Where(a => a.ExternalId is not null).ToDictionary(a => a.ExternalId!);
        Assert.Equal(AccountStatus.Pending, stored["siecle:personne:10"].Status);
        Assert.Equal(AccountStatus.Blocked, stored["siecle:personne:11"].Status);
    }

    /// <summary>
    /// Zoé left (and so did Claire, her only parent) while Léo and his mother Anne stayed; then Zoé comes back. Whatever
    /// the order or split of the files that say so, Claire ends up back too: Pending, not blocked, with a new code handed
    /// out once (in the answer of the import that brought her back), and the link to Zoé kept.
    /// </summary>
    [Theory]
    [InlineData("students file, then guardians file")]
    [InlineData("both files, then guardians file")]
    [InlineData("guardians file, then students file")]
    public async Task TheParentOfAReturningStudent_IsBack_WhateverTheOrderOfTheFiles(string order)
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        var students = Students(Uai, ("1", "MARTIN", "Zoé", "6A", null), ("2", "ROUX", "Léo", "5C", null));
        var guardians = Guardians(Uai, [("10", "MARTIN", "Claire"), ("11", "ROUX", "Anne")], ("1", "10"), ("2", "11"));
        await admin.ImportExportsOkAsync(Uai, null, students, guardians);
        var gone = await admin.ImportExportsOkAsync(Uai, null,
            Students(Uai, ("1", "MARTIN", "Zoé", "6A", "30/06/2026"), ("2", "ROUX", "Léo", "5C", null)), guardians);
        Assert.Equal((0, 0, 2, 2), (gone.Created, gone.Updated, gone.Left, gone.Unchanged));

        var answers = order switch
        {
            "students file, then guardians file" =>
                [await admin.ImportExportsOkAsync(Uai, null, students), await admin.ImportExportsOkAsync(Uai, null, guardians)],
            "both files, then guardians file" =>
                [await admin.ImportExportsOkAsync(Uai, null, students, guardians), await admin.ImportExportsOkAsync(Uai, null, guardians)],
            _ => new[] { await admin.ImportExportsOkAsync(Uai, null, guardians), await admin.ImportExportsOkAsync(Uai, null, students) },
        };

        var stored = (await Factory.LoadAccountsAsync(Uai)).Values.Where(a => a.ExternalId is not null).ToDictionary(a => a.ExternalId!);
        var (zoe, claire) = (stored["siecle:eleve:1"], stored["siecle:personne:10"]);
        Assert.Equal((AccountStatus.Pending, null), (zoe.Status, zoe.BlockedReason));
        Assert.Equal((AccountStatus.Pending, null), (claire.Status, claire.BlockedReason));
        Assert.Equal([zoe.Id], claire.Children.Select(c => c.ChildId));
        var hasher = Factory.Services.GetRequiredService<IActivationCodeHasher>();
        var handedOut = answers.SelectMany(a => a.Accounts).Where(a => a.Identifier == "claire.martin" && a.ActivationCode is not null).ToList();
        Assert.True(Factory.IsLiveCodeOf(claire, Assert.Single(handedOut).ActivationCode, hasher));
        Assert.Equal(2, answers.Sum(a => a.Updated)); // Zoé and Claire, each once
        Assert.Equal(0, answers.Sum(a => a.Left));
    }

    [Fact]
    public async Task ANewHomonym_IsCreatedWithAWarning()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        await admin.ImportOkAsync(Uai, AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Hélène", "Élève", "6A", "14/03/2014")));

        var answer = await admin.ImportExportsOkAsync(Uai, null, Students(Uai, ("1", "DUPONT", "Hélène", "5B", null)));

        var warning = Assert.Single(answer.Warnings!);
        Assert.Equal(("siecle:eleve:1", "helene.dupont2"), (warning.ExternalId, warning.Identifier));
        Assert.Contains("helene.dupont", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, answer.Created);
    }

    [Fact]
    public async Task ACsvHomonym_IsCreatedWithAWarningNamingItsLine_InTheDryRunAndTheResult()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        await admin.ImportOkAsync(Uai, AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Hélène", "Élève", "6A", "14/03/2014", "a1")));
        var roster = AdminHelpers.Roster(
            AdminHelpers.Row("Martin", "Zoé", "Élève", "6A", null, "a2"),
            AdminHelpers.Row("DUPONT", "Helene", "Élève", "5B", "14/03/2014", "a3"),
            AdminHelpers.Row("Dupont", "Hélène", "Élève", "4C", "01/01/2013", "a4"));

        var dryRun = await admin.ImportOkAsync(Uai, roster, "dryRun=true");
        var result = await admin.ImportOkAsync(Uai, roster);

        foreach (var answer in new[] { dryRun, result })
        {
            var warning = Assert.Single(answer.Warnings!);
            Assert.Equal((3, "a3", "helene.dupont2"), (warning.Line, warning.ExternalId, warning.Identifier));
        }

        Assert.Equal(3, result.Created); // the third has another birth date than both: no warning
    }
}

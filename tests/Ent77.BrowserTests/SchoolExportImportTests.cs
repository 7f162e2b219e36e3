using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Ent77.Application.Administration.Access;
using Ent77.Application.Administration.ImportSchoolExport;
using Ent77.Application.Administration.SchoolExports;
using Ent77.Application.Establishments.AddEstablishment;
using Ent77.TestSupport.SchoolExports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.BrowserTests;

/// <summary>
/// Issue 14's pages: a school's administrator imports a generated collège's SIECLE and STS-Web exports (dropped on the
/// page, or chosen with the picker), sees the dry run's exact counts and people, imports, and a parent of two children
/// activates and finds them on « Mon espace »; the accounts list and the follow-up show the families. Each test has a
/// school of its own, so that the shared service's other accounts change no count.
/// </summary>
public sealed class SchoolExportImportTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string DroppedSchool = "0771235Z";
    private const string PickedSchool = "0771236A";
    private const string SyncedSchool = "0771237B";

    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    [Fact]
    public async Task Dropped_exports_show_the_exact_counts_then_import_and_a_parent_sees_the_children_on_Mon_espace()
    {
        await AddSchoolAsync(DroppedSchool, "Collège Les Ormes");
        var export = CollegeExportGenerator.Generate(Small(DroppedSchool));
        var facts = export.Facts;
        var created = facts.ActiveStudents + facts.Parents + facts.Staff;
        var (admin, _) = await IssueAdministratorAsync("Sophie", Unique("Renaud"), uai: DroppedSchool);
        var page = await (await NewContextAsync(phone: true)).NewPageAsync();
        await SignInAsync(page, admin);
        await page.GotoAsync("/administration#import");

        // The three files dropped on the frame: the page lists them, and the dry run counts exactly what the files hold.
        await DropAsync(page, "#siecle-drop",
            (GeneratedCollegeExport.StudentsFileName, "text/xml", export.StudentsXml),
            (GeneratedCollegeExport.GuardiansFileName, "text/xml", export.GuardiansXml),
            (export.StaffFileName, "text/xml", export.StaffXml));
        await Expect(page.Locator("#siecle-chosen")).ToHaveTextAsync(
            $"3 fichiers choisis : {GeneratedCollegeExport.StudentsFileName}, {GeneratedCollegeExport.GuardiansFileName}, {export.StaffFileName}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier les fichiers" }).ClickAsync();
        await Expect(page.Locator("#siecle-preview-title")).ToBeFocusedAsync();
        await Expect(page.Locator("#siecle-created")).ToHaveTextAsync(created.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#siecle-updated")).ToHaveTextAsync("0");
        await Expect(page.Locator("#siecle-left")).ToHaveTextAsync("0");
        await Expect(page.Locator("#siecle-unchanged")).ToHaveTextAsync("0");
        await Expect(page.Locator("#siecle-rows tr")).ToHaveCountAsync(created);
        await Expect(page.Locator("#siecle-rows tr", new() { HasText = "Élève" })).ToHaveCountAsync(facts.ActiveStudents);
        await Expect(page.Locator("#siecle-rows tr", new() { HasText = "Responsable légal" })).ToHaveCountAsync(facts.Parents);

        // The homonyms, each still created: the generator's teacher who has a parent's name (a guardian has no birth date),
        // and whatever its draw of names adds (a father and a son alike…), counted from the files. Its two « Lucas MARTIN »
        // are born on different days: not homonyms.
        var homonyms = Homonyms(export);
        Assert.InRange(homonyms, 1, created);
        await Expect(page.Locator("#siecle-warning-list li")).ToHaveCountAsync(homonyms);
        await Expect(page.Locator("#siecle-warning-list li").First).ToContainTextAsync("Homonyme");
        await Expect(page.Locator("#siecle-warnings-title")).ToHaveTextAsync(homonyms == 1
            ? "Un point à vérifier (homonyme, responsable sans enfant…)"
            : $"{homonyms} points à vérifier (homonymes, responsables sans enfant…)");
        var problems = new List<string>(await PhoneAuditAsync(page, "/administration#import (aperçu SIECLE)"));

        // Confirmed as CSV: one line per new account, each with its code.
        await page.Locator("#siecle-format-csv").CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l’import" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF')
            .Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Identifiant;Code d'activation;Nom;Prénom;Classe;Profil", lines[0], StringComparison.Ordinal);
        Assert.Equal(created, lines.Length - 1);
        await Expect(page.Locator("#notice")).ToContainTextAsync($"Import terminé : {created} créé(s), 0 mis à jour, 0 parti(s), 0 inchangé(s)");
        await Expect(page.Locator("#siecle-preview")).ToBeHiddenAsync();

        // A parent of two children at the school: the code of the file on Connexion, Activation, then « Mon espace ».
        var (parent, children) = ParentOfSeveral(export);
        var row = lines.Skip(1).Select(l => l.Split(';'))
            .Single(c => Same(c[2], parent.LastName) && Same(c[3], parent.FirstName) && c[5] == "Responsable légal");
        var (identifier, code) = (row[0], row[1]);
        var family = await (await NewContextAsync(phone: true)).NewPageAsync();
        await family.GotoAsync("/");
        await family.GetByLabel("Identifiant", new() { Exact = true }).FillAsync(identifier);
        await family.GetByLabel("Mot de passe ou code d’activation").FillAsync(code);
        await family.GetByRole(AriaRole.Button, new() { Name = "Connexion", Exact = true }).ClickAsync();
        await Expect(family).ToHaveURLAsync(new Regex("/activation$"));
        await family.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await family.GetByLabel("Confirmation du mot de passe").FillAsync(Password);
        await family.GetByLabel("Adresse e-mail personnelle").FillAsync($"{identifier}@example.fr");
        await family.GetByLabel("J’accepte les conditions générales d’utilisation").CheckAsync();
        await family.GetByRole(AriaRole.Button, new() { Name = "Activer", Exact = true }).ClickAsync();
        await Expect(family).ToHaveURLAsync(new Regex("/accueil$"));
        await Expect(family.Locator("#profile")).ToHaveTextAsync("Responsable légal");
        var cards = family.Locator("#children li");
        await Expect(cards).ToHaveCountAsync(children.Count);
        foreach (var child in children)
        {
            var card = cards.Filter(new() { HasTextRegex = Words(child.FirstName, child.LastName) });
            await Expect(card).ToHaveCountAsync(1);
            await Expect(card.Locator("dd").First).ToHaveTextAsync(child.Division);
            await Expect(card).ToContainTextAsync("Collège Les Ormes (0771235Z)");
        }

        problems.AddRange(await PhoneAuditAsync(family, "/accueil (responsable)"));

        // The accounts list: the parent's children, and each child's parents.
        await page.GotoAsync("/administration#comptes");
        await page.GetByLabel("Nom ou identifiant").FillAsync(identifier);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        // (The search also finds a homonym's « …2 »: the row is the one whose identifier cell is exactly the parent's.)
        var parentRow = page.Locator("#account-rows tr").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = identifier, Exact = true }) });
        await Expect(parentRow).ToHaveCountAsync(1);
        foreach (var child in children)
        {
            await Expect(parentRow).ToContainTextAsync(Words(child.FirstName, child.LastName));
        }

        await page.GetByLabel("Profil").SelectOptionAsync("Student");
        await page.GetByLabel("Nom ou identifiant").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(page.Locator("#account-rows tr")).ToHaveCountAsync(facts.ActiveStudents);
        await Expect(page.Locator("#account-rows tr", new() { HasTextRegex = Words(parent.FirstName, parent.LastName) }))
            .ToHaveCountAsync(children.Count);
        problems.AddRange(await PhoneAuditAsync(page, "/administration#comptes (familles)"));

        // The follow-up: each class's students, then its parents, the one who activated counted in each child's class.
        await page.GotoAsync("/administration#suivi");
        foreach (var division in children.Select(c => c.Division).Distinct())
        {
            var parents = ParentsOf(export, division);
            var line = page.Locator("#stats-classes li.chart-parents", new() { HasText = $"Parents de {division}" });
            await Expect(line).ToHaveCountAsync(1);
            await Expect(line).ToContainTextAsync($"1 activé(s) sur {parents}");
            await Expect(page.GetByRole(AriaRole.Meter, new() { Name = $"Parents de {division}", Exact = true })).ToBeVisibleAsync();
        }

        problems.AddRange(await PhoneAuditAsync(page, "/administration#suivi (parents)"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_zip_chosen_with_the_picker_is_previewed_on_a_phone_and_another_school_s_file_is_refused_with_its_problems()
    {
        await AddSchoolAsync(PickedSchool, "Collège Les Charmes");
        var export = CollegeExportGenerator.Generate(Small(PickedSchool) with { Seed = 12 });
        var facts = export.Facts;
        var (admin, _) = await IssueAdministratorAsync("Yann", Unique("Le Goff"), uai: PickedSchool);
        var page = await (await NewContextAsync(phone: true)).NewPageAsync();
        await SignInAsync(page, admin);
        await page.GotoAsync("/administration#import");

        // Nothing chosen: said by the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier les fichiers" }).ClickAsync();
        await Expect(page.Locator("#siecle-files")).ToHaveAttributeAsync("aria-invalid", "true");

        // The zip of the students and guardians files, through the picker (the keyboard's way).
        await page.GetByLabel("Fichiers XML ou archive zip").SetInputFilesAsync(new FilePayload
        {
            Name = "export-siecle.zip",
            MimeType = "application/zip",
            Buffer = export.ToZip(staff: false),
        });
        await Expect(page.Locator("#siecle-chosen")).ToHaveTextAsync("1 fichier choisi : export-siecle.zip.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier les fichiers" }).ClickAsync();
        await Expect(page.Locator("#siecle-created")).ToHaveTextAsync((facts.ActiveStudents + facts.Parents).ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#siecle-rows tr")).ToHaveCountAsync(facts.ActiveStudents + facts.Parents);
        await Expect(page.Locator("#siecle-rows tr", new() { HasText = "Enseignant" })).ToHaveCountAsync(0);
        var problems = new List<string>(await PhoneAuditAsync(page, "/administration#import (zip SIECLE)"));

        // Another school's students file: refused, the problem names the file and the element; nothing is previewed.
        var other = CollegeExportGenerator.Generate(Small(PortalFixture.Uai));
        await page.GetByLabel("Fichiers XML ou archive zip").SetInputFilesAsync(new FilePayload
        {
            Name = GeneratedCollegeExport.StudentsFileName,
            MimeType = "text/xml",
            Buffer = other.StudentsXml,
        });
        await Expect(page.Locator("#siecle-preview")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier les fichiers" }).ClickAsync();
        await Expect(page.Locator("#siecle-problems-title")).ToBeFocusedAsync();
        await Expect(page.Locator("#siecle-problems-title")).ToContainTextAsync("Un problème dans les fichiers : rien n’a été importé.");
        var problem = page.Locator("#siecle-problem-rows tr");
        await Expect(problem).ToHaveCountAsync(1);
        await Expect(problem.Locator("td").Nth(0)).ToHaveTextAsync(GeneratedCollegeExport.StudentsFileName);
        await Expect(problem.Locator("td").Nth(1)).ToContainTextAsync("UAJ");
        await Expect(problem.Locator("td").Nth(3)).ToContainTextAsync(PortalFixture.Uai);
        await Expect(page.Locator("#siecle-preview")).ToBeHiddenAsync();
        problems.AddRange(await PhoneAuditAsync(page, "/administration#import (problèmes SIECLE)"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // Nothing was written by either.
        await page.GotoAsync("/administration#comptes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(page.Locator("#account-rows tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#account-rows tr")).ToContainTextAsync(admin);
    }

    /// <summary>
    /// A newer export of a school already imported: the preview says, person by person, what the import does (« Création »,
    /// « Mise à jour », « Inchangé »), the parents with their children, and apart the leavers (« Départ — sera bloqué »).
    /// </summary>
    [Fact]
    public async Task A_newer_export_previews_each_person_s_operation_the_parents_children_and_the_leavers_apart()
    {
        await AddSchoolAsync(SyncedSchool, "Collège Les Marronniers"); // not « Tilleuls »: SchoolPickerTests counts the schools that match « tille »
        var (martin, roux, blanc, noel) = (Unique("Martin"), Unique("Roux"), Unique("Blanc"), Unique("Noël"));
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await using (var scope = Portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportSchoolExportCommand(Actor.Operator, SyncedSchool,
            [
                new SchoolExportFile("ElevesSansAdresses.xml", new MemoryStream(StudentsXml(SyncedSchool,
                    ("1", martin, "Zoé", "6A", null), ("2", martin, "Hugo", "4B", null), ("3", roux, "Léo", "5C", null), ("4", blanc, "Inès", "3D", null)))),
                new SchoolExportFile("ResponsablesSansAdresses.xml", new MemoryStream(GuardiansXml(SyncedSchool,
                    [("10", martin, "Claire"), ("11", roux, "Anne"), ("12", blanc, "Marc")], ("1", "10"), ("2", "10"), ("3", "11"), ("4", "12")))),
            ], DryRun: false));
        }

        var (admin, _) = await IssueAdministratorAsync("Lise", Unique("Perrin"), uai: SyncedSchool);
        var page = await (await NewContextAsync(phone: true)).NewPageAsync();
        await SignInAsync(page, admin);
        await page.GotoAsync("/administration#import");

        // A year later: Zoé moves up, Hugo has left, Léo and his mother are gone, Inès and Marc are alike, Lou and Éric arrive.
        await DropAsync(page, "#siecle-drop",
            (GeneratedCollegeExport.StudentsFileName, "text/xml", StudentsXml(SyncedSchool,
                ("1", martin, "Zoé", "5A", null), ("2", martin, "Hugo", "4B", yesterday), ("4", blanc, "Inès", "3D", null), ("5", noel, "Lou", "6B", null))),
            (GeneratedCollegeExport.GuardiansFileName, "text/xml", GuardiansXml(SyncedSchool,
                [("10", martin, "Claire"), ("12", blanc, "Marc"), ("13", noel, "Éric")], ("1", "10"), ("2", "10"), ("4", "12"), ("5", "13"))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier les fichiers" }).ClickAsync();
        await Expect(page.Locator("#siecle-preview-title")).ToBeFocusedAsync();
        await Expect(page.Locator("#siecle-created")).ToHaveTextAsync("2");
        await Expect(page.Locator("#siecle-updated")).ToHaveTextAsync("2");
        await Expect(page.Locator("#siecle-left")).ToHaveTextAsync("3");
        await Expect(page.Locator("#siecle-unchanged")).ToHaveTextAsync("2");
        await Expect(page.Locator("#siecle-rows tr")).ToHaveCountAsync(6);
        await Expect(page.Locator("#siecle-leaver-rows tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#siecle-leavers-title")).ToHaveTextAsync(
            "3 départs : ces comptes seront bloqués (« a quitté l’établissement ») et leurs codes annulés");
        foreach (var (rows, operation, count) in new[]
        {
            ("#siecle-rows", "Création", 2), ("#siecle-rows", "Mise à jour", 2), ("#siecle-rows", "Inchangé", 2),
            ("#siecle-leaver-rows", "Départ — sera bloqué", 3),
        })
        {
            await Expect(page.Locator($"{rows} tr td:last-child", new() { HasTextString = operation })).ToHaveCountAsync(count);
        }

        async Task ExpectRow(string rows, string lastName, string firstName, string operation, string? family)
        {
            var row = page.Locator($"{rows} tr").Filter(new() { HasText = lastName }).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = firstName, Exact = true }) });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.Locator("td").Last).ToHaveTextAsync(operation);
            if (family is not null)
            {
                await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync(family);
            }
        }

        await ExpectRow("#siecle-rows", noel, "Lou", "Création", string.Empty);
        await ExpectRow("#siecle-rows", noel, "Éric", "Création", $"Enfant : Lou {noel} (6B)");
        await ExpectRow("#siecle-rows", martin, "Zoé", "Mise à jour", string.Empty);
        await ExpectRow("#siecle-rows", martin, "Claire", "Mise à jour", $"Enfant : Zoé {martin} (5A)");
        await ExpectRow("#siecle-rows", blanc, "Inès", "Inchangé", string.Empty);
        await ExpectRow("#siecle-rows", blanc, "Marc", "Inchangé", $"Enfant : Inès {blanc} (3D)");
        await ExpectRow("#siecle-leaver-rows", martin, "Hugo", "Départ — sera bloqué", null);
        await ExpectRow("#siecle-leaver-rows", roux, "Léo", "Départ — sera bloqué", null);
        await ExpectRow("#siecle-leaver-rows", roux, "Anne", "Départ — sera bloqué", null);
        var problems = await PhoneAuditAsync(page, "/administration#import (aperçu de synchronisation)");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static byte[] StudentsXml(string uai, params (string Id, string Last, string First, string Division, string? Left)[] students) =>
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new XElement("BEE_ELEVES",
            new XElement("PARAMETRES", new XElement("UAJ", uai)),
            new XElement("DONNEES",
                new XElement("ELEVES", students.Select(s => new XElement("ELEVE", new XAttribute("ELEVE_ID", s.Id), new XAttribute("ELENOET", s.Id),
                    new XElement("NOM_DE_FAMILLE", s.Last), new XElement("PRENOM", s.First), new XElement("DATE_NAISS", "14/03/2014"),
                    s.Left is null ? null : new XElement("DATE_SORTIE", s.Left)))),
                new XElement("STRUCTURES", students.Select(s => new XElement("STRUCTURES_ELEVE", new XAttribute("ELEVE_ID", s.Id),
                    new XElement("STRUCTURE", new XElement("CODE_STRUCTURE", s.Division), new XElement("TYPE_STRUCTURE", "D"))))))));

    private static byte[] GuardiansXml(string uai, (string Id, string Last, string First)[] persons, params (string StudentId, string PersonId)[] links) =>
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new XElement("BEE_RESPONSABLES",
            new XElement("PARAMETRES", new XElement("UAJ", uai)),
            new XElement("DONNEES",
                new XElement("PERSONNES", persons.Select(p => new XElement("PERSONNE", new XAttribute("PERSONNE_ID", p.Id),
                    new XElement("NOM_DE_FAMILLE", p.Last), new XElement("PRENOM", p.First)))),
                new XElement("RESPONSABLES", links.Select(l => new XElement("RESPONSABLE_ELEVE",
                    new XElement("ELEVE_ID", l.StudentId), new XElement("PERSONNE_ID", l.PersonId), new XElement("NIVEAU_RESPONSABILITE", "1")))))));

    /// <summary>
    /// A small collège: 4 divisions, a few leavers, a few staff. Exported today: the service tells a leaver by today's
    /// date, so the late leavers' dates (a week or more after the export) must still be ahead.
    /// </summary>
    private static CollegeExportOptions Small(string uai) => new()
    {
        Uai = uai,
        ExportDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime),
        Students = 40,
        DivisionsPerLevel = 1,
        LeftByDate = 2,
        Inactive = 1,
        LeavingLater = 1,
        Staff = 6,
    };

    private async Task AddSchoolAsync(string uai, string name)
    {
        await using var scope = Portal.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AddEstablishmentCommand(Actor.Operator, uai, name, "Nangis"));
    }

    private static bool Active(GeneratedCollegeExport export, GeneratedStudent s) =>
        !(s.LeavingDate is { } d && d <= export.Options.ExportDate) && s.Division != "Inactifs";

    /// <summary>The first legal guardian with two or more children still at school, whose name no other guardian shares.</summary>
    private static (GeneratedPerson Parent, IReadOnlyList<GeneratedStudent> Children) ParentOfSeveral(GeneratedCollegeExport export)
    {
        var students = export.Students.ToDictionary(s => s.EleveId);
        var candidates = export.Persons
            .Select(p => (Parent: p, Children: (IReadOnlyList<GeneratedStudent>)export.Links
                .Where(l => l.PersonneId == p.PersonneId && l.Level == 1)
                .Select(l => students[l.EleveId]).Where(s => Active(export, s)).ToList()))
            .Where(c => c.Children.Count > 1)
            .Where(c => export.Persons.Count(o => Same(o.FirstName, c.Parent.FirstName) && Same(o.LastName, c.Parent.LastName)) == 1)
            .ToList();
        Assert.NotEmpty(candidates);
        return candidates[0];
    }

    /// <summary>
    /// The homonym warnings the import must give: in the order it creates people (students still at school, then the
    /// legal guardians of the guardians file, then the staff), each one whose first and last names fold to the same
    /// <c>prénom.nom</c> as someone before them, with the same birth date when both have one.
    /// </summary>
    private static int Homonyms(GeneratedCollegeExport export)
    {
        var parents = export.Links.Where(l => l.Level == 1 && Active(export, export.Students.Single(s => s.EleveId == l.EleveId)))
            .Select(l => l.PersonneId).ToHashSet();
        var people = export.Students.Where(s => Active(export, s)).Select(s => (s.FirstName, s.LastName, Born: (DateOnly?)s.BirthDate))
            .Concat(export.Persons.Where(p => parents.Contains(p.PersonneId)).Select(p => (p.FirstName, p.LastName, Born: (DateOnly?)null)))
            .Concat(export.Staff.Select(m => (m.FirstName, LastName: m.UsageName, Born: m.BirthDate)));
        var seen = new List<(string Name, DateOnly? Born)>();
        var warnings = 0;
        foreach (var (first, last, born) in people)
        {
            var name = Ent77.Domain.Accounts.Identifier.BaseFor(first, last).Value;
            if (seen.Any(k => k.Name == name && (k.Born is null || born is null || k.Born == born)))
            {
                warnings++;
            }

            seen.Add((name, born));
        }

        return warnings;
    }

    /// <summary>Parent accounts linked to the students of <paramref name="division"/> still at school.</summary>
    private static int ParentsOf(GeneratedCollegeExport export, string division)
    {
        var inClass = export.Students.Where(s => s.Division == division && Active(export, s)).Select(s => s.EleveId).ToHashSet();
        return export.Links.Where(l => l.Level == 1 && inClass.Contains(l.EleveId)).Select(l => l.PersonneId).Distinct().Count();
    }

    private static bool Same(string a, string b) => Compare.Compare(a.Trim(), b.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;

    /// <summary>A first and last name as the page writes them, whatever the casing the service gives to SIECLE's capitals.</summary>
    private static Regex Words(string firstName, string lastName) =>
        new($"{Pattern(firstName)}\\s+{Pattern(lastName)}", RegexOptions.IgnoreCase);

    /// <summary>A name as a pattern, its apostrophe typed either way (' or ’).</summary>
    private static string Pattern(string name) => Regex.Escape(name).Replace("'", "['’]", StringComparison.Ordinal);

    /// <summary>Files dropped on an element, as a person drags them from the file manager (a DataTransfer, dragenter, dragover then drop).</summary>
    private static async Task DropAsync(IPage page, string selector, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var dataTransfer = await page.EvaluateHandleAsync("""
            (files) => {
              const transfer = new DataTransfer();
              for (const f of files) {
                const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
                transfer.items.add(new File([bytes], f.name, { type: f.type }));
              }
              return transfer;
            }
            """, files.Select(f => new { name = f.Name, type = f.Type, data = Convert.ToBase64String(f.Bytes) }).ToArray());
        foreach (var type in new[] { "dragenter", "dragover", "drop" })
        {
            await page.DispatchEventAsync(selector, type, new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        }
    }
}

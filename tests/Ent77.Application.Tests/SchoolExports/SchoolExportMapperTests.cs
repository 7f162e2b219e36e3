using Ent77.Application.Administration.SchoolExports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;

namespace Ent77.Application.Tests.SchoolExports;

public sealed class SchoolExportMapperTests
{
    private static readonly Uai School = Uai.FromStored("0771234Y");
    private static readonly DateOnly Today = new(2026, 9, 4);

    private static SchoolImportPlan Map(SchoolExportBuilder export, params SchoolExportProblem[] readProblems) =>
        SchoolExportMapper.Map(export.Read(readProblems), School, Today);

    private static SchoolImportPlan Valid(SchoolExportBuilder export)
    {
        var plan = Map(export);
        Assert.True(plan.IsValid, string.Join(Environment.NewLine, plan.Problems));
        return plan;
    }

    private static string[] Ids(IEnumerable<ImportedPerson> people) => [.. people.Select(p => p.ExternalId)];

    [Fact]
    public void AStudent_LeavesOnTheDayOfDateSortie_NotBefore()
    {
        var plan = Valid(new SchoolExportBuilder()
            .Student("1", "Zoé", "MARTIN", left: Today)
            .Student("2", "Noé", "DURAND", left: Today.AddDays(1))
            .Student("3", "Léa", "ROCHE", left: Today.AddYears(-1))
            .Student("4", "Hugo", "PETIT", division: " inactifs ")
            .Student("5", "Inès", "ROUX"));

        Assert.Equal(["siecle:eleve:2", "siecle:eleve:5"], Ids(plan.People));
        Assert.Equal(
            [("siecle:eleve:1", LeavingReason.LeftSchool, (DateOnly?)Today), ("siecle:eleve:3", LeavingReason.LeftSchool, Today.AddYears(-1)),
             ("siecle:eleve:4", LeavingReason.InactiveDivision, null)],
            plan.Leavers.Select(l => (l.ExternalId, l.Reason, l.LeftOn)));
    }

    [Theory]
    [InlineData(1, null, true)]
    [InlineData(2, null, false)] // « personne en charge »
    [InlineData(3, null, false)] // contact
    [InlineData(null, 1, true)] // files before 2018
    [InlineData(null, 2, true)]
    [InlineData(null, 0, false)]
    [InlineData(3, 1, false)] // the level, when given, is what counts
    public void OnlyLegalGuardians_BecomeParents(int? level, int? legal, bool parent)
    {
        var plan = Valid(new SchoolExportBuilder().Student("1", "Zoé", "MARTIN").Guardian("9", "Claire", "MARTIN").Link("1", "9", level, legal));

        Assert.Equal(parent, plan.People.Any(p => p is { ExternalId: "siecle:personne:9", Profile: Profile.Parent }));
        Assert.Empty(plan.Leavers);
    }

    [Fact]
    public void AParent_IsOneAccount_WithTheChildrenStillAtSchool_InStudentsOrder()
    {
        var plan = Valid(new SchoolExportBuilder()
            .Student("1", "Zoé", "MARTIN")
            .Student("2", "Noé", "MARTIN", left: Today.AddDays(-10))
            .Student("3", "Léa", "MARTIN")
            .Guardian("9", "Claire", "MARTIN", " claire@example.org ", "0600000000")
            .Link("3", "9").Link("2", "9").Link("1", "9").Link("1", "9"));

        var parent = Assert.Single(plan.People, p => p.Profile == Profile.Parent);
        Assert.Equal(["siecle:eleve:1", "siecle:eleve:3"], parent.ChildExternalIds);
        Assert.Equal(("claire@example.org", "0600000000"), (parent.Email, parent.MobilePhone));
        Assert.Equal(new PersonDetails("Claire", "MARTIN", Profile.Parent, null, null, "siecle:personne:9"), parent.ToPersonDetails());
    }

    [Fact]
    public void ALegalGuardianWhoseChildrenHaveAllLeft_IsALeaver_AContactIsNeither()
    {
        var plan = Valid(new SchoolExportBuilder()
            .Student("1", "Noé", "DURAND", left: Today.AddDays(-1))
            .Student("2", "Zoé", "MARTIN")
            .Guardian("8", "Paul", "DURAND").Link("1", "8")
            .Guardian("9", "Édith", "ROCHE").Link("1", "9", 3).Link("2", "9", 3));

        Assert.Equal(["siecle:eleve:2"], Ids(plan.People));
        Assert.Equal(
            [("siecle:eleve:1", Profile.Student, LeavingReason.LeftSchool), ("siecle:personne:8", Profile.Parent, LeavingReason.NoChildInSchool)],
            plan.Leavers.Select(l => (l.ExternalId, l.Profile, l.Reason)));
    }

    [Fact]
    public void WithoutTheStudentsFile_AParentKeepsEveryChildTheLinksName()
    {
        var plan = Valid(new SchoolExportBuilder().Guardian("9", "Claire", "MARTIN").Link("1", "9").Link("2", "9").Guardian("8", "Édith", "ROCHE").Link("1", "8", 3));

        Assert.Equal([ExportFileKind.Guardians], plan.Kinds);
        Assert.Equal(["siecle:eleve:1", "siecle:eleve:2"], Assert.Single(plan.People).ChildExternalIds);
        Assert.Empty(plan.Leavers);
        Assert.True(plan.CarriesProfile(Profile.Parent));
        Assert.False(plan.CarriesProfile(Profile.Student));
        Assert.False(plan.CarriesProfile(Profile.Teacher));
    }

    [Theory]
    [InlineData("ENS", Profile.Teacher)]
    [InlineData(" ens ", Profile.Teacher)]
    [InlineData("DIR", Profile.Staff)]
    [InlineData("EDU", Profile.Staff)]
    [InlineData("DOC", Profile.Staff)]
    [InlineData(null, Profile.Staff)]
    public void StaffFunction_EnsIsATeacher_AnythingElseOrNoneStaff(string? function, Profile profile) =>
        Assert.Equal(profile, Assert.Single(Valid(new SchoolExportBuilder().Staff("4189", "ISABELLE", "BERNARD", function)).People).Profile);

    [Fact]
    public void AStaffMemberListedTwice_IsOnePerson_AsFirstListed()
    {
        var plan = Valid(new SchoolExportBuilder()
            .Staff("4189", "ISABELLE", "BERNARD", "ENS", new DateOnly(1980, 4, 26))
            .Staff("4190", "ALAIN", "ROUX", "DIR")
            .Staff("4189", "ISABELLE", "BERNARD-PETIT", "ENS"));

        Assert.Equal(
            [("sts:4189", Profile.Teacher, "Isabelle", "BERNARD", (DateOnly?)new DateOnly(1980, 4, 26)), ("sts:4190", Profile.Staff, "Alain", "ROUX", null)],
            plan.People.Select(p => (p.ExternalId, p.Profile, p.FirstName, p.LastName, p.BirthDate)));
        Assert.Equal([ExportFileKind.Staff], plan.Kinds);
        Assert.Equal(["sts:"], plan.ExternalIdPrefixes);
        Assert.True(plan.CarriesProfile(Profile.Teacher) && plan.CarriesProfile(Profile.Staff));
    }

    [Fact]
    public void PeopleComeAsStudentsThenParentsThenStaff_WithTheirSource()
    {
        var plan = Valid(new SchoolExportBuilder()
            .Staff("4189", "ISABELLE", "BERNARD")
            .Guardian("9", "Claire", "MARTIN").Link("1", "9")
            .Student("1", "ZOÉ", "MARTIN", born: new DateOnly(2014, 3, 14), division: " 5A "));

        Assert.Equal(
            [
                ("siecle:eleve:1", Profile.Student, "Zoé", "5A", new ExportSource(SchoolExportBuilder.StudentsFile, 10)),
                ("siecle:personne:9", Profile.Parent, "Claire", null, new ExportSource(SchoolExportBuilder.GuardiansFile, 10)),
                ("sts:4189", Profile.Teacher, "Isabelle", null, new ExportSource(SchoolExportBuilder.StaffFile, 10)),
            ],
            plan.People.Select(p => (p.ExternalId, p.Profile, p.FirstName, p.ClassName, p.Source)));
        Assert.Equal(["siecle:eleve:", "siecle:personne:", "sts:"], plan.ExternalIdPrefixes);
    }

    // ---- Problems -----------------------------------------------------------------------------

    [Fact]
    public void TheReadersProblems_ComeFirst_AndNothingIsPlanned()
    {
        var truncated = new SchoolExportProblem(SchoolExportBuilder.StaffFile, null, 40, SchoolExportProblemKind.Truncated, "tronqué");

        var plan = Map(new SchoolExportBuilder().Student("1", "Zoé", "MARTIN").Uaj(ExportFileKind.Students, "0770001A").Incomplete(ExportFileKind.Staff), truncated);

        Assert.Equal([SchoolExportProblemKind.Truncated, SchoolExportProblemKind.WrongSchool], plan.Problems.Select(p => p.Kind));
        Assert.Empty(plan.People);
        Assert.Empty(plan.Leavers);
        Assert.Equal([ExportFileKind.Students, ExportFileKind.Staff], plan.Kinds);
    }

    [Fact]
    public void TheSchoolCode_IsComparedWithoutCaseOrSpaces()
    {
        Valid(new SchoolExportBuilder().Student("1", "Zoé", "MARTIN").Uaj(ExportFileKind.Students, " 0771234y "));
    }

    [Fact]
    public void NamesAndDivisionsTooLongForAnAccount()
    {
        var plan = Map(new SchoolExportBuilder()
            .Student("1", new string('a', 101), "MARTIN", division: new string('6', 51))
            .Student("2", new string('a', 100), new string('B', 100), division: new string('6', 50)));

        Assert.Equal(
            [
                new SchoolExportProblem(SchoolExportBuilder.StudentsFile, "ELEVE_ID=1", 10, SchoolExportProblemKind.TooLong,
                    $"Le prénom « A{new string('a', 39)}… » dépasse 100 caractères (101)."),
                new SchoolExportProblem(SchoolExportBuilder.StudentsFile, "ELEVE_ID=1", 10, SchoolExportProblemKind.TooLong,
                    $"La division « {new string('6', 50)}… » dépasse 50 caractères (51)."),
            ],
            plan.Problems);
    }

    [Fact]
    public void AnExternalIdTooLongForAnAccount()
    {
        var plan = Map(new SchoolExportBuilder()
            .Student(new string('7', 51), "Zoé", "MARTIN") // siecle:eleve: and 51 digits: 64 characters, the most an account holds
            .Student(new string('8', 52), "Noé", "DURAND")
            .Staff(new string('6', 60), "ALAIN", "ROUX")
            .Staff(new string('9', 61), "ISABELLE", "BERNARD"));

        Assert.Equal(
            [
                new SchoolExportProblem(SchoolExportBuilder.StudentsFile, $"ELEVE_ID={new string('8', 52)}", 11, SchoolExportProblemKind.TooLong,
                    $"L’identifiant « siecle:eleve:{new string('8', 27)}… » dépasse 64 caractères (65) : le fichier est incohérent, exportez-le à nouveau."),
                new SchoolExportProblem(SchoolExportBuilder.StaffFile, $"INDIVIDU ID={new string('9', 61)}", 11, SchoolExportProblemKind.TooLong,
                    $"L’identifiant « sts:{new string('9', 36)}… » dépasse 64 caractères (65) : le fichier est incohérent, exportez-le à nouveau."),
            ],
            plan.Problems);
    }

    [Fact]
    public void TheSameGuardianTwice_AndLinksToUnknownPeople()
    {
        var plan = Map(new SchoolExportBuilder()
            .Student("1", "Zoé", "MARTIN")
            .Guardian("9", "Claire", "MARTIN").Guardian("9", "Claire", "DUPONT")
            .Link("1", "9").Link("2", "9").Link("1", "7"));

        Assert.Equal(
            [
                (SchoolExportProblemKind.DuplicateId, "PERSONNE_ID=9", 11, "La personne PERSONNE_ID=9 apparaît deux fois (lignes 10 et 11) : le fichier est incohérent, exportez-le à nouveau."),
                (SchoolExportProblemKind.UnknownStudent, "ELEVE_ID=2, PERSONNE_ID=9", 1001,
                    "Lien vers l’élève ELEVE_ID=2, absent du fichier des élèves « ElevesSansAdresses.xml » : exportez les deux fichiers le même jour."),
                (SchoolExportProblemKind.UnknownGuardian, "ELEVE_ID=1, PERSONNE_ID=7", 1002,
                    "Lien vers la personne PERSONNE_ID=7, absente de la liste des personnes (PERSONNES) du fichier."),
            ],
            plan.Problems.Select(p => (p.Kind, p.Element!, p.Line!.Value, p.Reason)));
    }

    [Fact]
    public void LinksAreNotJudged_AgainstAFileThatWasNotReadWhole()
    {
        var plan = Map(new SchoolExportBuilder().Student("1", "Zoé", "MARTIN").Incomplete(ExportFileKind.Students).Guardian("9", "Claire", "MARTIN").Link("2", "9"),
            new SchoolExportProblem(SchoolExportBuilder.StudentsFile, null, 30, SchoolExportProblemKind.Truncated, "tronqué"));

        Assert.Equal([SchoolExportProblemKind.Truncated], plan.Problems.Select(p => p.Kind));
    }

    [Fact]
    public void ExternalIds_TellTheirSource()
    {
        Assert.Equal(("siecle:eleve:1", "siecle:personne:2", "sts:3"), (SchoolExternalIds.Student("1"), SchoolExternalIds.Guardian("2"), SchoolExternalIds.Staff("3")));
        Assert.True(SchoolExternalIds.TryKindOf("siecle:personne:2", out var kind));
        Assert.Equal(ExportFileKind.Guardians, kind);
        Assert.False(SchoolExternalIds.TryKindOf("RL-0042", out _));
        Assert.False(SchoolExternalIds.TryKindOf(null, out _));
    }
}

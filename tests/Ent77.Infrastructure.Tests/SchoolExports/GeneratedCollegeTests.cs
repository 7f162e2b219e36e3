using System.Globalization;
using System.Text.Unicode;
using Ent77.Application.Administration.SchoolExports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Ent77.TestSupport.SchoolExports;
using static Ent77.Infrastructure.Tests.SchoolExports.ExportFiles;

namespace Ent77.Infrastructure.Tests.SchoolExports;

/// <summary>A generated collège (1,000 students, about 1,700 legal guardians, 80 staff) read and mapped end to end.</summary>
public sealed class GeneratedCollegeTests
{
    private static readonly GeneratedCollegeExport College = CollegeExportGenerator.Generate();
    private static readonly Uai School = Uai.FromStored("0771234Y");

    private static Task<SchoolExportReadResult> ReadPlainAsync(GeneratedCollegeExport college) =>
        ReadAsync(
            Upload(GeneratedCollegeExport.StudentsFileName, college.StudentsXml),
            Upload(GeneratedCollegeExport.GuardiansFileName, college.GuardiansXml),
            Upload(college.StaffFileName, college.StaffXml));

    [Fact]
    public void TheGeneratedCollege_HasTheShapeOfARealOne()
    {
        Assert.Equal(
            new CollegeExportFacts
            {
                Students = 1000, Divisions = 36, LeftByDate = 24, Inactive = 8, LeavingLater = 6, ActiveStudents = 968, ActiveStudentsSharingAName = 35,
                Families = 879, FamiliesWithSiblings = 103, Persons = 1865, Links = 2124, LegalGuardians = 1709, Parents = 1664,
                ParentsWithSeveralChildren = 188, GuardiansOfLeaversOnly = 45, LevelTwo = 28, LevelThree = 128,
                StaffElements = 81, Staff = 80, Teachers = 60, OtherStaff = 20, StaffWithoutFunction = 2, Substitutes = 4,
            },
            College.Facts);
        foreach (var file in new[] { College.StudentsXml, College.GuardiansXml, College.StaffXml })
        {
            Assert.False(Utf8.IsValid(file)); // ISO-8859-15 with accents
            Assert.True(file.AsSpan().StartsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>"u8));
        }

        Assert.Contains((byte)0xBC, College.GuardiansXml); // « Œ » of ŒUVRARD, CŒURDACIER…
    }

    [Fact]
    public void TheGenerator_IsDeterministic()
    {
        var again = CollegeExportGenerator.Generate();
        var other = CollegeExportGenerator.Generate(new CollegeExportOptions { Seed = 78 });

        Assert.Equal(College.StudentsXml, again.StudentsXml);
        Assert.Equal(College.GuardiansXml, again.GuardiansXml);
        Assert.Equal(College.StaffXml, again.StaffXml);
        Assert.NotEqual(College.StudentsXml, other.StudentsXml);
    }

    [Fact]
    public async Task EveryRecord_IsReadAsGenerated()
    {
        var result = await ReadPlainAsync(College);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems.Take(10)));
        Assert.Equal(
            College.Students.Select(s => (s.EleveId, s.Elenoet, s.LastName, s.FirstName, (DateOnly?)s.BirthDate, s.LeavingDate, s.Division)),
            result.Export.Students.Select(s => (s.Id, s.Elenoet!, s.LastName, s.FirstName, s.BirthDate, s.LeavingDate, s.Division!)));
        Assert.Equal(
            College.Persons.Select(p => (p.PersonneId, p.LastName, p.FirstName, p.Email, p.MobilePhone)),
            result.Export.Guardians.Select(g => (g.Id, g.LastName, g.FirstName, g.Email, g.MobilePhone)));
        Assert.Equal(
            College.Links.Select(l => (l.EleveId, l.PersonneId, (int?)l.Level)),
            result.Export.GuardianLinks.Select(l => (l.StudentId, l.GuardianId, l.ResponsibilityLevel)));
        Assert.Equal(College.Facts.StaffElements, result.Export.Staff.Count);
        Assert.Equal(
            College.Staff.Select(s => (s.Id, (string?)s.Type, s.UsageName, s.FirstName, s.BirthDate, s.Function)).Order(),
            result.Export.Staff.DistinctBy(s => s.Id).Select(s => (s.Id, s.Type, s.LastName, s.FirstName, s.BirthDate, s.Function)).Order());
    }

    [Fact]
    public async Task ThePlan_HasExactlyThePeopleTheSchoolHas()
    {
        var facts = College.Facts;

        var plan = SchoolExportMapper.Map(await ReadPlainAsync(College), School, College.Options.ExportDate);

        Assert.True(plan.IsValid, string.Join(Environment.NewLine, plan.Problems.Take(10)));
        Assert.Equal([ExportFileKind.Students, ExportFileKind.Guardians, ExportFileKind.Staff], plan.Kinds);
        Assert.Equal(
            [(Profile.Student, facts.ActiveStudents), (Profile.Parent, facts.Parents), (Profile.Teacher, facts.Teachers), (Profile.Staff, facts.OtherStaff)],
            plan.People.GroupBy(p => p.Profile).Select(g => (g.Key, g.Count())));
        Assert.Equal((968, 1664, 60, 20), (facts.ActiveStudents, facts.Parents, facts.Teachers, facts.OtherStaff));
        Assert.Equal(
            [(LeavingReason.LeftSchool, facts.LeftByDate), (LeavingReason.InactiveDivision, facts.Inactive), (LeavingReason.NoChildInSchool, facts.GuardiansOfLeaversOnly)],
            plan.Leavers.GroupBy(l => l.Reason).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
        Assert.Equal(facts.Students + facts.LegalGuardians + facts.Staff, plan.People.Count + plan.Leavers.Count);
        Assert.Equal(plan.People.Count, plan.People.Select(p => p.ExternalId).Distinct().Count());
        Assert.Equal(facts.Divisions, plan.People.Where(p => p.ClassName is not null).Select(p => p.ClassName).Distinct().Count());
        Assert.Equal(facts.ParentsWithSeveralChildren, plan.People.Count(p => p.ChildExternalIds.Count > 1));

        // Every parent's children are students the plan creates; every active student has at least one parent.
        var students = plan.People.Where(p => p.Profile == Profile.Student).Select(p => p.ExternalId).ToHashSet();
        var children = plan.People.SelectMany(p => p.ChildExternalIds).ToHashSet();
        Assert.Subset(students, children);
        Assert.Equal(students, children);
    }

    [Fact]
    public async Task NamesAreCasedAsLettersPrintThem_AndHomonymsAreKept()
    {
        var plan = SchoolExportMapper.Map(await ReadPlainAsync(College), School, College.Options.ExportDate);
        var staff = plan.People.Where(p => p.Profile is Profile.Teacher or Profile.Staff).ToList();

        // STS-Web gives « NATHALIE » « GRONDIN »: the first name is written as a first name, the family name stays in capitals.
        Assert.All(staff, p => Assert.True(char.IsUpper(p.FirstName[0]) && p.FirstName.Skip(1).Any(char.IsLower), p.FirstName));
        Assert.All(staff, p => Assert.Equal(p.LastName.ToUpper(CultureInfo.GetCultureInfo("fr-FR")), p.LastName));
        Assert.Equal(2, plan.People.Count(p => p is { Profile: Profile.Student, FirstName: "Lucas", LastName: "MARTIN" }));
        var parentNames = plan.People.Where(p => p.Profile == Profile.Parent).Select(p => Identifier.BaseFor(p.FirstName, p.LastName).Value).ToHashSet();
        Assert.Contains(staff, p => parentNames.Contains(Identifier.BaseFor(p.FirstName, p.LastName).Value));
        Assert.Equal(College.Facts.ActiveStudentsSharingAName,
            plan.People.Where(p => p.Profile == Profile.Student).GroupBy(p => Identifier.BaseFor(p.FirstName, p.LastName).Value).Where(g => g.Count() > 1).Sum(g => g.Count()));
    }

    [Fact]
    public async Task FilesBefore2018_InAnotherElementOrder_InOneZip_GiveTheSamePlan()
    {
        var legacy = CollegeExportGenerator.Generate(new CollegeExportOptions { Before2018 = true, ShuffledOrder = true });
        Assert.NotEqual(College.GuardiansXml, legacy.GuardiansXml);
        Assert.True(legacy.GuardiansXml.AsSpan().IndexOf("<RESP_LEGAL>"u8) > 0);
        Assert.True(legacy.GuardiansXml.AsSpan().IndexOf("NIVEAU_RESPONSABILITE"u8) < 0);
        Assert.True(legacy.StudentsXml.AsSpan().IndexOf("NOM_DE_FAMILLE"u8) < 0);

        var plain = SchoolExportMapper.Map(await ReadPlainAsync(College), School, College.Options.ExportDate);
        var zipped = SchoolExportMapper.Map(await ReadAsync(Upload("export.zip", legacy.ToZip())), School, legacy.Options.ExportDate);

        Assert.True(zipped.IsValid, string.Join(Environment.NewLine, zipped.Problems.Take(10)));
        Assert.Equal(plain.People.Select(SchoolExportReaderTests.Describe), zipped.People.Select(SchoolExportReaderTests.Describe));
        Assert.Equal(plain.Leavers.Select(l => (l.ExternalId, l.Reason, l.LeftOn)), zipped.Leavers.Select(l => (l.ExternalId, l.Reason, l.LeftOn)));
        Assert.All(zipped.People, p => Assert.StartsWith("export.zip › ", p.Source.File, StringComparison.Ordinal));
    }
}

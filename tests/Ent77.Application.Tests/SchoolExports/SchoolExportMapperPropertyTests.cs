using Ent77.Application.Administration.SchoolExports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ent77.Application.Tests.SchoolExports;

/// <summary>
/// The mapping over random exports: students who left or not, guardians at every level (and the older RESP_LEGAL),
/// links in any number and order, staff of every function, ids repeated, names in any case. Each property states
/// the rule from the records themselves, set by set, not the way the mapping computes it.
/// </summary>
public sealed class SchoolExportMapperPropertyTests
{
    private static readonly Uai School = Uai.FromStored("0771234Y");

    /// <summary>French names as the exports give them, in any case and with stray spaces: always with letters for the identifier.</summary>
    private static readonly Gen<string> Names =
        from name in Gen.Elements("Zoé", "Jean-Pierre", "N'Diaye", "Lœuillet", "Marie Ève", "de La Fontaine", "Élodie", "O’Neill", "McKenzie", "Thi Thu", "Nœmie", "Ségolène", "Brûlé")
        from casing in Gen.Choose(0, 2)
        from before in Gen.Elements("", " ", "  ", "\t")
        from after in Gen.Elements("", " ", "\u00A0")
        select before + (casing switch { 0 => name, 1 => name.ToUpperInvariant(), _ => name.ToLowerInvariant() }) + after;

    private sealed record Case(SchoolExport Export, DateOnly Today)
    {
        public override string ToString() =>
            $"today {Today}; students [{string.Join("; ", Export.Students.Select(s => $"{s.Id} {s.FirstName} {s.LastName} {s.LeavingDate} {s.Division}"))}]; " +
            $"links [{string.Join("; ", Export.GuardianLinks.Select(l => $"{l.StudentId}-{l.GuardianId} {l.ResponsibilityLevel}/{l.LegalResponsible}"))}]; " +
            $"staff [{string.Join("; ", Export.Staff.Select(s => $"{s.Id} {s.Function}"))}]";
    }

    private static readonly Gen<Case> Cases =
        from today in Gen.Choose(0, 3650).Select(d => new DateOnly(2020, 1, 1).AddDays(d))
        from students in (
            from first in Names
            from last in Names
            from leaves in Gen.Elements(false, true)
            from offset in Gen.Choose(-400, 400)
            from division in Gen.Elements<string?>("6A", "5B", " 4C ", "Inactifs", "INACTIFS", null, "")
            select (first, last, leaves, offset, division)).ListOf()
        from guardians in (from first in Names from last in Names select (first, last)).ListOf()
        from links in (from student in Gen.Choose(0, 1000) from guardian in Gen.Choose(0, 1000) from level in Gen.Choose(0, 5) select (student, guardian, level)).ListOf()
        from staff in (
            from id in Gen.Choose(1, 30)
            from first in Names
            from last in Names
            from function in Gen.Elements<string?>("ENS", "ens", " ENS ", "DIR", "EDU", "DOC", null, "ENSEIGNANT")
            select (id, first, last, function)).ListOf()
        select new Case(
            new SchoolExport(
                [
                    new ExportedFile("eleves.xml", ExportFileKind.Students, "0771234Y", true),
                    new ExportedFile("responsables.xml", ExportFileKind.Guardians, "0771234Y", true),
                    new ExportedFile("sts.xml", ExportFileKind.Staff, "0771234Y", true),
                ],
                [.. students.Select((s, i) => new ExportedStudent($"{145000 + i}", null, s.last, s.first, null, s.leaves ? today.AddDays(s.offset) : null, s.division,
                    new ExportSource("eleves.xml", i + 1)))],
                [.. guardians.Select((g, i) => new ExportedGuardian($"{290000 + i}", g.last, g.first, null, null, new ExportSource("responsables.xml", i + 1)))],
                students.Count == 0 || guardians.Count == 0
                    ? []
                    : [.. links.Select((l, i) => new ExportedGuardianLink($"{145000 + (l.student % students.Count)}", $"{290000 + (l.guardian % guardians.Count)}",
                        l.level < 3 ? l.level + 1 : null, l.level >= 3 ? (l.level - 3 + 1) % 3 : null, new ExportSource("responsables.xml", 10_000 + i)))],
                [.. staff.Select((s, i) => new ExportedStaffMember($"{4000 + s.id}", "epp", s.last, s.first, null, s.function, new ExportSource("sts.xml", i + 1)))]),
            today);

    private static SchoolImportPlan Map(Case c)
    {
        var plan = SchoolExportMapper.Map(new SchoolExportReadResult(c.Export, []), School, c.Today);
        Assert.True(plan.IsValid, string.Join(Environment.NewLine, plan.Problems));
        return plan;
    }

    private static bool HasLeft(ExportedStudent s, DateOnly today) =>
        (s.LeavingDate is { } date && date <= today) || string.Equals(s.Division?.Trim(), "Inactifs", StringComparison.OrdinalIgnoreCase);

    [Property(MaxTest = 300)]
    public Property EveryStudent_IsEitherToCreateOrALeaver_ByTheirLeavingDateAndDivision() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var plan = Map(c);
            var created = plan.People.Where(p => p.Profile == Profile.Student).ToDictionary(p => p.ExternalId);
            var left = plan.Leavers.Where(l => l.Profile == Profile.Student).ToDictionary(l => l.ExternalId);
            Assert.Equal(c.Export.Students.Count, created.Count + left.Count);
            foreach (var student in c.Export.Students)
            {
                var id = "siecle:eleve:" + student.Id;
                if (HasLeft(student, c.Today))
                {
                    Assert.Equal(student.LeavingDate is { } d && d <= c.Today ? LeavingReason.LeftSchool : LeavingReason.InactiveDivision, left[id].Reason);
                }
                else
                {
                    Assert.Equal(string.IsNullOrWhiteSpace(student.Division) ? null : student.Division.Trim(), created[id].ClassName);
                }
            }
        });

    [Property(MaxTest = 300)]
    public Property Parents_AreExactlyTheLegalGuardiansOfStudentsStillAtSchool_WithThoseChildren() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var plan = Map(c);
            var atSchool = c.Export.Students.Where(s => !HasLeft(s, c.Today)).Select(s => s.Id).ToHashSet();
            var legal = c.Export.GuardianLinks.Where(l => l.ResponsibilityLevel == 1 || (l.ResponsibilityLevel is null && l.LegalResponsible is 1 or 2)).ToList();
            var expected = legal.Where(l => atSchool.Contains(l.StudentId)).GroupBy(l => l.GuardianId)
                .ToDictionary(g => "siecle:personne:" + g.Key, g => g.Select(l => "siecle:eleve:" + l.StudentId).ToHashSet());
            var parents = plan.People.Where(p => p.Profile == Profile.Parent).ToDictionary(p => p.ExternalId);

            Assert.Equal(expected.Keys.Order(), parents.Keys.Order());
            foreach (var (id, children) in expected)
            {
                Assert.Equal(children.Order(), parents[id].ChildExternalIds.Order());
                Assert.Equal(parents[id].ChildExternalIds.Count, parents[id].ChildExternalIds.Distinct().Count());
                Assert.Equal(parents[id].ChildExternalIds.OrderBy(x => int.Parse(x["siecle:eleve:".Length..], System.Globalization.CultureInfo.InvariantCulture)), parents[id].ChildExternalIds);
            }

            // A legal guardian of only leavers is a leaver; a contact (levels 2 and 3, RESP_LEGAL 0) is nothing.
            var guardiansOfLeavers = legal.Select(l => "siecle:personne:" + l.GuardianId).Distinct().Except(expected.Keys).Order();
            Assert.Equal(guardiansOfLeavers, plan.Leavers.Where(l => l.Profile == Profile.Parent).Select(l => l.ExternalId).Order());
            Assert.All(plan.Leavers.Where(l => l.Profile == Profile.Parent), l => Assert.Equal(LeavingReason.NoChildInSchool, l.Reason));
        });

    [Property(MaxTest = 300)]
    public Property Staff_AreOnePersonPerId_TeachersExactlyThoseWhoseFunctionIsEns() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var plan = Map(c);
            var expected = c.Export.Staff.GroupBy(s => s.Id).Select(g => g.First())
                .Select(s => ("sts:" + s.Id, s.Function?.Trim().ToUpperInvariant() == "ENS" ? Profile.Teacher : Profile.Staff));
            Assert.Equal(expected, plan.People.Where(p => p.ExternalId.StartsWith("sts:", StringComparison.Ordinal)).Select(p => (p.ExternalId, p.Profile)));
        });

    [Property(MaxTest = 300)]
    public Property EveryPerson_HasOneExternalIdOfItsSource_AndKeepsTheIdentifierItsNamesGive() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var plan = Map(c);
            Assert.Equal(plan.People.Count, plan.People.Select(p => p.ExternalId).Distinct().Count());
            var raw = c.Export.Students.Select(s => ("siecle:eleve:" + s.Id, s.FirstName, s.LastName))
                .Concat(c.Export.Guardians.Select(g => ("siecle:personne:" + g.Id, g.FirstName, g.LastName)))
                .Concat(c.Export.Staff.GroupBy(s => s.Id).Select(g => g.First()).Select(s => ("sts:" + s.Id, s.FirstName, s.LastName)))
                .ToDictionary(x => x.Item1, x => (First: x.FirstName, Last: x.LastName));
            foreach (var person in plan.People)
            {
                var prefix = person.Profile switch
                {
                    Profile.Student => "siecle:eleve:",
                    Profile.Parent => "siecle:personne:",
                    _ => "sts:",
                };
                Assert.StartsWith(prefix, person.ExternalId, StringComparison.Ordinal);
                var (first, last) = raw[person.ExternalId];
                Assert.Equal(Identifier.BaseFor(first, last), Identifier.BaseFor(person.FirstName, person.LastName));
                Assert.Equal(person.FirstName.Trim(), person.FirstName);
                Assert.Equal(last.Trim().Replace('\u00A0', ' ').Replace('\t', ' '), person.LastName); // family names as given
            }
        });

    [Property(MaxTest = 200)]
    public Property AnEmptyName_OfSomeoneToCreate_MakesThePlanEmpty_AndNamesThem() =>
        Prop.ForAll(Cases.Where(c => c.Export.Students.Any(s => !HasLeft(s, c.Today))).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (c, pick) =>
        {
            var atSchool = c.Export.Students.Where(s => !HasLeft(s, c.Today)).ToList();
            var victim = atSchool[pick % atSchool.Count];
            var export = c.Export with { Students = [.. c.Export.Students.Select(s => s == victim ? s with { FirstName = " " } : s)] };

            var plan = SchoolExportMapper.Map(new SchoolExportReadResult(export, []), School, c.Today);

            Assert.False(plan.IsValid);
            Assert.Empty(plan.People);
            Assert.Empty(plan.Leavers);
            Assert.Equal(
                [new SchoolExportProblem("eleves.xml", "ELEVE_ID=" + victim.Id, victim.Source.Line, SchoolExportProblemKind.EmptyName, "Le prénom est vide : un compte ne peut pas être créé sans lui.")],
                plan.Problems);
        });
}

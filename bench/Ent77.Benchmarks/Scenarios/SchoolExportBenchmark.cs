using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ent77.Application.Administration.Access;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Administration.ImportSchoolExport;
using Ent77.Application.Administration.SchoolExports;
using Ent77.Benchmarks.Harness;
using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Administration.SchoolExports;
using Ent77.Infrastructure.Persistence;
using Ent77.TestSupport.SchoolExports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ent77.Benchmarks.Scenarios;

/// <summary>
/// 6. SIECLE import: the generated collège's exports (one zip) through the real use case
/// (<see cref="ImportSchoolExportCommand"/> via the mediator), against the CSV import of exactly the same people
/// (the same students, parents with their <c>Enfants</c>, staff, external ids), once and for
/// <c>schools</c> collèges in turn (the département's first import). Each run in a child process of its own, with a
/// fresh database, so that its peak resident memory (VmHWM) is the import's.
/// </summary>
internal static class SchoolExportBenchmark
{
    public const string ChildCommand = "siecle-child";

    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record ChildResult(string Mode, int Schools, double ElapsedMs, double PeakMb, int Created, int StoredAccounts, int StoredLinks);

    public static async Task<BenchmarkReport> RunAsync(int schools, int repetitions, int students)
    {
        var report = new BenchmarkReport("siecle", "6. SIECLE import");
        var work = Paths.NewTempDirectory("siecle");
        try
        {
            var people = new List<int>();
            var links = new List<int>();
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
            var reader = new XmlSchoolExportReader(Options.Create(new SchoolExportOptions()));
            for (var i = 0; i < schools; i++)
            {
                var export = CollegeExportGenerator.Generate(new CollegeExportOptions { Seed = 77 + i, Uai = UaiOf(i), Students = students });
                await File.WriteAllBytesAsync(Path.Combine(work, $"school-{i}.zip"), export.ToZip());
                await using var zip = new MemoryStream(export.ToZip());
                var read = await reader.ReadAsync([new SchoolExportFile("export.zip", zip)], default);
                var plan = SchoolExportMapper.Map(read, Domain.Establishments.Uai.Parse(UaiOf(i)).Uai!, today);
                if (!plan.IsValid)
                {
                    throw new InvalidOperationException($"The generated export {i} is invalid: {plan.Problems[0].Reason}");
                }

                await File.WriteAllBytesAsync(Path.Combine(work, $"school-{i}.csv"), Csv(plan));
                people.Add(plan.People.Count);
                links.Add(plan.People.Sum(p => p.ChildExternalIds.Count));
                if (i == 0)
                {
                    report.Notes.Add(Invariant($"One collège: {export.Facts.Students:N0} students, {plan.People.Count:N0} accounts to create (students at school, parents, staff), {links[0]:N0} family links; the zip is {new FileInfo(Path.Combine(work, "school-0.zip")).Length / 1024.0:0} KB, the CSV of the same people {new FileInfo(Path.Combine(work, "school-0.csv")).Length / 1024.0:0} KB."));
                }
            }

            var results = new List<ChildResult>();
            for (var rep = 0; rep < repetitions; rep++)
            {
                foreach (var (mode, count) in new[] { ("siecle", 1), ("csv", 1), ("siecle", schools), ("csv", schools) })
                {
                    if (count > 1 && schools == 1)
                    {
                        continue;
                    }

                    var result = await RunChildAsync(mode, count, work);
                    Console.WriteLine(Invariant($"  import {mode,-6} × {count,3} rep {rep + 1}: {result.ElapsedMs,9:0} ms, peak {result.PeakMb:0} MB"));
                    results.Add(result);
                    report.Sample($"{mode}-{count}.ms", result.ElapsedMs);
                    report.Sample($"{mode}-{count}.peakMb", result.PeakMb);
                    var (expected, expectedLinks) = (people.Take(count).Sum(), links.Take(count).Sum());
                    report.Check(result.Created == expected, Invariant($"{mode} × {count}: {result.Created} created instead of {expected}"));
                    report.Check(result.StoredAccounts == expected, Invariant($"{mode} × {count}: {result.StoredAccounts} accounts stored instead of {expected}"));
                    report.Check(result.StoredLinks == expectedLinks, Invariant($"{mode} × {count}: {result.StoredLinks} family links stored instead of {expectedLinks}"));
                }
            }

            foreach (var count in new[] { 1, schools }.Distinct())
            {
                double Median(string mode, Func<ChildResult, double> figure) => Stats.Median(results.Where(r => r.Mode == mode && r.Schools == count).Select(figure));
                var siecle = Median("siecle", r => r.ElapsedMs) / 1000;
                var csv = Median("csv", r => r.ElapsedMs) / 1000;
                var siecleMb = Median("siecle", r => r.PeakMb);
                var csvMb = Median("csv", r => r.PeakMb);
                var name = count == 1 ? "SIECLE import, one collège" : Invariant($"SIECLE import, {count} collèges in turn");
                report.Rows.Add(new ResultRow(name, "import time", siecle, "s", "CSV import of the same people", csv, siecle / csv, "≤ 1.3 × CSV", siecle / csv <= 1.3));
                report.Rows.Add(new ResultRow(name, "peak memory (VmHWM, median)", siecleMb, "MB", "CSV import of the same people", csvMb, siecleMb / csvMb, "≤ 1.3 × CSV", siecleMb / csvMb <= 1.3));
            }

            report.Notes.Add(Invariant($"Medians of {repetitions} interleaved runs, each in a fresh child process and database."));
            return report;
        }
        finally
        {
            Paths.TryDelete(work);
        }
    }

    /// <summary>A valid UAI of the département for the i-th collège.</summary>
    public static string UaiOf(int i)
    {
        var digits = 771000 + i;
        return Invariant($"0{digits}{Letters[digits % 23]}");
    }

    /// <summary>The same people as the plan, as a roster CSV with the <c>Enfants</c> column.</summary>
    private static byte[] Csv(SchoolImportPlan plan)
    {
        var text = new StringBuilder("Nom;Prénom;Profil;Classe;Date de naissance;Identifiant externe;Enfants\r\n");
        foreach (var p in plan.People)
        {
            var profile = p.Profile switch { Profile.Student => "Élève", Profile.Parent => "Parent", Profile.Teacher => "Enseignant", _ => "Personnel" };
            text.Append(Invariant($"{p.LastName};{p.FirstName};{profile};{p.ClassName};{p.BirthDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)};{p.ExternalId};{string.Join('|', p.ChildExternalIds)}\r\n"));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<ChildResult> RunChildAsync(string mode, int schools, string work)
    {
        var output = Path.Combine(work, $"{mode}-{schools}-{Guid.NewGuid():N}.json");
        return await ChildProcess.RunAsync<ChildResult>(mode, [ChildCommand, mode, schools.ToString(CultureInfo.InvariantCulture), work, output], output);
    }

    /// <summary>The child process: the schools' files imported in turn, each by one command, into a fresh database.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var (mode, schools, work, output) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4]);
        await using var host = await ServiceHost.StartAsync();
        for (var i = 0; i < schools; i++)
        {
            await host.EnsureEstablishmentAsync(UaiOf(i));
        }

        var created = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < schools; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            ImportResult result;
            if (mode == "siecle")
            {
                await using var zip = File.OpenRead(Path.Combine(work, $"school-{i}.zip"));
                result = await sender.Send(new ImportSchoolExportCommand(Actor.Operator, UaiOf(i), [new SchoolExportFile("export.zip", zip)], DryRun: false));
            }
            else
            {
                await using var csv = File.OpenRead(Path.Combine(work, $"school-{i}.csv"));
                result = await sender.Send(new ImportRosterCommand(Actor.Operator, UaiOf(i), csv, DryRun: false));
            }

            created += result.Created;
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        var peak = Machine.PeakResidentMb();
        int accounts, links;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Ent77DbContext>();
            accounts = await db.Accounts.CountAsync(a => a.ExternalId != null);
            links = await db.Accounts.SelectMany(a => a.Children).CountAsync();
        }

        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new ChildResult(mode, schools, elapsed, peak, created, accounts, links), Json));
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

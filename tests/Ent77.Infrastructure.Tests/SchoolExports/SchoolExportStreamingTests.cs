using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using Ent77.Application.Administration.SchoolExports;
using Ent77.Infrastructure.Administration.SchoolExports;
using Ent77.TestSupport.SchoolExports;
using static Ent77.Infrastructure.Tests.SchoolExports.ExportFiles;

namespace Ent77.Infrastructure.Tests.SchoolExports;

/// <summary>Counts every byte the process allocates: runs alone (<see cref="AllocationMeasurements"/>).</summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class SchoolExportStreamingTests
{
    private const int Reads = 100;

    [Fact]
    public async Task ReadingTheCollege100TimesInTurn_AllocatesLessPerReadThanADocumentTree_AndKeepsNothing()
    {
        var college = CollegeExportGenerator.Generate();
        var reader = Reader();
        Task<SchoolExportReadResult> ReadAsync() => reader.ReadAsync(
            [Upload("eleves.xml", college.StudentsXml), Upload("responsables.xml", college.GuardiansXml), Upload("sts.xml", college.StaffXml)],
            TestContext.Current.CancellationToken);
        for (var i = 0; i < 3; i++)
        {
            await ReadAsync(); // warm-up: JIT and tiering are not the reader's allocations
        }

        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Reads; i++)
        {
            var result = await ReadAsync();
            Assert.Equal(college.Facts.Students, result.Export.Students.Count);
        }

        clock.Stop();
        var perRead = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Reads;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;

        // The control: a document tree of the same files (what « never a DOM » forbids) allocates more than the bound.
        var domBefore = GC.GetTotalAllocatedBytes(precise: true);
        var trees = new[] { college.StudentsXml, college.GuardiansXml, college.StaffXml }.Select(bytes => XDocument.Load(new MemoryStream(bytes))).ToList();
        var domAllocated = GC.GetTotalAllocatedBytes(precise: true) - domBefore;
        GC.KeepAlive(trees);

        var bound = 2 * college.TotalBytes;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{college.TotalBytes:N0} bytes of XML; {Reads} reads in {clock.ElapsedMilliseconds} ms ({clock.Elapsed.TotalMilliseconds / Reads:F1} ms a read, {college.TotalBytes * (double)Reads / clock.Elapsed.TotalSeconds / (1024 * 1024):F0} MiB/s); {perRead:N0} bytes allocated a read (bound {bound:N0}); a document tree: {domAllocated:N0}; retained after {Reads} reads: {retained:N0}"));
        if (!Optimized(typeof(XmlSchoolExportReader).Assembly))
        {
            // A Debug build (the README's plain `dotnet test`) allocates each async state machine and keeps locals alive:
            // its figures say nothing of the reader's. The bounds below hold for the built code CI runs (Release).
            Assert.InRange(retained, long.MinValue, 4 * 1024 * 1024);
            return;
        }

        Assert.InRange(perRead, college.TotalBytes / 4, bound);
        Assert.True(domAllocated > bound, $"the control allocated {domAllocated:N0}, not more than {bound:N0}");
        Assert.InRange(retained, long.MinValue, 1024 * 1024);
    }

    private static bool Optimized(System.Reflection.Assembly assembly) =>
        System.Reflection.CustomAttributeExtensions.GetCustomAttribute<DebuggableAttribute>(assembly)?.IsJITOptimizerDisabled != true;
}

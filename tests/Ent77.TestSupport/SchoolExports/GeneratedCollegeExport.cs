using System.IO.Compression;

namespace Ent77.TestSupport.SchoolExports;

/// <summary>
/// A generated collège's three exports, ISO-8859-15 bytes as the national tools write them, with the people they
/// were made from and the counts a reader must find (<see cref="Facts"/>).
/// </summary>
public sealed class GeneratedCollegeExport
{
    public const string StudentsFileName = "ElevesSansAdresses.xml";
    public const string GuardiansFileName = "ResponsablesAvecAdresses.xml";

    internal GeneratedCollegeExport(
        CollegeExportOptions options,
        IReadOnlyList<GeneratedStudent> students,
        IReadOnlyList<GeneratedPerson> persons,
        IReadOnlyList<GeneratedLink> links,
        IReadOnlyList<GeneratedStaffMember> staff,
        CollegeExportFacts facts,
        byte[] studentsXml,
        byte[] guardiansXml,
        byte[] staffXml)
    {
        Options = options;
        Students = students;
        Persons = persons;
        Links = links;
        Staff = staff;
        Facts = facts;
        StudentsXml = studentsXml;
        GuardiansXml = guardiansXml;
        StaffXml = staffXml;
    }

    public CollegeExportOptions Options { get; }

    public IReadOnlyList<GeneratedStudent> Students { get; }

    public IReadOnlyList<GeneratedPerson> Persons { get; }

    public IReadOnlyList<GeneratedLink> Links { get; }

    /// <summary>Distinct staff members (one of the substitutes is written twice, in <c>INDIVIDUS</c> and <c>SUPPLEANTS</c>).</summary>
    public IReadOnlyList<GeneratedStaffMember> Staff { get; }

    public CollegeExportFacts Facts { get; }

    /// <summary><c>BEE_ELEVES</c>, ISO-8859-15.</summary>
    public byte[] StudentsXml { get; }

    /// <summary><c>BEE_RESPONSABLES</c> with addresses, ISO-8859-15.</summary>
    public byte[] GuardiansXml { get; }

    /// <summary><c>STS_EDT</c>, ISO-8859-15.</summary>
    public byte[] StaffXml { get; }

    /// <summary><c>sts_emp_&lt;UAI&gt;_&lt;année&gt;.xml</c>, as STS-Web names it.</summary>
    public string StaffFileName => $"sts_emp_{Options.Uai}_{Options.SchoolYear}.xml";

    public long TotalBytes => StudentsXml.LongLength + GuardiansXml.LongLength + StaffXml.LongLength;

    /// <summary>The three files (or some of them) in one zip, under their usual names.</summary>
    public byte[] ToZip(bool students = true, bool guardians = true, bool staff = true)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (students)
            {
                Add(zip, StudentsFileName, StudentsXml);
            }

            if (guardians)
            {
                Add(zip, GuardiansFileName, GuardiansXml);
            }

            if (staff)
            {
                Add(zip, StaffFileName, StaffXml);
            }
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        stream.Write(content);
    }
}

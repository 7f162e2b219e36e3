using System.Runtime.CompilerServices;
using System.Xml;
using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// <c>STS_EDT</c>: <c>PARAMETRES/UAJ/@CODE</c>; every <c>INDIVIDU</c> (<c>@ID</c>, <c>@TYPE</c>, <c>NOM_USAGE</c> or
/// else <c>NOM_PATRONYMIQUE</c>, <c>PRENOM</c>, <c>DATE_NAISSANCE</c> in yyyy-mm-dd, <c>FONCTION</c>) of the
/// <c>INDIVIDUS</c> and <c>SUPPLEANTS</c> lists under <c>DONNEES</c>. The timetable structure is walked through.
/// </summary>
internal sealed class StaffFileParser(string file, ExportCollector collector) : ExportFileParser(file, collector)
{
    private readonly List<ExportedStaffMember> _staff = [];

    public override ExportFileKind Kind => ExportFileKind.Staff;

    protected override string UajPath => "PARAMETRES/UAJ/@CODE";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override bool TryRead(XmlReader reader, string? section, string parent)
    {
        switch (section, parent, reader.LocalName)
        {
            case (Parameters, Parameters, "UAJ"):
                Uaj = ExportXml.Attribute(reader, "CODE");
                ExportXml.SkipToEnd(reader);
                return true;
            case (Data, "INDIVIDUS" or "SUPPLEANTS", "INDIVIDU"):
                ReadMember(reader);
                return true;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadMember(XmlReader reader)
    {
        var line = ExportXml.Line(reader);
        var id = ExportXml.Attribute(reader, "ID");
        var type = ExportXml.Attribute(reader, "TYPE");
        string usage = string.Empty, birthName = string.Empty, first = string.Empty, born = string.Empty, function = string.Empty;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (ExportXml.NextChild(reader, depth))
            {
                switch (reader.LocalName)
                {
                    case "NOM_USAGE": usage = ExportXml.ReadText(reader); break;
                    case "NOM_PATRONYMIQUE": birthName = ExportXml.ReadText(reader); break;
                    case "PRENOM": first = ExportXml.ReadText(reader); break;
                    case "DATE_NAISSANCE": born = ExportXml.ReadText(reader); break;
                    case "FONCTION": function = ExportXml.ReadText(reader); break;
                }
            }
        }

        if (id is null)
        {
            Problem("INDIVIDU", line, SchoolExportProblemKind.MissingId, "Personnel (INDIVIDU) sans attribut ID : le fichier est incomplet. Exportez-le à nouveau.");
            return;
        }

        var element = $"INDIVIDU ID={id}";
        LastRecord = element;
        var birthDate = Date(born, "yyyy-MM-dd", "AAAA-MM-JJ", "Date de naissance", element, line);
        _staff.Add(new ExportedStaffMember(id, type, usage.Length > 0 ? usage : birthName, first, birthDate, ExportXml.NullIfEmpty(function), Source(line)));
    }

    protected override void Publish() => Collector.Staff.AddRange(_staff);
}

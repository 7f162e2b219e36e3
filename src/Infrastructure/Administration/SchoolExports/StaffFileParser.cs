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

    protected override async ValueTask<bool> TryReadAsync(XmlReader reader, string? section, string parent)
    {
        switch (section, parent, reader.LocalName)
        {
            case (Parameters, Parameters, "UAJ"):
                Uaj = ExportXml.Attribute(reader, "CODE");
                await ExportXml.SkipToEndAsync(reader).ConfigureAwait(false);
                return true;
            case (Data, "INDIVIDUS" or "SUPPLEANTS", "INDIVIDU"):
                await ReadMemberAsync(reader).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private async Task ReadMemberAsync(XmlReader reader)
    {
        var line = ExportXml.Line(reader);
        var id = ExportXml.Attribute(reader, "ID");
        var type = ExportXml.Attribute(reader, "TYPE");
        string usage = string.Empty, birthName = string.Empty, first = string.Empty, born = string.Empty, function = string.Empty;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (await ExportXml.NextChildAsync(reader, depth).ConfigureAwait(false))
            {
                switch (reader.LocalName)
                {
                    case "NOM_USAGE": usage = await ExportXml.ReadTextAsync(reader).ConfigureAwait(false); break;
                    case "NOM_PATRONYMIQUE": birthName = await ExportXml.ReadTextAsync(reader).ConfigureAwait(false); break;
                    case "PRENOM": first = await ExportXml.ReadTextAsync(reader).ConfigureAwait(false); break;
                    case "DATE_NAISSANCE": born = await ExportXml.ReadTextAsync(reader).ConfigureAwait(false); break;
                    case "FONCTION": function = await ExportXml.ReadTextAsync(reader).ConfigureAwait(false); break;
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

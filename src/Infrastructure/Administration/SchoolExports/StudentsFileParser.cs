using System.Runtime.CompilerServices;
using System.Xml;
using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// <c>BEE_ELEVES</c>: <c>PARAMETRES/UAJ</c>; <c>DONNEES/ELEVES/ELEVE</c> (<c>@ELEVE_ID</c>, <c>@ELENOET</c>,
/// <c>NOM_USAGE</c> or else <c>NOM_DE_FAMILLE</c> or else, before 2018, <c>NOM</c>; <c>PRENOM</c>;
/// <c>DATE_NAISS</c> and <c>DATE_SORTIE</c> in dd/mm/yyyy); <c>DONNEES/STRUCTURES/STRUCTURES_ELEVE[@ELEVE_ID]/STRUCTURE</c>,
/// whose <c>TYPE_STRUCTURE</c> <c>D</c> gives the division (<c>CODE_STRUCTURE</c>). Students and structures may
/// come in any order: they are joined at the end.
/// </summary>
internal sealed class StudentsFileParser(string file, ExportCollector collector) : ExportFileParser(file, collector)
{
    private const string DateFormat = "dd/MM/yyyy";
    private const string ShownDateFormat = "JJ/MM/AAAA";

    private readonly List<ExportedStudent> _students = [];
    private readonly Dictionary<string, string> _divisions = new(StringComparer.Ordinal);

    public override ExportFileKind Kind => ExportFileKind.Students;

    protected override string UajPath => "PARAMETRES/UAJ";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override bool TryRead(XmlReader reader, string? section, string parent)
    {
        switch (section, parent, reader.LocalName)
        {
            case (Parameters, Parameters, "UAJ"):
                Uaj = ExportXml.NullIfEmpty(ExportXml.ReadText(reader));
                return true;
            case (Data, "ELEVES", "ELEVE"):
                ReadStudent(reader);
                return true;
            case (Data, "STRUCTURES", "STRUCTURES_ELEVE"):
                ReadStructures(reader);
                return true;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadStudent(XmlReader reader)
    {
        var line = ExportXml.Line(reader);
        var id = ExportXml.Attribute(reader, "ELEVE_ID");
        var elenoet = ExportXml.Attribute(reader, "ELENOET");
        string usage = string.Empty, family = string.Empty, old = string.Empty, first = string.Empty, born = string.Empty, left = string.Empty;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (ExportXml.NextChild(reader, depth))
            {
                switch (reader.LocalName)
                {
                    case "NOM_USAGE": usage = ExportXml.ReadText(reader); break;
                    case "NOM_DE_FAMILLE": family = ExportXml.ReadText(reader); break;
                    case "NOM": old = ExportXml.ReadText(reader); break;
                    case "PRENOM": first = ExportXml.ReadText(reader); break;
                    case "DATE_NAISS": born = ExportXml.ReadText(reader); break;
                    case "DATE_SORTIE": left = ExportXml.ReadText(reader); break;
                }
            }
        }

        if (id is null)
        {
            Problem("ELEVE", line, SchoolExportProblemKind.MissingId, "Élève sans attribut ELEVE_ID : le fichier est incomplet. Exportez-le à nouveau.");
            return;
        }

        var element = $"ELEVE_ID={id}";
        LastRecord = element;
        var lastName = ExportXml.SiecleLastName(usage, family, old);
        var birthDate = Date(born, DateFormat, ShownDateFormat, "Date de naissance", element, line);
        var leavingDate = Date(left, DateFormat, ShownDateFormat, "Date de sortie", element, line);
        _students.Add(new ExportedStudent(id, elenoet, lastName, first, birthDate, leavingDate, null, Source(line)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadStructures(XmlReader reader)
    {
        var id = ExportXml.Attribute(reader, "ELEVE_ID");
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (ExportXml.NextChild(reader, depth))
        {
            if (reader.LocalName != "STRUCTURE" || reader.IsEmptyElement)
            {
                continue;
            }

            string code = string.Empty, type = string.Empty;
            var structureDepth = reader.Depth;
            while (ExportXml.NextChild(reader, structureDepth))
            {
                switch (reader.LocalName)
                {
                    case "CODE_STRUCTURE": code = ExportXml.ReadText(reader); break;
                    case "TYPE_STRUCTURE": type = ExportXml.ReadText(reader); break;
                }
            }

            if (id is not null && code.Length > 0 && string.Equals(type, "D", StringComparison.OrdinalIgnoreCase))
            {
                _divisions.TryAdd(id, code); // the first division wins
            }
        }
    }

    protected override void Publish()
    {
        foreach (var student in _students)
        {
            Collector.Students.Add(_divisions.TryGetValue(student.Id, out var division) ? student with { Division = division } : student);
        }
    }
}

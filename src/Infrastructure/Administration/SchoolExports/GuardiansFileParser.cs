using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// <c>BEE_RESPONSABLES</c>: <c>PARAMETRES/UAJ</c>; <c>DONNEES/PERSONNES/PERSONNE</c> (<c>@PERSONNE_ID</c>,
/// <c>NOM_USAGE</c> or else <c>NOM_DE_FAMILLE</c> or else <c>NOM</c>, <c>PRENOM</c>, <c>MEL</c>, <c>TEL_PORTABLE</c>);
/// <c>DONNEES/RESPONSABLES/RESPONSABLE_ELEVE</c> (<c>ELEVE_ID</c>, <c>PERSONNE_ID</c>, and <c>NIVEAU_RESPONSABILITE</c>,
/// or <c>RESP_LEGAL</c> in files before 2018). Addresses and the rest are walked through.
/// </summary>
internal sealed class GuardiansFileParser(string file, ExportCollector collector) : ExportFileParser(file, collector)
{
    private readonly List<ExportedGuardian> _guardians = [];
    private readonly List<ExportedGuardianLink> _links = [];

    public override ExportFileKind Kind => ExportFileKind.Guardians;

    protected override string UajPath => "PARAMETRES/UAJ";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override bool TryRead(XmlReader reader, string? section, string parent)
    {
        switch (section, parent, reader.LocalName)
        {
            case (Parameters, Parameters, "UAJ"):
                Uaj = ExportXml.NullIfEmpty(ExportXml.ReadText(reader));
                return true;
            case (Data, "PERSONNES", "PERSONNE"):
                ReadPerson(reader);
                return true;
            case (Data, "RESPONSABLES", "RESPONSABLE_ELEVE"):
                ReadLink(reader);
                return true;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadPerson(XmlReader reader)
    {
        var line = ExportXml.Line(reader);
        var id = ExportXml.Attribute(reader, "PERSONNE_ID");
        string usage = string.Empty, family = string.Empty, old = string.Empty, first = string.Empty, mail = string.Empty, mobile = string.Empty;
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
                    case "MEL": mail = ExportXml.ReadText(reader); break;
                    case "TEL_PORTABLE": mobile = ExportXml.ReadText(reader); break;
                }
            }
        }

        if (id is null)
        {
            Problem("PERSONNE", line, SchoolExportProblemKind.MissingId, "Personne sans attribut PERSONNE_ID : le fichier est incomplet. Exportez-le à nouveau.");
            return;
        }

        LastRecord = $"PERSONNE_ID={id}";
        var lastName = ExportXml.SiecleLastName(usage, family, old);
        _guardians.Add(new ExportedGuardian(id, lastName, first, ExportXml.NullIfEmpty(mail), ExportXml.NullIfEmpty(mobile), Source(line)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadLink(XmlReader reader)
    {
        var line = ExportXml.Line(reader);
        string student = string.Empty, person = string.Empty, level = string.Empty, legal = string.Empty;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (ExportXml.NextChild(reader, depth))
            {
                switch (reader.LocalName)
                {
                    case "ELEVE_ID": student = ExportXml.ReadText(reader); break;
                    case "PERSONNE_ID": person = ExportXml.ReadText(reader); break;
                    case "NIVEAU_RESPONSABILITE": level = ExportXml.ReadText(reader); break;
                    case "RESP_LEGAL": legal = ExportXml.ReadText(reader); break;
                }
            }
        }

        if (student.Length == 0 || person.Length == 0)
        {
            var missing = student.Length == 0 && person.Length == 0 ? "ELEVE_ID ni PERSONNE_ID" : student.Length == 0 ? "ELEVE_ID" : "PERSONNE_ID";
            var element = student.Length > 0 ? $"ELEVE_ID={student}" : person.Length > 0 ? $"PERSONNE_ID={person}" : "RESPONSABLE_ELEVE";
            Problem(element, line, SchoolExportProblemKind.MissingId, $"Lien entre un élève et un responsable (RESPONSABLE_ELEVE) sans {missing} : le fichier est incomplet. Exportez-le à nouveau.");
            return;
        }

        var linkElement = $"ELEVE_ID={student}, PERSONNE_ID={person}";
        LastRecord = linkElement;
        var responsibility = Level(level, "NIVEAU_RESPONSABILITE", linkElement, line);
        var legalResponsible = Level(legal, "RESP_LEGAL", linkElement, line);
        if (level.Length == 0 && legal.Length == 0)
        {
            Problem(linkElement, line, SchoolExportProblemKind.InvalidValue,
                "Lien sans NIVEAU_RESPONSABILITE (ni RESP_LEGAL des fichiers d’avant 2018) : on ne peut pas savoir si la personne est responsable légale. Exportez le fichier à nouveau.");
            return;
        }

        if ((level.Length > 0 && responsibility is null) || (legal.Length > 0 && legalResponsible is null))
        {
            return;
        }

        _links.Add(new ExportedGuardianLink(student, person, responsibility, legalResponsible, Source(line)));
    }

    private int? Level(string text, string name, string element, int line)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem(element, line, SchoolExportProblemKind.InvalidValue, $"{name} « {Cut(text)} » invalide : un nombre est attendu (1 responsable légal, 2 personne en charge, 3 contact).");
        return null;
    }

    protected override void Publish()
    {
        Collector.Guardians.AddRange(_guardians);
        Collector.GuardianLinks.AddRange(_links);
    }
}

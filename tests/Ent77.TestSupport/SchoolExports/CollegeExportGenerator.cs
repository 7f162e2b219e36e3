using System.Globalization;
using System.Text;
using System.Xml;

namespace Ent77.TestSupport.SchoolExports;

/// <summary>
/// Makes a realistic, deterministic collège export (same options, same bytes): families of one to three children
/// sharing their legal guardians, most with two; some level-2 persons and level-3 contacts; students who left
/// (by date, or in <c>Inactifs</c>) and some who will leave later; an STS-Web staff list with its mix of functions,
/// substitutes, local staff without function or birth date; French names with accents, œ, hyphens and apostrophes,
/// and deliberate homonyms (two active students « Lucas MARTIN », a teacher who has a parent's name). Written in
/// ISO-8859-15, with the many elements real exports carry and a reader must ignore.
/// </summary>
public static class CollegeExportGenerator
{
    /// <summary>The STS-Web functions of 80 staff: 60 teachers, then management, education, documentation, administration, supervision, health and social, local staff without function.</summary>
    public static readonly IReadOnlyList<string?> StaffFunctions =
    [
        .. Enumerable.Repeat<string?>("ENS", 60), "DIR", "DIR", "EDU", "EDU", "DOC",
        .. Enumerable.Repeat<string?>("ADF", 5), .. Enumerable.Repeat<string?>("SUR", 6), "MDS", "MDS", null, null,
    ];

    private const int Substitutes = 4;

    private static readonly Encoding Latin9 = LoadLatin9();
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static GeneratedCollegeExport Generate(CollegeExportOptions? options = null)
    {
        options ??= new CollegeExportOptions();
        var random = new Random(options.Seed);
        var (students, persons, links) = MakeFamilies(options, random);
        var staff = MakeStaff(options, random, persons);
        var facts = Count(options, students, persons, links, staff);
        return new GeneratedCollegeExport(options, students, persons, links, staff, facts,
            Write(w => WriteStudents(w, options, students)),
            Write(w => WriteGuardians(w, options, persons, links)),
            Write(w => WriteStaff(w, options, staff)));
    }

    private static (List<GeneratedStudent>, List<GeneratedPerson>, List<GeneratedLink>) MakeFamilies(CollegeExportOptions options, Random random)
    {
        var students = new List<GeneratedStudent>(options.Students);
        var persons = new List<GeneratedPerson>();
        var links = new List<GeneratedLink>();
        var familyOf = new List<List<int>>(); // student indexes by family
        var nextEleve = 145_000;
        var nextPersonne = 294_000;
        var family = 0;
        while (students.Count < options.Students)
        {
            var roll = random.Next(100);
            var children = Math.Min(roll < 88 ? 1 : roll < 98 ? 2 : 3, options.Students - students.Count);
            var name = Upper(Pick(random, FrenchNames.FamilyNames));
            var childName = random.Next(100) < 10 ? $"{name}-{Upper(Pick(random, FrenchNames.FamilyNames))}" : name;
            var indexes = new List<int>(children);
            for (var c = 0; c < children; c++)
            {
                var level = random.Next(4); // 0: 6e … 3: 3e
                var born = new DateOnly(options.SchoolYear - 11 - level - (random.Next(100) < 3 ? 1 : 0), 1, 1).AddDays(random.Next(365));
                var division = $"{6 - level}{(char)('A' + random.Next(options.DivisionsPerLevel))}";
                var usage = random.Next(100) < 3 ? Upper(Pick(random, FrenchNames.FamilyNames)) : string.Empty;
                var first = Pick(random, random.Next(2) == 0 ? FrenchNames.Girls : FrenchNames.Boys);
                nextEleve += 1 + random.Next(3);
                indexes.Add(students.Count);
                students.Add(new GeneratedStudent(nextEleve.ToString(CultureInfo.InvariantCulture), (2000 + students.Count).ToString(CultureInfo.InvariantCulture),
                    childName, usage, first, born, division, null, family));
            }

            familyOf.Add(indexes);
            var guardians = new List<(GeneratedPerson Person, int Level)>();
            var two = random.Next(100) < 94;
            var motherFirst = two || random.Next(100) < 75;
            if (motherFirst)
            {
                var birthName = Upper(Pick(random, FrenchNames.FamilyNames));
                var married = random.Next(100) < 60;
                guardians.Add((Person(random, ref nextPersonne, "MME", married ? birthName : name, married ? name : string.Empty, Pick(random, FrenchNames.Women), family), 1));
            }

            if (two || !motherFirst)
            {
                guardians.Add((Person(random, ref nextPersonne, "M.", name, string.Empty, Pick(random, FrenchNames.Men), family), 1));
            }

            if (random.Next(100) < 3)
            {
                guardians.Add((Person(random, ref nextPersonne, random.Next(2) == 0 ? "MME" : "M.", Upper(Pick(random, FrenchNames.FamilyNames)), string.Empty,
                    Pick(random, random.Next(2) == 0 ? FrenchNames.Women : FrenchNames.Men), family), 2));
            }

            if (random.Next(100) < 15)
            {
                guardians.Add((Person(random, ref nextPersonne, "MME", Upper(Pick(random, FrenchNames.FamilyNames)), string.Empty, Pick(random, FrenchNames.Women), family), 3));
            }

            var legalRank = 0;
            foreach (var (person, level) in guardians)
            {
                persons.Add(person);
                var rank = level == 1 ? ++legalRank : 0;
                foreach (var index in indexes)
                {
                    links.Add(new GeneratedLink(students[index].EleveId, person.PersonneId, level, rank));
                }
            }

            family++;
        }

        // Leavers, then late leavers, drawn without repetition.
        var order = Enumerable.Range(0, students.Count).OrderBy(_ => random.Next()).ToList();
        var draw = 0;
        for (var i = 0; i < options.LeftByDate; i++, draw++)
        {
            var s = order[draw];
            students[s] = students[s] with { LeavingDate = new DateOnly(options.SchoolYear - 1, 10, 1).AddDays(random.Next(270)) };
        }

        for (var i = 0; i < options.Inactive; i++, draw++)
        {
            var s = order[draw];
            students[s] = students[s] with { Division = "Inactifs" };
        }

        for (var i = 0; i < options.LeavingLater; i++, draw++)
        {
            var s = order[draw];
            students[s] = students[s] with { LeavingDate = options.ExportDate.AddDays(7 + random.Next(200)) };
        }

        // Homonyms: two active students of different families named « Lucas MARTIN ».
        var actives = order.Skip(draw).Where(s => familyOf[students[s].Family].Count == 1).Take(2).ToList();
        foreach (var s in actives)
        {
            students[s] = students[s] with { FirstName = "Lucas", FamilyName = "MARTIN", UsageName = string.Empty };
        }

        return (students, persons, links);
    }

    private static GeneratedPerson Person(Random random, ref int next, string civility, string family, string usage, string first, int familyIndex)
    {
        next += 1 + random.Next(3);
        var last = usage.Length > 0 ? usage : family;
        var email = random.Next(100) < 70 ? $"{Ascii(first)}.{Ascii(last)}{random.Next(100)}@example.org" : null;
        var mobile = random.Next(100) < 80 ? $"0{6 + random.Next(2)}{random.Next(100_000_000):D8}" : null;
        return new GeneratedPerson(next.ToString(CultureInfo.InvariantCulture), civility, family, usage, first, email, mobile, familyIndex);
    }

    private static List<GeneratedStaffMember> MakeStaff(CollegeExportOptions options, Random random, List<GeneratedPerson> persons)
    {
        var staff = new List<GeneratedStaffMember>(options.Staff);
        var next = 4_000;
        var substitutes = 0;
        for (var i = 0; i < options.Staff; i++)
        {
            var function = StaffFunctions[i % StaffFunctions.Count];
            var woman = random.Next(100) < 60;
            var usage = Upper(Pick(random, FrenchNames.FamilyNames));
            var birthName = woman && random.Next(100) < 40 ? Upper(Pick(random, FrenchNames.FamilyNames)) : usage;
            var first = Pick(random, woman ? FrenchNames.Women : FrenchNames.Men);
            var local = function is null;
            var substitute = function == "ENS" && substitutes < Substitutes && random.Next(100) < 20 && ++substitutes > 0;
            next += 1 + random.Next(5);
            staff.Add(new GeneratedStaffMember(next.ToString(CultureInfo.InvariantCulture), local ? "local" : "epp", usage,
                local ? string.Empty : birthName,
                // STS-Web gives first names in capitals, often without accents.
                random.Next(2) == 0 ? Upper(first) : Upper(Ascii(first, keepSeparators: true)),
                local ? null : new DateOnly(1960, 1, 1).AddDays(random.Next(365 * 40)), function, substitute));
        }

        // A teacher who has a parent's name.
        var parent = persons.First(p => p.Civility == "MME" && p.UsageName.Length == 0);
        var teacher = staff.FindIndex(s => s.Function == "ENS" && !s.Substitute);
        staff[teacher] = staff[teacher] with { UsageName = parent.FamilyName, BirthName = parent.FamilyName, FirstName = Upper(parent.FirstName) };
        return staff;
    }

    private static CollegeExportFacts Count(CollegeExportOptions options, List<GeneratedStudent> students, List<GeneratedPerson> persons,
        List<GeneratedLink> links, List<GeneratedStaffMember> staff)
    {
        bool Active(GeneratedStudent s) => !(s.LeavingDate is { } d && d <= options.ExportDate) && s.Division != "Inactifs";
        var byId = students.ToDictionary(s => s.EleveId);
        var legal = links.Where(l => l.Level == 1).GroupBy(l => l.PersonneId).ToList();
        var activeChildren = legal.Select(g => g.Count(l => Active(byId[l.EleveId]))).ToList();
        var active = students.Where(Active).ToList();
        return new CollegeExportFacts
        {
            Students = students.Count,
            Divisions = students.Where(s => s.Division != "Inactifs").Select(s => s.Division).Distinct().Count(),
            LeftByDate = students.Count(s => s.LeavingDate is { } d && d <= options.ExportDate),
            Inactive = students.Count(s => s.Division == "Inactifs"),
            LeavingLater = students.Count(s => s.LeavingDate is { } d && d > options.ExportDate),
            ActiveStudents = active.Count,
            ActiveStudentsSharingAName = active.GroupBy(s => (NamePart(s.FirstName), NamePart(s.LastName))).Where(g => g.Count() > 1).Sum(g => g.Count()),
            Families = students.Select(s => s.Family).Distinct().Count(),
            FamiliesWithSiblings = students.GroupBy(s => s.Family).Count(g => g.Count() > 1),
            Persons = persons.Count,
            Links = links.Count,
            LegalGuardians = legal.Count,
            Parents = activeChildren.Count(n => n > 0),
            ParentsWithSeveralChildren = activeChildren.Count(n => n > 1),
            GuardiansOfLeaversOnly = activeChildren.Count(n => n == 0),
            LevelTwo = links.Where(l => l.Level == 2).Select(l => l.PersonneId).Distinct().Count(),
            LevelThree = links.Where(l => l.Level == 3).Select(l => l.PersonneId).Distinct().Count(),
            StaffElements = staff.Count + 1,
            Staff = staff.Count,
            Teachers = staff.Count(s => s.Function == "ENS"),
            OtherStaff = staff.Count(s => s.Function != "ENS"),
            StaffWithoutFunction = staff.Count(s => s.Function is null),
            Substitutes = staff.Count(s => s.Substitute),
        };
    }

    // ---- Writing ------------------------------------------------------------------------------------

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var output = new MemoryStream();
        using (var text = new StreamWriter(output, Latin9, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" })
        {
            text.Write("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n");
            using var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, IndentChars = "  ", NewLineChars = "\n" });
            body(xml);
        }

        return output.ToArray();
    }

    private static void WriteStudents(XmlWriter w, CollegeExportOptions options, List<GeneratedStudent> students)
    {
        w.WriteStartElement("BEE_ELEVES");
        w.WriteAttributeString("VERSION", "3.0");
        if (!options.ShuffledOrder)
        {
            WriteBeeParameters(w, options, "08:09:38");
        }

        w.WriteStartElement("DONNEES");
        if (options.ShuffledOrder)
        {
            WriteStructures(w, students);
            WriteStudentList(w, options, students);
        }
        else
        {
            WriteStudentList(w, options, students);
            WriteStructures(w, students);
        }

        w.WriteStartElement("OPTIONS");
        foreach (var s in students.Where((_, i) => i % 7 == 0))
        {
            w.WriteStartElement("OPTION");
            w.WriteAttributeString("ELEVE_ID", s.EleveId);
            w.WriteStartElement("OPTIONS_ELEVE");
            w.WriteElementString("NUM_OPTION", "1");
            w.WriteElementString("CODE_MODALITE_ELECT", "O");
            w.WriteElementString("CODE_MATIERE", "030201");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        if (options.ShuffledOrder)
        {
            WriteBeeParameters(w, options, "08:09:38");
        }

        w.WriteEndElement();
    }

    private static void WriteStudentList(XmlWriter w, CollegeExportOptions options, List<GeneratedStudent> students)
    {
        w.WriteStartElement("ELEVES");
        foreach (var s in students)
        {
            w.WriteStartElement("ELEVE");
            w.WriteAttributeString("ELEVE_ID", s.EleveId);
            w.WriteAttributeString("ELENOET", s.Elenoet);
            var fields = new List<(string Name, string Value)> { ("ID_NATIONAL", $"{s.Elenoet}0{s.EleveId}AB") };
            if (options.Before2018)
            {
                fields.Add(("NOM", s.LastName));
            }
            else
            {
                fields.Add(("NOM_DE_FAMILLE", s.FamilyName));
                fields.Add(("NOM_USAGE", s.UsageName));
            }

            fields.Add(("PRENOM", s.FirstName));
            fields.Add(("PRENOM2", string.Empty));
            fields.Add(("DATE_NAISS", s.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
            fields.Add(("CODE_SEXE", (s.EleveId.Length % 2 + 1).ToString(CultureInfo.InvariantCulture)));
            fields.Add(("DATE_ENTREE", $"01/09/{options.SchoolYear - 1}"));
            if (s.LeavingDate is { } left)
            {
                fields.Add(("DATE_SORTIE", left.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
            }

            fields.Add(("CODE_MEF", "10110001110"));
            fields.Add(("CODE_STATUT", "ST"));
            if (options.ShuffledOrder)
            {
                fields.Reverse();
            }

            foreach (var (name, value) in fields)
            {
                w.WriteElementString(name, value);
            }

            w.WriteStartElement("SCOLARITE_AN_DERNIER");
            w.WriteElementString("CODE_RNE", "0770001A");
            w.WriteElementString("DENOM_PRINC", "ECOLE ELEMENTAIRE");
            w.WriteElementString("DENOM_COMPL", "JEAN MOULIN");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteStructures(XmlWriter w, List<GeneratedStudent> students)
    {
        w.WriteStartElement("STRUCTURES");
        foreach (var s in students)
        {
            w.WriteStartElement("STRUCTURES_ELEVE");
            w.WriteAttributeString("ELEVE_ID", s.EleveId);
            w.WriteAttributeString("ELENOET", s.Elenoet);
            if (s.EleveId[^1] is '3' or '7')
            {
                Structure(w, $"{s.Division[0]}LAT", "G"); // a group first: the division is the one of type D
            }

            Structure(w, s.Division, "D");
            w.WriteEndElement();
        }

        w.WriteEndElement();

        static void Structure(XmlWriter w, string code, string type)
        {
            w.WriteStartElement("STRUCTURE");
            w.WriteElementString("CODE_STRUCTURE", code);
            w.WriteElementString("TYPE_STRUCTURE", type);
            w.WriteEndElement();
        }
    }

    private static void WriteBeeParameters(XmlWriter w, CollegeExportOptions options, string time)
    {
        w.WriteStartElement("PARAMETRES");
        w.WriteElementString("UAJ", options.Uai);
        w.WriteElementString("ANNEE_SCOLAIRE", options.SchoolYear.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("DATE_EXPORT", options.ExportDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        w.WriteElementString("HORODATAGE", $"{options.ExportDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} {time}");
        w.WriteEndElement();
    }

    private static void WriteGuardians(XmlWriter w, CollegeExportOptions options, List<GeneratedPerson> persons, List<GeneratedLink> links)
    {
        w.WriteStartElement("BEE_RESPONSABLES");
        if (!options.ShuffledOrder)
        {
            WriteBeeParameters(w, options, "08:10:02");
        }

        w.WriteStartElement("DONNEES");
        if (options.ShuffledOrder)
        {
            WriteLinks(w, options, links);
            WritePersons(w, options, persons);
        }
        else
        {
            WritePersons(w, options, persons);
            WriteLinks(w, options, links);
        }

        w.WriteStartElement("ADRESSES");
        foreach (var family in persons.Select(p => p.Family).Distinct())
        {
            w.WriteStartElement("ADRESSE");
            w.WriteAttributeString("ADRESSE_ID", (500_000 + family).ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("LIGNE1_ADRESSE", $"{1 + (family % 97)} RUE DES ÉCOLES");
            w.WriteElementString("LIGNE2_ADRESSE", string.Empty);
            w.WriteElementString("CODE_POSTAL", "77000");
            w.WriteElementString("LIBELLE_POSTAL", "MELUN");
            w.WriteElementString("CODE_DEPARTEMENT", "077");
            w.WriteElementString("LL_PAYS", "FRANCE");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        if (options.ShuffledOrder)
        {
            WriteBeeParameters(w, options, "08:10:02");
        }

        w.WriteEndElement();
    }

    private static void WritePersons(XmlWriter w, CollegeExportOptions options, List<GeneratedPerson> persons)
    {
        w.WriteStartElement("PERSONNES");
        foreach (var p in persons)
        {
            w.WriteStartElement("PERSONNE");
            w.WriteAttributeString("PERSONNE_ID", p.PersonneId);
            var fields = new List<(string Name, string Value)> { ("LC_CIVILITE", p.Civility) };
            if (options.Before2018)
            {
                fields.Add(("NOM", p.LastName));
            }
            else
            {
                fields.Add(("NOM_DE_FAMILLE", p.FamilyName));
                fields.Add(("NOM_USAGE", p.UsageName));
            }

            fields.Add(("PRENOM", p.FirstName));
            fields.Add(("TEL_PERSONNEL", "0164000000"));
            fields.Add(("TEL_PORTABLE", p.MobilePhone ?? string.Empty));
            fields.Add(("TEL_PROFESSIONNEL", string.Empty));
            fields.Add(("MEL", p.Email ?? string.Empty));
            fields.Add(("ADRESSE_ID", (500_000 + p.Family).ToString(CultureInfo.InvariantCulture)));
            if (options.ShuffledOrder)
            {
                fields.Reverse();
            }

            foreach (var (name, value) in fields)
            {
                w.WriteElementString(name, value);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteLinks(XmlWriter w, CollegeExportOptions options, List<GeneratedLink> links)
    {
        w.WriteStartElement("RESPONSABLES");
        foreach (var l in links)
        {
            w.WriteStartElement("RESPONSABLE_ELEVE");
            w.WriteElementString("ELEVE_ID", l.EleveId);
            w.WriteElementString("PERSONNE_ID", l.PersonneId);
            if (options.Before2018)
            {
                w.WriteElementString("RESP_LEGAL", l.LegalRank.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteElementString("NIVEAU_RESPONSABILITE", l.Level.ToString(CultureInfo.InvariantCulture));
            }

            w.WriteElementString("CODE_PARENTE", l.Level == 1 ? (l.LegalRank == 1 ? "10" : "20") : "38");
            w.WriteElementString("PAIE_FRAIS_SCOLAIRES", l.LegalRank == 1 ? "1" : "0");
            w.WriteElementString("PERS_CONTACT", l.Level == 2 ? "0" : "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteStaff(XmlWriter w, CollegeExportOptions options, List<GeneratedStaffMember> staff)
    {
        w.WriteStartElement("STS_EDT");
        if (!options.ShuffledOrder)
        {
            WriteStsParameters(w, options);
        }

        w.WriteStartElement("DONNEES");
        w.WriteStartElement("INDIVIDUS");
        var repeated = staff.First(s => s.Substitute);
        foreach (var s in staff.Where(s => !s.Substitute).Append(repeated))
        {
            WriteMember(w, s);
        }

        w.WriteEndElement();
        w.WriteStartElement("STRUCTURE");
        w.WriteStartElement("DIVISIONS");
        var teachers = staff.Where(s => s.Function == "ENS").ToList();
        for (var level = 6; level >= 3; level--)
        {
            for (var d = 0; d < options.DivisionsPerLevel; d++)
            {
                var code = $"{level}{(char)('A' + d)}";
                w.WriteStartElement("DIVISION");
                w.WriteAttributeString("CODE", code);
                w.WriteElementString("LIBELLE_LONG", $"{level}EME {(char)('A' + d)}");
                w.WriteStartElement("SERVICES");
                for (var k = 0; k < 3; k++)
                {
                    w.WriteStartElement("SERVICE");
                    w.WriteAttributeString("CODE_MATIERE", $"06{k}300");
                    w.WriteStartElement("ENSEIGNANTS");
                    w.WriteStartElement("ENSEIGNANT");
                    w.WriteAttributeString("ID", teachers[(level * 31 + d * 7 + k) % teachers.Count].Id);
                    w.WriteEndElement();
                    w.WriteEndElement();
                    w.WriteEndElement();
                }

                w.WriteEndElement();
                w.WriteEndElement();
            }
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("SUPPLEANTS");
        foreach (var s in staff.Where(s => s.Substitute))
        {
            WriteMember(w, s);
        }

        w.WriteEndElement();
        w.WriteEndElement();
        if (options.ShuffledOrder)
        {
            WriteStsParameters(w, options);
        }

        w.WriteEndElement();
    }

    private static void WriteMember(XmlWriter w, GeneratedStaffMember s)
    {
        w.WriteStartElement("INDIVIDU");
        w.WriteAttributeString("ID", s.Id);
        w.WriteAttributeString("TYPE", s.Type);
        w.WriteElementString("SEXE", "2");
        w.WriteElementString("CIVILITE", "2");
        w.WriteElementString("NOM_USAGE", s.UsageName);
        w.WriteElementString("NOM_PATRONYMIQUE", s.BirthName);
        w.WriteElementString("PRENOM", s.FirstName);
        if (s.BirthDate is { } born)
        {
            w.WriteElementString("DATE_NAISSANCE", born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (s.Function is { } function)
        {
            w.WriteElementString("GRADE", function == "ENS" ? "CERT CE" : "ATT");
            w.WriteElementString("FONCTION", function);
        }

        if (s.Function == "ENS")
        {
            w.WriteStartElement("DISCIPLINES");
            w.WriteStartElement("DISCIPLINE");
            w.WriteAttributeString("CODE", "L1300");
            w.WriteElementString("LIBELLE_COURT", "MATHÉMATIQUES");
            w.WriteElementString("NB_HEURES", "18.00");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteStsParameters(XmlWriter w, CollegeExportOptions options)
    {
        w.WriteStartElement("PARAMETRES");
        w.WriteStartElement("UAJ");
        w.WriteAttributeString("CODE", options.Uai);
        w.WriteStartElement("ACADEMIE");
        w.WriteElementString("CODE", "24");
        w.WriteEndElement();
        w.WriteElementString("DENOM_PRINC", "COLLEGE");
        w.WriteElementString("DENOM_COMPL", "LES TILLEULS");
        w.WriteEndElement();
        w.WriteStartElement("ANNEE_SCOLAIRE");
        w.WriteAttributeString("ANNEE", options.SchoolYear.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("DATE_DEBUT", $"{options.SchoolYear}-09-01");
        w.WriteElementString("DATE_FIN", $"{options.SchoolYear + 1}-08-31");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    // ---- Helpers ------------------------------------------------------------------------------------

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Upper(string value) => value.ToUpper(French);

    /// <summary>Lower-case ASCII letters (and, if kept, hyphens and spaces): for e-mail addresses and STS-Web's unaccented first names.</summary>
    private static string Ascii(string value, bool keepSeparators = false)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Replace("œ", "oe", StringComparison.Ordinal).Replace("Œ", "OE", StringComparison.Ordinal)
                     .Replace("æ", "ae", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(keepSeparators ? c : char.ToLowerInvariant(c));
            }
            else if (keepSeparators && c is '-' or ' ' or '\'')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A name as the platform's identifier rule folds it (« Marie-Ève » and « MARIE EVE » → <c>marie-eve</c>, « N'Diaye » → <c>ndiaye</c>).</summary>
    private static string NamePart(string value)
    {
        var builder = new StringBuilder(value.Length);
        var separator = false;
        foreach (var c in Ascii(value, keepSeparators: true))
        {
            if (c is '-' or ' ')
            {
                separator = builder.Length > 0;
                continue;
            }

            if (c == '\'')
            {
                continue;
            }

            if (separator)
            {
                builder.Append('-');
                separator = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static Encoding LoadLatin9()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // A character ISO-8859-15 lacks must fail the generator, never turn into « ? ».
        return Encoding.GetEncoding(28605, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}

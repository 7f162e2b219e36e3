using System.Runtime.CompilerServices;
using System.Xml;
using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// Walks one export from its root to its end, forward only, and hands each element to <see cref="TryRead"/>
/// with the section it is in (the root's child: <c>PARAMETRES</c>, <c>DONNEES</c>) and its parent's name. Records
/// are recognised by section, parent and name, so the order of elements does not matter, an extra level of
/// nesting is tolerated and unknown elements are walked through. Problems go to the collector as they are found.
/// </summary>
internal abstract class ExportFileParser(string file, ExportCollector collector)
{
    protected const string Parameters = "PARAMETRES";
    protected const string Data = "DONNEES";

    private int _records;

    public abstract ExportFileKind Kind { get; }

    /// <summary>The school code the file gives, once read.</summary>
    public string? Uaj { get; protected set; }

    /// <summary>The last record read (<c>ELEVE_ID=…</c>), to say where a broken file stopped.</summary>
    public string? LastRecord { get; protected set; }

    protected string File => file;

    protected ExportCollector Collector => collector;

    /// <summary>
    /// Reads the document; the reader is on the root element. This walk and the per-element methods of the parsers,
    /// <see cref="ExportXml"/> and <see cref="EncodingCheckStream"/> are compiled optimised at their first call: an
    /// import runs them once per element, a few times in a service's life, and the tiered JIT would run them
    /// unoptimised (then instrumented) through the first imports (docs/PERFORMANCE.md, section 6).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse(XmlReader reader, CancellationToken cancellationToken)
    {
        if (!reader.IsEmptyElement)
        {
            var open = new List<string>(8) { reader.LocalName };
            while (open.Count > 0 && reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    open.RemoveAt(open.Count - 1);
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var section = open.Count > 1 ? open[1] : null;
                if (TryRead(reader, section, open[^1]))
                {
                    if ((++_records & 0xFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    continue;
                }

                if (!reader.IsEmptyElement)
                {
                    open.Add(reader.LocalName);
                }
            }
        }

        // To the end of the document: anything after the root is checked too.
        while (reader.Read())
        {
        }
    }

    /// <summary>
    /// Reads the element if it is one this file cares about and returns true, the reader left on its end (or on it
    /// when empty); false leaves it untouched, to be walked into.
    /// </summary>
    protected abstract bool TryRead(XmlReader reader, string? section, string parent);

    /// <summary>Hands over what was read (<paramref name="complete"/>: the whole file was), with the file-level checks.</summary>
    public void Finish(bool complete)
    {
        Publish();
        if (complete && Uaj is null)
        {
            collector.Problem(file, "UAJ", null, SchoolExportProblemKind.MissingUaj,
                $"Le code de l’établissement ({UajPath}) est absent : ce n’est pas un export complet. Exportez le fichier à nouveau.");
        }

        collector.Files.Add(new ExportedFile(file, Kind, Uaj, complete));
    }

    protected abstract string UajPath { get; }

    /// <summary>Adds the records read to the collector.</summary>
    protected abstract void Publish();

    protected void Problem(string? element, int line, SchoolExportProblemKind kind, string reason) =>
        collector.Problem(file, element, line, kind, reason);

    protected ExportSource Source(int line) => new(file, line);

    /// <summary>A date in <paramref name="format"/>, or null (empty, or unreadable: then a problem).</summary>
    protected DateOnly? Date(string text, string format, string shownFormat, string label, string element, int line)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (ExportXml.TryDate(text, format, out var date))
        {
            return date;
        }

        Problem(element, line, SchoolExportProblemKind.InvalidValue, $"{label} « {Cut(text)} » invalide : une date réelle au format {shownFormat} est attendue.");
        return null;
    }

    protected static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

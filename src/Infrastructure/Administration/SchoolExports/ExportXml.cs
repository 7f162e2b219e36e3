using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>Small steps of a forward-only walk through an export with a synchronous <see cref="XmlReader"/> (over bytes in memory).</summary>
internal static class ExportXml
{
    public static int Line(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="parentDepth"/>; false once on that element's
    /// end. A child the caller did not read is walked through (its own children ignored).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool NextChild(XmlReader reader, int parentDepth)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == parentDepth + 1)
            {
                return true;
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == parentDepth)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The text of the current element, trimmed (empty for an empty element); any child element is ignored. Leaves the
    /// reader on the element's end (or on the element itself when it is empty).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        string? text = null;
        StringBuilder? more = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace
                    when reader.Depth == depth + 1:
                    var value = reader.Value;
                    if (text is null)
                    {
                        text = value;
                    }
                    else
                    {
                        (more ??= new StringBuilder(text)).Append(value);
                    }

                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    return (more?.ToString() ?? text ?? string.Empty).Trim();
            }
        }

        return (more?.ToString() ?? text ?? string.Empty).Trim();
    }

    /// <summary>Reads to the end of the current element (the reader is left on its end element, or on it when empty).</summary>
    public static void SkipToEnd(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>An attribute trimmed, null when absent or blank.</summary>
    public static string? Attribute(XmlReader reader, string name)
    {
        var value = reader.GetAttribute(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A SIECLE person's last name (docs/IMPORTS.md): <c>NOM_USAGE</c> if not empty, else <c>NOM_DE_FAMILLE</c>, else (files before 2018) <c>NOM</c>.</summary>
    public static string SiecleLastName(string usage, string family, string old) =>
        usage.Length > 0 ? usage : family.Length > 0 ? family : old;

    public static bool TryDate(string text, string format, out DateOnly date) =>
        DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

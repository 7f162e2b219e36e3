using System.Text;
using System.Text.RegularExpressions;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// The encoding of an XML file, from its first bytes: a UTF-8 byte-order mark, else the <c>encoding</c> of the
/// <c>&lt;?xml …?&gt;</c> declaration, else UTF-8 (the XML rule). Supported: UTF-8, ISO-8859-15 (the exports'
/// usual one, which has « œ » and « € » where ISO-8859-1 has « ½ » and « ¤ »), ISO-8859-1, Windows-1252 and
/// US-ASCII; anything else is a problem named in <see cref="Problem"/>.
/// </summary>
internal sealed partial record XmlDeclaration(int BomLength, string? DeclaredName, Encoding? Encoding, ByteCheck Check, string? Problem)
{
    /// <summary>How many first bytes are sniffed: the declaration always fits.</summary>
    public const int HeadLength = 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Registers the code pages (ISO-8859-15 is not built in) before any member of this type is used: a static
    /// constructor, not a field initialiser, which could run only when the field is first read.
    /// </summary>
    static XmlDeclaration()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Latin9 = Encoding.GetEncoding(28605);
    }

    /// <summary>The ISO-8859-15 encoding.</summary>
    public static Encoding Latin9 { get; }

    public bool IsDeclared => DeclaredName is not null;

    public static XmlDeclaration Read(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new XmlDeclaration(0, null, null, ByteCheck.Utf8,
                "Le fichier est en UTF-16 : les exports SIECLE et STS-Web sont en ISO-8859-15 ou en UTF-8. Exportez-le à nouveau sans le réenregistrer.");
        }

        var bom = head.StartsWith("\uFEFF"u8) ? 3 : 0;
        var declared = DeclaredEncodingName(head[bom..]);
        if (declared is null)
        {
            return new XmlDeclaration(bom, null, Utf8, ByteCheck.Utf8, null);
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(declared);
        }
        catch (ArgumentException)
        {
            return Unsupported(bom, declared);
        }

        var check = encoding.CodePage switch
        {
            65001 => ByteCheck.Utf8,
            28605 or 28591 or 1252 => ByteCheck.SingleByte,
            20127 => ByteCheck.Ascii,
            _ => (ByteCheck?)null,
        };
        if (check is not { } byteCheck)
        {
            return Unsupported(bom, declared);
        }

        if (bom > 0 && byteCheck != ByteCheck.Utf8)
        {
            return new XmlDeclaration(bom, declared, null, byteCheck,
                $"Le fichier commence par la marque d’un fichier UTF-8 mais déclare l’encodage « {declared} » : les deux se contredisent. Exportez-le à nouveau sans le réenregistrer.");
        }

        return new XmlDeclaration(bom, declared, byteCheck == ByteCheck.Utf8 ? Utf8 : encoding, byteCheck, null);
    }

    /// <summary>Whether the text after any byte-order mark and white space starts with markup (<c>&lt;</c>), as any XML does.</summary>
    public static bool StartsWithMarkup(ReadOnlySpan<byte> head)
    {
        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && text[start] == (byte)'<';
    }

    /// <summary>The line of a DOCTYPE in the first bytes (refused: an export has none), to explain the reader's refusal; null when there is none.</summary>
    public static int? DoctypeLine(ReadOnlySpan<byte> head)
    {
        var at = head.IndexOf("<!DOCTYPE"u8);
        return at < 0 ? null : 1 + head[..at].Count((byte)'\n');
    }

    private static XmlDeclaration Unsupported(int bom, string declared) =>
        new(bom, declared, null, ByteCheck.Utf8,
            $"L’encodage déclaré « {declared} » n’est pas pris en charge : les exports SIECLE et STS-Web sont en ISO-8859-15 ou en UTF-8.");

    private static string? DeclaredEncodingName(ReadOnlySpan<byte> text)
    {
        if (!text.StartsWith("<?xml"u8))
        {
            return null;
        }

        var end = text.IndexOf("?>"u8);
        if (end < 0)
        {
            return null; // no end within the head: the XML reader will say it is malformed
        }

        var match = EncodingAttribute().Match(Encoding.Latin1.GetString(text[..end]));
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex("""\sencoding\s*=\s*(["'])(?<name>[A-Za-z][A-Za-z0-9._-]*)\1""", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingAttribute();
}

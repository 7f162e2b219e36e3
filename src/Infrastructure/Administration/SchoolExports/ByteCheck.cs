namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>How the bytes of a file are to be checked as they are read (see <see cref="EncodingCheckStream"/>).</summary>
internal enum ByteCheck
{
    /// <summary>Every byte sequence must be valid UTF-8.</summary>
    Utf8,

    /// <summary>Every byte is a character (ISO-8859-15, ISO-8859-1, Windows-1252), but valid UTF-8 sequences betray a wrong declaration.</summary>
    SingleByte,

    /// <summary>Only ASCII bytes.</summary>
    Ascii,
}

namespace Ent77.Application.Administration.SchoolExports;

/// <summary>What is wrong, as a stable code (the reason says it in French).</summary>
public enum SchoolExportProblemKind
{
    /// <summary>No file in the upload.</summary>
    NoFile,

    /// <summary>More than three files in the upload, or more than one export of the same kind.</summary>
    TooManyFiles,

    /// <summary>An empty file.</summary>
    Empty,

    /// <summary>A file, an unzipped file or all the unzipped files together over their size cap.</summary>
    TooLarge,

    /// <summary>A zip with more entries than the cap.</summary>
    TooManyArchiveEntries,

    /// <summary>An unreadable or damaged zip, or an entry it cannot open.</summary>
    CorruptArchive,

    /// <summary>A zip entry that is not an XML export (another file, another zip).</summary>
    UnexpectedArchiveEntry,

    /// <summary>An uploaded file that is neither XML nor zip.</summary>
    NotAnExport,

    /// <summary>An XML file whose root is none of <c>BEE_ELEVES</c>, <c>BEE_RESPONSABLES</c>, <c>STS_EDT</c>.</summary>
    UnknownRoot,

    /// <summary>Bytes that do not match the declared encoding (or the lack of one), or an encoding not supported.</summary>
    Encoding,

    /// <summary>XML that is not well formed, or that carries a DOCTYPE.</summary>
    MalformedXml,

    /// <summary>XML that stops before its end.</summary>
    Truncated,

    /// <summary>A file without its school code (<c>UAJ</c>).</summary>
    MissingUaj,

    /// <summary>A file of another school than the one imported into.</summary>
    WrongSchool,

    /// <summary>A record without its id (<c>ELEVE_ID</c>, <c>PERSONNE_ID</c>, <c>ID</c>).</summary>
    MissingId,

    /// <summary>A value that cannot be read: a date, a responsibility level.</summary>
    InvalidValue,

    /// <summary>The same id twice in a file.</summary>
    DuplicateId,

    /// <summary>A person to create whose first or last name is empty, or leaves nothing for the identifier.</summary>
    EmptyName,

    /// <summary>A name or a division longer than an account can hold.</summary>
    TooLong,

    /// <summary>A guardian link to a student the students file does not have.</summary>
    UnknownStudent,

    /// <summary>A guardian link to a person the guardians file does not have.</summary>
    UnknownGuardian,
}

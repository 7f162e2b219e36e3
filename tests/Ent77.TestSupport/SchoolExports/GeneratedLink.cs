namespace Ent77.TestSupport.SchoolExports;

/// <summary>
/// A generated <c>RESPONSABLE_ELEVE</c>: <paramref name="Level"/> is the <c>NIVEAU_RESPONSABILITE</c> (1, 2, 3);
/// <paramref name="LegalRank"/> the <c>RESP_LEGAL</c> of files before 2018 (1 or 2 for the legal guardians, 0 otherwise).
/// </summary>
public sealed record GeneratedLink(string EleveId, string PersonneId, int Level, int LegalRank);

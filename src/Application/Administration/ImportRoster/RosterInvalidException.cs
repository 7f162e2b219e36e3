namespace Ent77.Application.Administration.ImportRoster;

/// <summary>The roster has problems: nothing was written.</summary>
public sealed class RosterInvalidException(IReadOnlyList<RosterError> errors)
    : Exception($"Le fichier comporte {errors.Count} erreur(s) : rien n’a été importé.")
{
    public IReadOnlyList<RosterError> Errors { get; } = errors;
}

namespace Ent77.Application.Administration.Access;

/// <summary>A message only an administrator (or the operator at the command line) may send, by <see cref="Actor"/>.</summary>
public interface IAdministrativeRequest
{
    Actor Actor { get; }
}

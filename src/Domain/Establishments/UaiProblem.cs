namespace Ent77.Domain.Establishments;

public enum UaiProblem
{
    None,
    Malformed,
    WrongCheckLetter,
}

namespace Ent77.Domain.Accounts;

public enum PersonNameProblem
{
    None,
    Empty,
    TooLong,
}

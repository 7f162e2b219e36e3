namespace Ent77.Domain.Accounts;

public enum MobilePhoneProblem
{
    None,
    Malformed,
    NotMobile,
}

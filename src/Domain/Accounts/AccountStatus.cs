namespace Ent77.Domain.Accounts;

public enum AccountStatus
{
    Pending,
    Active,
    Blocked,
}

namespace Ent77.Domain.Accounts;

public enum PasswordCheck
{
    Failed,
    Success,
    SuccessRehashNeeded,
}

namespace Ent77.Domain.Accounts;

public enum ResetChannel
{
    Email,
    Sms,
}

namespace Ent77.Domain.Accounts;

public readonly record struct AccountId(Guid Value)
{
    public static AccountId New() => new(Common.SecureRandomPool.NewGuidVersion7());

    public override string ToString() => Value.ToString();
}

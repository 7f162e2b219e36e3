namespace Ent77.Application.Administration.Access;

/// <summary>
/// Who sends an administrative message: a signed-in account, or the operator at the service's command line. Always
/// explicit, so that access fails closed: there is no "no actor" that would be trusted.
/// </summary>
public abstract record Actor
{
    private protected Actor()
    {
    }

    /// <summary>The operator at the command line (<c>establishments add</c>, <c>admins issue</c>), who runs the service itself.</summary>
    public static Actor Operator { get; } = new CommandLineOperator();

    /// <summary>A signed-in account; its rights are read from the database before the message is handled.</summary>
    public static Actor Account(Guid accountId) =>
        accountId == Guid.Empty ? throw new ArgumentException("An actor account has an id.", nameof(accountId)) : new SignedInAccount(accountId);

    /// <summary>The account to name in the audit log (none for the operator).</summary>
    public abstract Guid? AccountId { get; }

    public sealed record SignedInAccount(Guid Id) : Actor
    {
        public override Guid? AccountId => Id;
    }

    public sealed record CommandLineOperator : Actor
    {
        public override Guid? AccountId => null;
    }
}

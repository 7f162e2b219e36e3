namespace Ent77.Domain.Support;

public readonly record struct HelpRequestId(Guid Value)
{
    public static HelpRequestId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

namespace Ent77.Domain.Establishments;

public readonly record struct EstablishmentId(Guid Value)
{
    public static EstablishmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

using Ent77.Domain.Common;
using Ent77.Domain.Establishments.Events;

namespace Ent77.Domain.Establishments;

/// <summary>A school (établissement), known by its UAI.</summary>
public sealed class Establishment : AggregateRoot<EstablishmentId>
{
    public const int MaxNameLength = 200;
    public const int MaxCityLength = 100;

    private Establishment()
    {
    }

    public Uai Uai { get; private set; } = null!;

    public string Name { get; private set; } = string.Empty;

    public string City { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static Establishment Create(Uai uai, string name, string city, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(uai);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainValidationException("name", [new("establishment.name_required", "Le nom de l’établissement est obligatoire.")]);
        }

        var establishment = new Establishment
        {
            Id = EstablishmentId.New(),
            Uai = uai,
            Name = name.Trim(),
            City = city?.Trim() ?? string.Empty,
            CreatedAt = now,
        };
        establishment.Raise(new EstablishmentCreated(establishment.Id, uai.Value, now));
        return establishment;
    }
}

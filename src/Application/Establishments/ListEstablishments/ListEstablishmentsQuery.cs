using Mediator;

namespace Ent77.Application.Establishments.ListEstablishments;

/// <summary>The public list of establishments (for the help form), by name.</summary>
public sealed record ListEstablishmentsQuery : IQuery<IReadOnlyList<EstablishmentDto>>;

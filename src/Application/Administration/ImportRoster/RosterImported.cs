using Mediator;

namespace Ent77.Application.Administration.ImportRoster;

/// <summary>A roster was imported into the school: the accounts it created (each with its first code) and those it updated.</summary>
public sealed record RosterImported(Guid EstablishmentId, IReadOnlyList<Guid> Created, IReadOnlyList<Guid> Updated, DateTimeOffset OccurredAt)
    : INotification;

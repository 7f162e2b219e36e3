using Mediator;

namespace Ent77.Application.Establishments.IssueAdministrator;

/// <summary>An administrator's account was created with its first code: of a school, or of the platform.</summary>
public sealed record AdministratorIssued(Guid AccountId, Guid? EstablishmentId, bool PlatformAdmin, DateTimeOffset OccurredAt) : INotification;

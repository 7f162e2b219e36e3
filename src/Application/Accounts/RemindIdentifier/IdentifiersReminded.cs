using Mediator;

namespace Ent77.Application.Accounts.RemindIdentifier;

/// <summary>
/// « Identifiant oublié » answered: <paramref name="Identifiers"/> of the active accounts linked to <paramref name="Recipient"/>
/// are to be sent there; <paramref name="AccountId"/> and <paramref name="EstablishmentId"/> are the first account's.
/// </summary>
public sealed record IdentifiersReminded(
    string Recipient, IReadOnlyList<string> Identifiers, Guid AccountId, Guid? EstablishmentId, DateTimeOffset OccurredAt) : INotification;

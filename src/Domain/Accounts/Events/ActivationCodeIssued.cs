using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts.Events;

/// <summary>
/// A new activation code was issued; <see cref="ReplacesEarlierCode"/> when the account had one before (a re-issue: the
/// old one, if still live, is revoked), false for an account's first code.
/// </summary>
public sealed record ActivationCodeIssued(
    AccountId AccountId, EstablishmentId? EstablishmentId, DateTimeOffset ExpiresAt, bool ReplacesEarlierCode, DateTimeOffset OccurredAt) : IDomainEvent;

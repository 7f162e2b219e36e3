using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts.Events;

/// <summary>The account was activated with its code: the terms of use of that version were accepted.</summary>
public sealed record AccountActivated(AccountId AccountId, EstablishmentId? EstablishmentId, string TermsVersion, DateTimeOffset OccurredAt) : IDomainEvent;

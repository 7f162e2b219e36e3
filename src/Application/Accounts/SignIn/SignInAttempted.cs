using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.SignIn;

/// <summary>
/// The outcome of a sign-in: <paramref name="AccountId"/> null for an unknown identifier; <paramref name="WhileLockedOut"/>
/// when the account was locked before the attempt.
/// </summary>
public sealed record SignInAttempted(Guid? AccountId, Guid? EstablishmentId, SignInResult Result, bool WhileLockedOut, DateTimeOffset OccurredAt)
    : INotification;

using Ent77.Application.Accounts.SignIn;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>Every sign-in outcome: succeeded, activation required, or failed (unknown identifier, locked account).</summary>
public sealed class SignInAttemptedAuditHandler(IAuditLog audit) : INotificationHandler<SignInAttempted>
{
    public ValueTask Handle(SignInAttempted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        audit.Record(notification switch
        {
            { AccountId: null } => AuditEvent.Record(AuditTypes.SignInFailed, notification.OccurredAt, details: "identifiant inconnu"),
            { Result: SignInResult.SignedIn } => AuditEvent.Record(AuditTypes.SignInSucceeded, notification.OccurredAt, notification.AccountId, notification.EstablishmentId),
            { Result: SignInResult.ActivationRequired } => AuditEvent.Record(AuditTypes.SignInActivationRequired, notification.OccurredAt, notification.AccountId, notification.EstablishmentId),
            _ => AuditEvent.Record(AuditTypes.SignInFailed, notification.OccurredAt, notification.AccountId, notification.EstablishmentId,
                details: notification.WhileLockedOut ? "compte verrouillé" : null),
        });
        return ValueTask.CompletedTask;
    }
}

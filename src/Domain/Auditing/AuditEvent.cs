namespace Ent77.Domain.Auditing;

/// <summary>
/// What happened, to whom, by whom, when. Never holds a secret (no password, code, token or link):
/// <see cref="Details"/> is a short fixed phrase chosen by the code, never typed input.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public Guid? AccountId { get; private set; }

    public Guid? EstablishmentId { get; private set; }

    public Guid? ActorAccountId { get; private set; }

    public string? Details { get; private set; }

    public static AuditEvent Record(
        string type, DateTimeOffset occurredAt, Guid? accountId = null, Guid? establishmentId = null, Guid? actorAccountId = null, string? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return new AuditEvent
        {
            Type = type,
            OccurredAt = occurredAt,
            AccountId = accountId,
            EstablishmentId = establishmentId,
            ActorAccountId = actorAccountId,
            Details = details,
        };
    }
}

/// <summary>The audit event types (stable strings: reports and filters rely on them).</summary>
public static class AuditTypes
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInActivationRequired = "sign-in.activation-required";
    public const string AccountLockedOut = "account.locked-out";
    public const string AccountActivated = "account.activated";
    public const string ActivationFailed = "activation.failed";
    public const string ActivationCodeIssued = "activation-code.issued";
    public const string EstablishmentCreated = "establishment.created";
    public const string AdministratorIssued = "administrator.issued";
    public const string SignedOut = "sign-out";
    public const string PasswordResetRequested = "password-reset.requested";
    public const string PasswordResetCompleted = "password-reset.completed";
    public const string PasswordResetFailed = "password-reset.failed";
    public const string PasswordChanged = "password.changed";
    public const string ContactUpdated = "contact.updated";
    public const string EmailConfirmed = "email.confirmed";
    public const string IdentifierReminderSent = "identifier-reminder.sent";
    public const string RosterImported = "roster.imported";
    public const string ActivationCodesReissued = "activation-codes.reissued";
    public const string AccountBlocked = "account.blocked";
    public const string AccountUnblocked = "account.unblocked";
    public const string HelpRequestSubmitted = "help-request.submitted";
    public const string HelpRequestStarted = "help-request.started";
    public const string HelpRequestResolved = "help-request.resolved";
    public const string HelpRequestRejected = "help-request.rejected";
    public const string HelpRequestsPurged = "help-requests.purged";
}

namespace Ent77.Domain.Auditing;

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
    public const string SessionEnded = "session.ended";
    public const string SignedOutEverywhere = "sign-out.everywhere";
    public const string PasswordResetRequested = "password-reset.requested";
    public const string PasswordResetCompleted = "password-reset.completed";
    public const string PasswordResetFailed = "password-reset.failed";
    public const string PasswordChanged = "password.changed";
    public const string ContactUpdated = "contact.updated";
    public const string EmailConfirmed = "email.confirmed";
    public const string IdentifierReminderSent = "identifier-reminder.sent";
    public const string RosterImported = "roster.imported";
    public const string AccountImported = "account.imported";
    public const string ActivationCodesReissued = "activation-codes.reissued";
    public const string AccountBlocked = "account.blocked";
    public const string AccountUnblocked = "account.unblocked";
    public const string HelpRequestSubmitted = "help-request.submitted";
    public const string HelpRequestStarted = "help-request.started";
    public const string HelpRequestResolved = "help-request.resolved";
    public const string HelpRequestRejected = "help-request.rejected";
    public const string HelpRequestsPurged = "help-requests.purged";
}

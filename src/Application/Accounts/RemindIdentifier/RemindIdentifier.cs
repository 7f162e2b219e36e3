using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Application.Common.Validation;
using Ent77.Application.Notifications;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.RemindIdentifier;

/// <summary>« Identifiant oublié » by e-mail address. Always accepted the same way.</summary>
public sealed record RemindIdentifierCommand(string? Email) : ICommand<Unit>;

public sealed class RemindIdentifierValidator : AbstractValidator<RemindIdentifierCommand>
{
    public RemindIdentifierValidator()
    {
        RuleFor(c => c.Email).PersonalEmail();
    }
}

/// <summary>Sends the identifiers of the active accounts linked to that address, at most a few times an hour.</summary>
public sealed class RemindIdentifierHandler(
    IAccountRepository accounts, INotificationOutbox outbox, IAuditLog audit, IOptions<RecoveryOptions> options, TimeProvider time)
    : ICommandHandler<RemindIdentifierCommand, Unit>
{
    public async ValueTask<Unit> Handle(RemindIdentifierCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        EmailAddress.TryCreate(command.Email, out var email);
        var linked = await accounts.FindActiveByEmailAsync(email!, cancellationToken);
        if (linked.Count == 0)
        {
            return Unit.Value;
        }

        var recipient = linked[0].Email!.Value;
        var sent = await outbox.CountSinceAsync(recipient, NotificationTemplates.IdentifierReminder, now - TimeSpan.FromHours(1), cancellationToken);
        if (sent >= options.Value.MaxMessagesPerHour)
        {
            return Unit.Value;
        }

        outbox.Enqueue(Messages.IdentifierReminder(recipient, linked));
        audit.Record(AuditEvent.Record(AuditTypes.IdentifierReminderSent, now, linked[0].Id.Value, linked[0].EstablishmentId.Value, details: $"{linked.Count} compte(s)"));
        return Unit.Value;
    }
}

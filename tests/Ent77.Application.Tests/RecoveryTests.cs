using Ent77.Application.Accounts.ChangePassword;
using Ent77.Application.Accounts.ConfirmPasswordReset;
using Ent77.Application.Accounts.RemindIdentifier;
using Ent77.Application.Accounts.RequestPasswordReset;
using Ent77.Application.Accounts.UpdateContact;
using Ent77.Application.Common;
using Ent77.Application.Notifications;
using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Common;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Domain.Notifications;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Ent77.Application.Tests;

public sealed class RecoveryTests
{
    private readonly Ports _ports = new();

    private RequestPasswordResetHandler RequestHandler(bool smsEnabled = false) =>
        new(_ports.Accounts, _ports.Secrets, Options.Create(new RecoveryOptions { SmsEnabled = smsEnabled }), _ports.Time);

    private ConfirmPasswordResetHandler ConfirmHandler() =>
        new(_ports.Accounts, _ports.Secrets, _ports.PasswordHasher, PasswordPolicy.Default, _ports.Sessions, _ports.Publisher, _ports.Recovery, _ports.Time);

    [Fact]
    public async Task Request_ForAnActiveAccount_QueuesALinkWithTheClearTokenAndKeepsOnlyItsHash()
    {
        var account = _ports.ActiveAccount();

        await RequestHandler().Handle(new RequestPasswordResetCommand("sophie.dupont", "email"), default);
        await _ports.PublishDomainEventsAsync(account);

        _ports.Outbox.Received(1).Enqueue(
            MessageRecipient.Email("sophie.parent@example.fr", account.Id.Value), new PasswordResetLinkMessage("Sophie", "sophie.dupont"),
            Arg.Is<OneTimeSecret>(s => s.Value == "link-1"));
        Assert.Equal("hash:link-1", Assert.Single(account.ResetRequests).SecretHash);
    }

    [Fact]
    public async Task Request_ForAnUnknownOrPendingAccount_SendsNothing()
    {
        var (pending, _) = _ports.PendingAccount("Lucas", "Moreau");
        pending.ClearDomainEvents();

        await RequestHandler().Handle(new RequestPasswordResetCommand("personne.inconnue", "email"), default);
        await RequestHandler().Handle(new RequestPasswordResetCommand("lucas.moreau", "email"), default);

        Assert.Empty(pending.DomainEvents);
        Assert.Empty(pending.ResetRequests);
    }

    [Fact]
    public async Task Request_TheFourthInAnHour_IsSilentlyDropped()
    {
        var account = _ports.ActiveAccount();
        for (var i = 0; i < 4; i++)
        {
            await RequestHandler().Handle(new RequestPasswordResetCommand("sophie.dupont", "email"), default);
            _ports.Time.Advance(TimeSpan.FromMinutes(5));
        }

        await _ports.PublishDomainEventsAsync(account);
        _ports.Outbox.Received(3).Enqueue(Arg.Any<MessageRecipient>(), Arg.Any<PasswordResetLinkMessage>(), Arg.Any<OneTimeSecret>());
        _ports.Time.Advance(TimeSpan.FromHours(1));
        await RequestHandler().Handle(new RequestPasswordResetCommand("sophie.dupont", "email"), default);
        await _ports.PublishDomainEventsAsync(account);
        _ports.Outbox.Received(4).Enqueue(Arg.Any<MessageRecipient>(), Arg.Any<PasswordResetLinkMessage>(), Arg.Any<OneTimeSecret>());
    }

    [Fact]
    public async Task Request_BySms_WhenEnabled_SendsASixDigitCodeToTheMobile()
    {
        var account = _ports.ActiveAccount();

        await RequestHandler(smsEnabled: true).Handle(new RequestPasswordResetCommand("sophie.dupont", "sms"), default);
        await _ports.PublishDomainEventsAsync(account);

        _ports.Outbox.Received(1).Enqueue(
            new MessageRecipient(NotificationChannel.Sms, "+33612345678", account.Id.Value), new PasswordResetSmsCodeMessage(),
            Arg.Is<OneTimeSecret>(s => s.Value.Length == 6 && s.Value.All(char.IsAsciiDigit)));
    }

    [Theory]
    [InlineData(false, "sms", false)]
    [InlineData(false, "email", true)]
    [InlineData(true, "sms", true)]
    [InlineData(true, "fax", false)]
    public void RequestValidator_OffersSmsOnlyWhenEnabled(bool smsEnabled, string channel, bool valid)
    {
        var validator = new RequestPasswordResetValidator(Options.Create(new RecoveryOptions { SmsEnabled = smsEnabled }));

        Assert.Equal(valid, validator.Validate(new RequestPasswordResetCommand("sophie.dupont", channel)).IsValid);
    }

    [Fact]
    public async Task Confirm_WithTheLiveToken_ResetsEndsSessionsAndTellsThePerson()
    {
        var account = _ports.ActiveAccount();
        var stamp = account.SecurityStamp;
        await RequestHandler().Handle(new RequestPasswordResetCommand("sophie.dupont", "email"), default);
        _ports.Accounts.FindByResetSecretHashAsync("hash:link-1", Arg.Any<CancellationToken>()).Returns(account);

        var outcome = await ConfirmHandler().Handle(new ConfirmPasswordResetCommand("link-1", "Nouveau-Mot2026", "Nouveau-Mot2026"), default);

        Assert.Equal(PasswordResetOutcome.Reset, outcome);
        Assert.Equal("P:Nouveau-Mot2026", account.PasswordHash);
        Assert.NotEqual(stamp, account.SecurityStamp);
        await _ports.Sessions.Received(1).EndAllAsync(account.Id, null, Arg.Any<CancellationToken>());
        await _ports.PublishDomainEventsAsync(account);
        _ports.Outbox.Received(1).Enqueue(
            MessageRecipient.Email("sophie.parent@example.fr", account.Id.Value), new PasswordChangedMessage("Sophie", "sophie.dupont"));
        Assert.Equal(PasswordResetOutcome.InvalidSecret,
            await ConfirmHandler().Handle(new ConfirmPasswordResetCommand("link-1", "Encore-Autre2026", "Encore-Autre2026"), default));
    }

    [Fact]
    public async Task Confirm_WithFiveWrongSmsCodes_KillsTheCode()
    {
        var account = _ports.ActiveAccount();
        await RequestHandler(smsEnabled: true).Handle(new RequestPasswordResetCommand("sophie.dupont", "sms"), default);
        var code = account.ResetRequests.Single().SecretHash["hash:".Length..];

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(PasswordResetOutcome.InvalidSecret,
                await ConfirmHandler().Handle(new ConfirmPasswordResetCommand("999999", "Nouveau-Mot2026", "Nouveau-Mot2026", "sophie.dupont"), default));
        }

        Assert.Equal(PasswordResetOutcome.InvalidSecret,
            await ConfirmHandler().Handle(new ConfirmPasswordResetCommand(code, "Nouveau-Mot2026", "Nouveau-Mot2026", "sophie.dupont"), default));
        Assert.Equal("P:Violette-2012", account.PasswordHash);
    }

    [Fact]
    public async Task ChangePassword_WithTheWrongCurrentPassword_ChangesNothingAndCountsAFailure()
    {
        var account = _ports.ActiveAccount();
        var handler = new ChangePasswordHandler(_ports.Accounts, _ports.PasswordHasher, PasswordPolicy.Default, _ports.Views, _ports.Sessions, _ports.Rules, _ports.Time);

        var ticket = await handler.Handle(new ChangePasswordCommand(account.Id.Value, Guid.NewGuid(), "faux", "Nouveau-Mot2026", "Nouveau-Mot2026"), default);

        Assert.Null(ticket);
        Assert.Equal(1, account.FailedSignInCount);
        Assert.Empty(account.DomainEvents);
    }

    [Fact]
    public async Task ChangePassword_ReturnsTheNewStampForThisSession_AndTellsThePerson()
    {
        var account = _ports.ActiveAccount();
        var handler = new ChangePasswordHandler(_ports.Accounts, _ports.PasswordHasher, PasswordPolicy.Default, _ports.Views, _ports.Sessions, _ports.Rules, _ports.Time);
        var oldStamp = account.SecurityStamp;
        var current = Guid.NewGuid();

        var ticket = await handler.Handle(new ChangePasswordCommand(account.Id.Value, current, "Violette-2012", "Nouveau-Mot2026", "Nouveau-Mot2026"), default);

        Assert.NotNull(ticket);
        Assert.NotEqual(oldStamp, ticket.SecurityStamp);
        Assert.Equal(account.SecurityStamp, ticket.SecurityStamp);
        Assert.Equal(current, ticket.SessionId);
        await _ports.Sessions.Received(1).EndAllAsync(account.Id, new Domain.Accounts.SessionId(current), Arg.Any<CancellationToken>());
        await _ports.PublishDomainEventsAsync(account);
        _ports.Outbox.Received(1).Enqueue(
            MessageRecipient.Email("sophie.parent@example.fr", account.Id.Value), new PasswordChangedMessage("Sophie", "sophie.dupont"));
    }

    [Fact]
    public async Task UpdateContact_WithANewEmail_AsksToConfirmIt()
    {
        var account = _ports.ActiveAccount();
        Assert.True(account.ConfirmEmail(account.EmailConfirmationHash ?? "none", _ports.Time.GetUtcNow()) || account.EmailConfirmedAt is null);
        var handler = new UpdateContactHandler(_ports.Accounts, _ports.PasswordHasher, _ports.Rules, _ports.Time);

        var updated = await handler.Handle(new UpdateContactCommand(account.Id.Value, "nouvelle@example.fr", null, "Violette-2012"), default);
        await _ports.PublishDomainEventsAsync(account);

        Assert.True(updated);
        Assert.Equal("nouvelle@example.fr", account.Email!.Value);
        Assert.Null(account.MobilePhone);
        Assert.Null(account.EmailConfirmedAt);
        _ports.Outbox.Received(1).Enqueue(
            MessageRecipient.Email("nouvelle@example.fr", account.Id.Value), new EmailConfirmationMessage("Sophie", "sophie.dupont"), Arg.Any<OneTimeSecret>());
        _ports.Outbox.Received(1).Enqueue(MessageRecipient.Email("sophie.parent@example.fr", account.Id.Value), new EmailChangedMessage("Sophie", "sophie.dupont"));
        _ports.Audit.Received(1).Record(Arg.Is<Domain.Auditing.AuditEvent>(e => e.Type == Domain.Auditing.AuditTypes.ContactUpdated && e.ActorAccountId == account.Id.Value));
    }

    [Fact]
    public async Task UpdateContact_KeepingTheSameEmail_DoesNotWarnTheAddress()
    {
        var account = _ports.ActiveAccount();
        var handler = new UpdateContactHandler(_ports.Accounts, _ports.PasswordHasher, _ports.Rules, _ports.Time);

        Assert.True(await handler.Handle(new UpdateContactCommand(account.Id.Value, "SOPHIE.parent@example.fr", "06 98 76 54 32", "Violette-2012"), default));
        await _ports.PublishDomainEventsAsync(account);

        _ports.Outbox.DidNotReceive().Enqueue(Arg.Any<MessageRecipient>(), Arg.Any<EmailChangedMessage>());
    }

    [Fact]
    public async Task RemindIdentifier_SendsEveryLinkedIdentifier_AtMostThreeTimesAnHour()
    {
        var account = _ports.ActiveAccount();
        _ports.Accounts.FindActiveByEmailAsync(Arg.Any<EmailAddress>(), Arg.Any<CancellationToken>()).Returns([account]);
        var handler = new RemindIdentifierHandler(_ports.Accounts, _ports.Outbox, _ports.Publisher, _ports.Recovery, _ports.Time);

        await handler.Handle(new RemindIdentifierCommand("SOPHIE.parent@example.fr"), default);
        _ports.Outbox.CountSinceAsync<IdentifierReminderMessage>("sophie.parent@example.fr", Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(3);
        await handler.Handle(new RemindIdentifierCommand("sophie.parent@example.fr"), default);

        await _ports.Publisher.Received(1).Publish(
            Arg.Is<IdentifiersReminded>(e => e.Recipient == "sophie.parent@example.fr" && e.Identifiers.SequenceEqual(new[] { "sophie.dupont" })),
            Arg.Any<CancellationToken>());
    }
}

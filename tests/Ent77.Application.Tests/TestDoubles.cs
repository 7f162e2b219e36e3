using Ent77.Application.Accounts.Sessions;
using Ent77.Application.Administration.Access;
using Ent77.Application.Auditing;
using Ent77.Application.Common.Events;
using Ent77.Application.Notifications.Handlers;
using Ent77.Domain.Common;
using Mediator;
using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Application.Notifications;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Ent77.Application.Tests;

/// <summary>Ports as NSubstitute fakes, with a real establishment and a predictable code hasher.</summary>
public sealed class Ports
{
    public Ports()
    {
        Establishment = Establishment.Create(Uai.Parse("0771234Y").Uai!, "Collège Les Tilleuls", "Melun", Time.GetUtcNow());
        Establishments.FindAsync(Establishment.Id, Arg.Any<CancellationToken>()).Returns(Establishment);
        Establishments.FindForViewAsync(Establishment.Id, Arg.Any<CancellationToken>()).Returns(Establishment);
        Establishments.FindByUaiAsync(Establishment.Uai, Arg.Any<CancellationToken>()).Returns(Establishment);
        CodeHasher.Hash(Arg.Any<ActivationCodeValue>()).Returns(call => "H:" + call.Arg<ActivationCodeValue>().Canonical);
        PasswordHasher.DummyHash.Returns("dummy");
        PasswordHasher.Hash(Arg.Any<string>()).Returns(call => "P:" + call.Arg<string>());
        PasswordHasher.Verify(Arg.Any<string>(), Arg.Any<string>())
            .Returns(call => call.ArgAt<string>(0) == "P:" + call.ArgAt<string>(1) ? PasswordCheck.Success : PasswordCheck.Failed);
        Accounts.TakenIdentifiersAsync(Arg.Any<IReadOnlyCollection<Identifier>>(), Arg.Any<CancellationToken>()).Returns(new HashSet<string>());
        var issued = 0;
        Secrets.NewLinkToken().Returns(_ => { issued++; return new OneTimeSecret($"link-{issued}", $"hash:link-{issued}"); });
        Secrets.HashLinkToken(Arg.Any<string>()).Returns(call => "hash:" + call.Arg<string>());
        Secrets.NewSmsCode().Returns(_ => { issued++; return new OneTimeSecret($"{issued:D6}", $"hash:{issued:D6}"); });
        Secrets.HashSmsCode(Arg.Any<string>()).Returns(call => "hash:" + call.Arg<string>());
        Accounts.FindActiveByEmailAsync(Arg.Any<EmailAddress>(), Arg.Any<CancellationToken>()).Returns([]);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));

    public IAccountRepository Accounts { get; } = Substitute.For<IAccountRepository>();

    public IEstablishmentRepository Establishments { get; } = Substitute.For<IEstablishmentRepository>();

    public IPasswordHasher PasswordHasher { get; } = Substitute.For<IPasswordHasher>();

    public IActivationCodeHasher CodeHasher { get; } = Substitute.For<IActivationCodeHasher>();

    public IAuditLog Audit { get; } = Substitute.For<IAuditLog>();

    public IOptions<AccountRulesOptions> Rules { get; } = Options.Create(new AccountRulesOptions());

    public IOptions<RecoveryOptions> Recovery { get; } = Options.Create(new RecoveryOptions());

    public INotificationOutbox Outbox { get; } = Substitute.For<INotificationOutbox>();

    /// <summary>The use cases' own events (sign-in outcomes, failures…), recorded: assert what was published.</summary>
    public IPublisher Publisher { get; } = Substitute.For<IPublisher>();

    public AdministratorContext Administrator { get; } = new();

    /// <summary>Predictable secrets: link-1, link-2… hashed as "hash:" + secret; SMS codes 000001, 000002….</summary>
    public IRecoverySecrets Secrets { get; } = Substitute.For<IRecoverySecrets>();

    public Establishment Establishment { get; }

    public ISessionRepository Sessions { get; } = Substitute.For<ISessionRepository>();

    public AccountViewReader Views => new(Establishments, Sessions, Accounts, Time);

    public ActivationCodeIssuer Issuer => new(CodeHasher, Rules);

    /// <summary>
    /// What the unit of work does before it commits: takes the events <paramref name="aggregates"/> raised and hands them to
    /// the service's handlers of domain events (audit rows and messages, here into the fakes), round after round.
    /// </summary>
    public async Task PublishDomainEventsAsync(params IAggregateRoot[] aggregates)
    {
        INotificationHandler<DomainEventsRaised>[] handlers =
        [
            new WelcomeMessageHandler(Accounts, Secrets, Outbox, Recovery),
            new PasswordResetMessageHandler(Accounts, Outbox),
            new PasswordChangedMessageHandler(Accounts, Outbox),
            new EmailConfirmationMessageHandler(Accounts, Secrets, Outbox, Recovery),
            new EmailChangedMessageHandler(Accounts, Outbox),
            new AccountLockedOutAuditHandler(Audit),
            new AccountActivatedAuditHandler(Audit),
            new ActivationCodeIssuedAuditHandler(Audit, Administrator),
            new PasswordResetRequestedAuditHandler(Audit),
            new PasswordChangedAuditHandler(Audit),
            new ContactDetailsChangedAuditHandler(Audit),
            new EmailConfirmedAuditHandler(Audit),
        ];
        while (aggregates.SelectMany(a => a.DomainEvents).ToList() is { Count: > 0 } events)
        {
            foreach (var aggregate in aggregates)
            {
                aggregate.ClearDomainEvents();
            }

            var round = new DomainEventsRaised(events);
            foreach (var handler in handlers)
            {
                await handler.Handle(round, default);
            }
        }
    }

    /// <summary>An active account (password "Violette-2012", e-mail and mobile on file) known to the repository.</summary>
    public Account ActiveAccount(string first = "Sophie", string last = "Dupont", string? mobile = "06 12 34 56 78")
    {
        var (account, code) = PendingAccount(first, last);
        Assert.True(ActivationCodeValue.TryParse(code, out var parsed));
        EmailAddress.TryCreate("sophie.parent@example.fr", out var email);
        account.Activate(
            new ActivationDetails(CodeHasher.Hash(parsed), "Violette-2012", email!, mobile is null ? null : MobilePhone.Parse(mobile).Phone, "2026-09"),
            Domain.Accounts.Passwords.PasswordPolicy.Default, PasswordHasher, Time.GetUtcNow());
        account.ClearDomainEvents();
        return account;
    }

    /// <summary>A pending account known to the repository, with its clear code.</summary>
    public (Account Account, string Code) PendingAccount(string first = "Hélène", string last = "Dupont")
    {
        var account = Account.CreatePending(Identifier.BaseFor(first, last), first, last, Profile.Student, Establishment.Id, Time.GetUtcNow());
        var code = Issuer.Issue(account, Time.GetUtcNow()).Code;
        Accounts.FindByIdentifierAsync(account.Identifier, Arg.Any<CancellationToken>()).Returns(account);
        Accounts.FindAsync(account.Id, Arg.Any<CancellationToken>()).Returns(account);
        return (account, code);
    }
}

using Ent77.Application.Accounts.SignIn;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Auditing;
using Ent77.Application.Common.Events;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;
using NSubstitute;

namespace Ent77.Application.Tests;

/// <summary>What each audit handler writes: the type, the account, the school, the actor and the details of its row.</summary>
public sealed class AuditHandlerTests
{
    private readonly Ports _ports = new();
    private readonly List<AuditEvent> _rows = [];

    public AuditHandlerTests()
    {
        _ports.Audit.Record(Arg.Do<AuditEvent>(_rows.Add));
        _ports.Audit.RecordMany(Arg.Do<IEnumerable<AuditEvent>>(many => _rows.AddRange(many)));
    }

    private DateTimeOffset Now => _ports.Time.GetUtcNow();

    public static TheoryData<bool, SignInResult, bool, string, string?> SignInOutcomes() => new()
    {
        { false, SignInResult.Failed, false, AuditTypes.SignInFailed, "identifiant inconnu" },
        { true, SignInResult.Failed, false, AuditTypes.SignInFailed, null },
        { true, SignInResult.Failed, true, AuditTypes.SignInFailed, "compte verrouillé" },
        { true, SignInResult.SignedIn, false, AuditTypes.SignInSucceeded, null },
        { true, SignInResult.ActivationRequired, false, AuditTypes.SignInActivationRequired, null },
    };

    [Theory]
    [MemberData(nameof(SignInOutcomes))]
    public async Task SignInAttempted_IsOneRowPerOutcome(bool known, SignInResult result, bool whileLockedOut, string type, string? details)
    {
        var account = known ? Guid.NewGuid() : (Guid?)null;
        var school = known ? _ports.Establishment.Id.Value : (Guid?)null;

        await new SignInAttemptedAuditHandler(_ports.Audit).Handle(new SignInAttempted(account, school, result, whileLockedOut, Now), default);

        var row = Assert.Single(_rows);
        Assert.Equal((type, account, school, (Guid?)null, details), (row.Type, row.AccountId, row.EstablishmentId, row.ActorAccountId, row.Details));
    }

    [Fact]
    public async Task ActivationCodeIssued_WritesARowForEachReplacedCode_NamingTheAdministrator_AndNoneForAFirstCode()
    {
        var first = new ActivationCodeIssued(AccountId.New(), _ports.Establishment.Id, Now.AddDays(90), ReplacesEarlierCode: false, Now);
        var reissued = new ActivationCodeIssued(AccountId.New(), _ports.Establishment.Id, Now.AddDays(90), ReplacesEarlierCode: true, Now);

        await new ActivationCodeIssuedAuditHandler(_ports.Audit, _ports.Administrator).Handle(new DomainEventsRaised([first, reissued]), default);

        var row = Assert.Single(_rows);
        Assert.Equal(
            (AuditTypes.ActivationCodeIssued, reissued.AccountId.Value, _ports.Establishment.Id.Value, "nouveau code, l’ancien est annulé"),
            (row.Type, row.AccountId!.Value, row.EstablishmentId!.Value, row.Details));
        _ports.Audit.Received(1).RecordMany(Arg.Any<IEnumerable<AuditEvent>>());
    }

    [Fact]
    public async Task RosterImported_IsOneRowForTheImport_ThenOnePerAccount_InBulk()
    {
        Guid[] created = [Guid.NewGuid(), Guid.NewGuid()];
        Guid[] updated = [Guid.NewGuid()];

        await new RosterImportedAuditHandler(_ports.Audit, _ports.Administrator)
            .Handle(new RosterImported(_ports.Establishment.Id.Value, created, updated, Now), default);

        Assert.Equal(
            [
                (AuditTypes.RosterImported, (Guid?)null, "2 compte(s) créé(s) avec leur code, 1 mis à jour"),
                (AuditTypes.AccountImported, created[0], "créé par import, avec son code"),
                (AuditTypes.AccountImported, created[1], "créé par import, avec son code"),
                (AuditTypes.AccountImported, updated[0], "mis à jour par import"),
            ],
            _rows.Select(r => (r.Type, r.AccountId, r.Details!)));
        Assert.All(_rows, r => Assert.Equal(_ports.Establishment.Id.Value, r.EstablishmentId));
        _ports.Audit.Received(1).RecordMany(Arg.Any<IEnumerable<AuditEvent>>());
    }

    [Fact]
    public async Task PasswordChanged_ByItsOwner_NamesThemAsActor_AndByReset_NamesTheChannel()
    {
        var account = AccountId.New();

        await new PasswordChangedAuditHandler(_ports.Audit).Handle(new DomainEventsRaised(
            [new PasswordChanged(account, null, null, Now), new PasswordChanged(account, null, ResetChannel.Sms, Now)]), default);

        Assert.Equal(
            [(AuditTypes.PasswordChanged, (Guid?)account.Value, (string?)null), (AuditTypes.PasswordResetCompleted, null, "Sms")],
            _rows.Select(r => (r.Type, r.ActorAccountId, r.Details)));
    }
}

using Ent77.Domain.Accounts;
using Ent77.Domain.Common;
using Ent77.Domain.Establishments;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

public sealed class AccountTests
{
    private readonly FakePasswordHasher _hasher = new();

    // ---- Creation -----------------------------------------------------------------------------

    [Fact]
    public void CreatePending_StartsPendingWithoutPasswordOrCode()
    {
        var account = Account.CreatePending(Identifier.BaseFor("Hélène", "Dupont"), "  Hélène ", " Dupont ", Profile.Parent, School, Now);

        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.Equal("helene.dupont", account.Identifier.Value);
        Assert.Equal("Hélène", account.FirstName);
        Assert.Equal("Dupont", account.LastName);
        Assert.Equal(Profile.Parent, account.Profile);
        Assert.Equal(School, account.EstablishmentId);
        Assert.Equal(Now, account.CreatedAt);
        Assert.Null(account.PasswordHash);
        Assert.Null(account.ActivatedAt);
        Assert.Null(account.LiveCode(Now));
        Assert.Empty(account.ActivationCodes);
        Assert.Equal(0, account.FailedSignInCount);
        Assert.False(account.IsLockedOut(Now));
        Assert.False(string.IsNullOrEmpty(account.SecurityStamp));
        var created = Assert.IsType<AccountCreated>(Assert.Single(account.DomainEvents));
        Assert.Equal(account.Id, created.AccountId);
        Assert.Equal(School, created.EstablishmentId);
    }

    [Fact]
    public void CreatePending_GivesEachAccountItsOwnIdAndStamp()
    {
        var first = PendingAccount();
        var second = PendingAccount();

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.SecurityStamp, second.SecurityStamp);
    }

    [Fact]
    public void PasswordOwner_IsTheIdentifierAndTheNames()
    {
        var owner = PendingAccount().PasswordOwner;

        Assert.Equal(new("helene.dupont", "Hélène", "Dupont"), owner);
    }

    // ---- Activation codes ---------------------------------------------------------------------

    [Fact]
    public void IssueActivationCode_OnAPendingAccount_MakesALiveCode()
    {
        var account = PendingAccount();

        account.IssueActivationCode(CodeHash, Now, Validity);

        var live = account.LiveCode(Now);
        Assert.NotNull(live);
        Assert.Equal(CodeHash, live.CodeHash);
        Assert.Equal(Now + Validity, live.ExpiresAt);
        Assert.True(account.CanActivateWith(CodeHash, Now));
        var issued = Assert.IsType<ActivationCodeIssued>(account.DomainEvents[^1]);
        Assert.Equal(Now + Validity, issued.ExpiresAt);
    }

    [Fact]
    public void IssueActivationCode_RevokesThePreviousLiveCode()
    {
        var account = PendingAccountWithCode();
        var later = Now.AddDays(1);

        account.IssueActivationCode(OtherCodeHash, later, Validity);

        Assert.Equal(2, account.ActivationCodes.Count);
        var old = account.ActivationCodes.Single(c => c.CodeHash == CodeHash);
        Assert.Equal(later, old.RevokedAt);
        Assert.False(old.IsLive(later));
        Assert.Equal(OtherCodeHash, account.LiveCode(later)!.CodeHash);
        Assert.Single(account.ActivationCodes, c => c.IsLive(later));
        Assert.False(account.CanActivateWith(CodeHash, later));
        Assert.True(account.CanActivateWith(OtherCodeHash, later));
    }

    [Fact]
    public void IssueActivationCode_ManyTimes_LeavesOnlyOneLiveCode()
    {
        var account = PendingAccount();
        for (var i = 0; i < 5; i++)
        {
            account.IssueActivationCode($"hash-{i}", Now.AddMinutes(i), Validity);
        }

        var at = Now.AddMinutes(5);
        Assert.Single(account.ActivationCodes, c => c.IsLive(at));
        Assert.Equal("hash-4", account.LiveCode(at)!.CodeHash);
    }

    [Fact]
    public void LiveCode_AtOrAfterExpiry_IsNull()
    {
        var account = PendingAccountWithCode();
        var expiry = Now + Validity;

        Assert.NotNull(account.LiveCode(expiry - TimeSpan.FromSeconds(1)));
        Assert.Null(account.LiveCode(expiry));
        Assert.Null(account.LiveCode(expiry.AddDays(1)));
        Assert.False(account.CanActivateWith(CodeHash, expiry));
    }

    [Fact]
    public void IssueActivationCode_AfterTheOldOneExpired_GivesANewLiveCode()
    {
        var account = PendingAccountWithCode();
        var later = Now + Validity + TimeSpan.FromDays(1);

        account.IssueActivationCode(OtherCodeHash, later, Validity);

        Assert.Equal(OtherCodeHash, account.LiveCode(later)!.CodeHash);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void IssueActivationCode_WithoutPositiveValidity_Throws(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PendingAccount().IssueActivationCode(CodeHash, Now, TimeSpan.FromDays(days)));

    [Fact]
    public void IssueActivationCode_OnAnActiveAccount_Throws()
    {
        var account = ActiveAccount();

        var ex = Assert.Throws<InvalidTransitionException>(() => account.IssueActivationCode(OtherCodeHash, Now, Validity));

        Assert.Equal(Account.Errors.NotPending, ex.Code);
        Assert.Null(account.LiveCode(Now));
    }

    [Fact]
    public void CanActivateWith_WrongCode_IsFalse() =>
        Assert.False(PendingAccountWithCode().CanActivateWith(OtherCodeHash, Now));

    // ---- Sign-in ------------------------------------------------------------------------------

    [Fact]
    public void SignIn_PendingAccountWithLiveCode_RequiresActivation()
    {
        var account = PendingAccountWithCode();

        var result = account.SignIn("7K3M-9QAB-CDEF", CodeHash, _hasher, Lockout, Now);

        Assert.Equal(SignInResult.ActivationRequired, result);
        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.NotNull(account.LiveCode(Now));
    }

    [Fact]
    public void SignIn_PendingAccountWithWrongCode_Fails()
    {
        var account = PendingAccountWithCode();

        var result = account.SignIn("AAAA-BBBB-CCCC", OtherCodeHash, _hasher, Lockout, Now);

        Assert.Equal(SignInResult.Failed, result);
        Assert.Equal(1, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_PendingAccountWithSomethingThatIsNotACode_Fails()
    {
        var account = PendingAccountWithCode();

        Assert.Equal(SignInResult.Failed, account.SignIn("not a code", null, _hasher, Lockout, Now));
        Assert.Equal(1, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_WhenCodeExpired_Fails()
    {
        var account = PendingAccountWithCode();

        var result = account.SignIn("code", CodeHash, _hasher, Lockout, Now + Validity);

        Assert.Equal(SignInResult.Failed, result);
    }

    [Fact]
    public void SignIn_WithARevokedCode_Fails()
    {
        var account = PendingAccountWithCode();
        account.IssueActivationCode(OtherCodeHash, Now, Validity);

        Assert.Equal(SignInResult.Failed, account.SignIn("code", CodeHash, _hasher, Lockout, Now));
        Assert.Equal(SignInResult.ActivationRequired, account.SignIn("code", OtherCodeHash, _hasher, Lockout, Now));
    }

    [Fact]
    public void SignIn_ActiveAccountWithRightPassword_SignsIn()
    {
        var account = ActiveAccount(_hasher);
        var hashBefore = account.PasswordHash;

        Assert.Equal(SignInResult.SignedIn, account.SignIn(Password, null, _hasher, Lockout, Now.AddHours(1)));
        Assert.Equal(hashBefore, account.PasswordHash);
    }

    [Fact]
    public void SignIn_ActiveAccountWithWrongPassword_Fails()
    {
        var account = ActiveAccount(_hasher);

        Assert.Equal(SignInResult.Failed, account.SignIn("Violette-2013", null, _hasher, Lockout, Now.AddHours(1)));
        Assert.Equal(1, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_ActiveAccountWithItsConsumedCode_Fails()
    {
        var account = ActiveAccount(_hasher);

        Assert.Equal(SignInResult.Failed, account.SignIn("code", CodeHash, _hasher, Lockout, Now.AddHours(1)));
    }

    [Fact]
    public void SignIn_WhenRehashIsNeeded_ReplacesThePasswordHash()
    {
        var account = ActiveAccount(new FakePasswordHasher(FakePasswordHasher.LegacyPrefix));
        Assert.Equal(FakePasswordHasher.LegacyPrefix + Password, account.PasswordHash);
        var stamp = account.SecurityStamp;

        var result = account.SignIn(Password, null, _hasher, Lockout, Now.AddHours(1));

        Assert.Equal(SignInResult.SignedIn, result);
        Assert.Equal(FakePasswordHasher.DefaultPrefix + Password, account.PasswordHash);
        Assert.Equal(1, _hasher.HashCount);
        Assert.Equal(stamp, account.SecurityStamp);
    }

    [Fact]
    public void SignIn_WhenNoRehashIsNeeded_DoesNotHashAgain()
    {
        var account = ActiveAccount(_hasher);
        var hashesBefore = _hasher.HashCount;

        account.SignIn(Password, null, _hasher, Lockout, Now.AddHours(1));

        Assert.Equal(hashesBefore, _hasher.HashCount);
    }

    [Fact]
    public void SignIn_BlockedAccountWithRightPassword_Fails()
    {
        var account = ActiveAccount(_hasher);
        account.Block(Now);

        Assert.Equal(SignInResult.Failed, account.SignIn(Password, null, _hasher, Lockout, Now.AddHours(1)));
    }

    [Fact]
    public void SignIn_BlockedPendingAccountWithLiveCode_Fails()
    {
        var account = PendingAccountWithCode();
        account.Block(Now);

        Assert.Equal(SignInResult.Failed, account.SignIn("code", CodeHash, _hasher, Lockout, Now));
    }

    public static TheoryData<string> EveryKindOfAttempt() =>
    [
        "active-right", "active-wrong", "active-locked", "pending-code", "pending-wrong", "pending-locked", "blocked", "blocked-pending",
    ];

    [Theory]
    [MemberData(nameof(EveryKindOfAttempt))]
    public void SignIn_AlwaysVerifiesExactlyOnePasswordHash(string attempt)
    {
        var hasher = new FakePasswordHasher();
        var later = Now.AddHours(1);
        var account = attempt.StartsWith("active", StringComparison.Ordinal) || attempt == "blocked"
            ? ActiveAccount(hasher)
            : PendingAccountWithCode();
        if (attempt.EndsWith("locked", StringComparison.Ordinal))
        {
            LockOut(account, later);
        }

        if (attempt.StartsWith("blocked", StringComparison.Ordinal))
        {
            account.Block(later);
        }

        var (secret, codeHash) = attempt switch
        {
            "active-right" or "active-locked" or "blocked" => (Password, (string?)null),
            "pending-code" or "pending-locked" or "blocked-pending" => ("code", CodeHash),
            _ => ("wrong-1234", OtherCodeHash),
        };
        var before = hasher.VerifyCount;

        account.SignIn(secret, codeHash, hasher, Lockout, later);

        Assert.Equal(before + 1, hasher.VerifyCount);
        Assert.Equal(account.PasswordHash ?? hasher.DummyHash, hasher.LastVerifiedHash);
    }

    // ---- Lockout ------------------------------------------------------------------------------

    [Fact]
    public void SignIn_AfterFiveConsecutiveFailures_LocksFor15Minutes()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInResult.Failed, account.SignIn("wrong-1234", null, _hasher, Lockout, t));
            Assert.False(account.IsLockedOut(t));
        }

        Assert.Equal(SignInResult.Failed, account.SignIn("wrong-1234", null, _hasher, Lockout, t));

        Assert.True(account.IsLockedOut(t));
        Assert.Equal(t.AddMinutes(15), account.LockedUntil);
        Assert.True(account.IsLockedOut(t.AddMinutes(15) - TimeSpan.FromTicks(1)));
        Assert.False(account.IsLockedOut(t.AddMinutes(15)));
        var locked = Assert.IsType<AccountLockedOut>(account.DomainEvents[^1]);
        Assert.Equal(t.AddMinutes(15), locked.Until);
    }

    [Fact]
    public void SignIn_DuringLockout_FailsEvenWithTheRightPassword()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);
        LockOut(account, t);

        Assert.Equal(SignInResult.Failed, account.SignIn(Password, null, _hasher, Lockout, t));
        Assert.Equal(SignInResult.Failed, account.SignIn(Password, null, _hasher, Lockout, t.AddMinutes(14)));
        Assert.True(account.IsLockedOut(t.AddMinutes(14)));
    }

    [Fact]
    public void SignIn_DuringLockout_DoesNotExtendTheLock()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);
        LockOut(account, t);

        for (var i = 0; i < 10; i++)
        {
            account.SignIn("wrong-1234", null, _hasher, Lockout, t.AddMinutes(1));
        }

        Assert.Equal(t.AddMinutes(15), account.LockedUntil);
        Assert.Equal(0, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_After15Minutes_WorksAgain()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);
        LockOut(account, t);

        Assert.Equal(SignInResult.SignedIn, account.SignIn(Password, null, _hasher, Lockout, t.AddMinutes(15)));
        Assert.False(account.IsLockedOut(t.AddMinutes(15)));
        Assert.Equal(0, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_AfterALockExpires_CountsFailuresFromZero()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);
        LockOut(account, t);
        var after = t.AddMinutes(15);

        Fail(account, 4, after);

        Assert.False(account.IsLockedOut(after));
        Assert.Equal(SignInResult.Failed, account.SignIn("wrong-1234", null, _hasher, Lockout, after));
        Assert.True(account.IsLockedOut(after));
    }

    [Fact]
    public void SignIn_PendingAccountDuringLockout_FailsEvenWithTheLiveCode()
    {
        var account = PendingAccountWithCode();
        LockOut(account, Now);

        Assert.Equal(SignInResult.Failed, account.SignIn("code", CodeHash, _hasher, Lockout, Now));
        Assert.False(account.CanActivateWith(CodeHash, Now));
        Assert.Equal(SignInResult.ActivationRequired, account.SignIn("code", CodeHash, _hasher, Lockout, Now.AddMinutes(15)));
    }

    [Fact]
    public void SignIn_SuccessResetsTheFailureCount()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);

        Fail(account, 4, t);
        Assert.Equal(SignInResult.SignedIn, account.SignIn(Password, null, _hasher, Lockout, t));
        Assert.Equal(0, account.FailedSignInCount);
        Fail(account, 4, t);

        Assert.False(account.IsLockedOut(t));
        Assert.Equal(4, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_ActivationRequiredResetsTheFailureCount()
    {
        var account = PendingAccountWithCode();

        Fail(account, 4, Now);
        Assert.Equal(SignInResult.ActivationRequired, account.SignIn("code", CodeHash, _hasher, Lockout, Now));
        Fail(account, 4, Now);

        Assert.False(account.IsLockedOut(Now));
    }

    [Fact]
    public void SignIn_UsesTheConfiguredLockoutPolicy()
    {
        var account = ActiveAccount(_hasher);
        var policy = new LockoutPolicy(2, TimeSpan.FromMinutes(1));
        var t = Now.AddHours(1);

        account.SignIn("wrong-1234", null, _hasher, policy, t);
        account.SignIn("wrong-1234", null, _hasher, policy, t);

        Assert.True(account.IsLockedOut(t));
        Assert.False(account.IsLockedOut(t.AddMinutes(1)));
    }

    [Fact]
    public void LockoutPolicy_Default_IsFiveFailuresFor15Minutes()
    {
        Assert.Equal(5, LockoutPolicy.Default.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(15), LockoutPolicy.Default.Duration);
    }

    [Fact]
    public void RecordFailedActivation_CountsTowardTheLockout()
    {
        var account = PendingAccountWithCode();

        Fail(account, 4, Now);
        Assert.False(account.IsLockedOut(Now));
        account.RecordFailedActivation(Lockout, Now);

        Assert.True(account.IsLockedOut(Now));
        Assert.False(account.CanActivateWith(CodeHash, Now));
    }

    [Fact]
    public void RecordFailedActivation_FiveTimes_Locks()
    {
        var account = PendingAccountWithCode();

        for (var i = 0; i < 5; i++)
        {
            account.RecordFailedActivation(Lockout, Now);
        }

        Assert.True(account.IsLockedOut(Now));
        Assert.Equal(Now.AddMinutes(15), account.LockedUntil);
        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(), Policy, _hasher, Now));
        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
    }

    // ---- Activation ---------------------------------------------------------------------------

    [Fact]
    public void Activate_WithLiveCode_ActivatesAndRecordsEverything()
    {
        var account = PendingAccountWithCode();
        var stamp = account.SecurityStamp;
        var at = Now.AddDays(2);
        var mobile = MobilePhone.FromStored("+33612345678");

        account.Activate(new ActivationDetails(CodeHash, Password, Email, mobile, TermsVersion), Policy, _hasher, at);

        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal(at, account.ActivatedAt);
        Assert.Equal(FakePasswordHasher.DefaultPrefix + Password, account.PasswordHash);
        Assert.Equal(Email, account.Email);
        Assert.Equal(mobile, account.MobilePhone);
        Assert.Equal(TermsVersion, account.AcceptedTermsVersion);
        Assert.Equal(at, account.TermsAcceptedAt);
        Assert.NotEqual(stamp, account.SecurityStamp);
        var activated = Assert.IsType<AccountActivated>(account.DomainEvents[^1]);
        Assert.Equal(account.Id, activated.AccountId);
        Assert.Equal(TermsVersion, activated.TermsVersion);
        Assert.Equal(at, activated.OccurredAt);
    }

    [Fact]
    public void Activate_WithoutMobile_LeavesItEmpty()
    {
        var account = PendingAccountWithCode();

        account.Activate(new ActivationDetails(CodeHash, Password, Email, null, TermsVersion), Policy, _hasher, Now);

        Assert.Null(account.MobilePhone);
        Assert.Equal(AccountStatus.Active, account.Status);
    }

    [Fact]
    public void Activate_ConsumesTheCode()
    {
        var account = PendingAccountWithCode();
        var at = Now.AddDays(2);

        account.Activate(Details(), Policy, _hasher, at);

        Assert.Null(account.LiveCode(at));
        Assert.False(account.CanActivateWith(CodeHash, at));
        Assert.Equal(at, account.ActivationCodes.Single().ConsumedAt);
    }

    [Fact]
    public void Activate_HashesTheWholePassword()
    {
        var account = PendingAccountWithCode();
        var longPassword = "Violette-" + new string('x', 100) + "-2012-" + new string('y', 13);
        Assert.Equal(128, longPassword.Length);

        account.Activate(Details(password: longPassword), Policy, _hasher, Now);

        Assert.Equal(FakePasswordHasher.DefaultPrefix + longPassword, account.PasswordHash);
    }

    [Fact]
    public void Activate_ResetsTheFailureCount()
    {
        var account = PendingAccountWithCode();
        Fail(account, 4, Now);

        account.Activate(Details(), Policy, _hasher, Now);

        Assert.Equal(0, account.FailedSignInCount);
    }

    [Fact]
    public void Activate_OnAnActiveAccount_Throws()
    {
        var account = ActiveAccount(_hasher);

        var ex = Assert.Throws<InvalidTransitionException>(() => account.Activate(Details(), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.NotPending, ex.Code);
    }

    [Fact]
    public void Activate_OnABlockedAccount_Throws()
    {
        var account = PendingAccountWithCode();
        account.Block(Now);

        var ex = Assert.Throws<InvalidTransitionException>(() => account.Activate(Details(), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.NotPending, ex.Code);
    }

    [Fact]
    public void Activate_WithWrongCode_Throws()
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(codeHash: OtherCodeHash), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
        AssertStillPending(account);
    }

    [Fact]
    public void Activate_WhenCodeExpired_Fails()
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(), Policy, _hasher, Now + Validity));

        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
        Assert.Equal(AccountStatus.Pending, account.Status);
    }

    [Fact]
    public void Activate_WithARevokedCode_Fails()
    {
        var account = PendingAccountWithCode();
        account.IssueActivationCode(OtherCodeHash, Now, Validity);

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(codeHash: CodeHash), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
    }

    [Fact]
    public void Activate_WithoutAnyCode_Fails()
    {
        var account = PendingAccount();

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Activate_WithoutAcceptedTerms_Throws(string terms)
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(terms: terms), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.TermsRequired, ex.Code);
        AssertStillPending(account);
    }

    [Fact]
    public void Activate_WithPasswordContainingTheFirstName_Throws()
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainValidationException>(() => account.Activate(Details(password: "Helene-2024x"), Policy, _hasher, Now));

        Assert.Equal("password", ex.Field);
        Assert.Contains(ex.Errors, e => e.Code == "password.contains_name");
        AssertStillPending(account);
    }

    [Fact]
    public void Activate_WithPasswordBreakingSeveralRules_ReportsThemAll()
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainValidationException>(() => account.Activate(Details(password: "dupont"), Policy, _hasher, Now));

        Assert.Equal("password", ex.Field);
        Assert.Contains(ex.Errors, e => e.Code == "password.too_short");
        Assert.Contains(ex.Errors, e => e.Code == "password.no_digit");
        Assert.Contains(ex.Errors, e => e.Code == "password.contains_name");
    }

    // ---- Block / unblock ----------------------------------------------------------------------

    [Fact]
    public void Block_ChangesTheStatusAndTheSecurityStamp()
    {
        var account = ActiveAccount(_hasher);
        var stamp = account.SecurityStamp;

        account.Block(Now.AddDays(1));

        Assert.Equal(AccountStatus.Blocked, account.Status);
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.IsType<AccountBlocked>(account.DomainEvents[^1]);
    }

    [Fact]
    public void Block_Twice_Throws()
    {
        var account = ActiveAccount(_hasher);
        account.Block(Now);
        var stamp = account.SecurityStamp;

        var ex = Assert.Throws<InvalidTransitionException>(() => account.Block(Now));

        Assert.Equal(Account.Errors.AlreadyBlocked, ex.Code);
        Assert.Equal(stamp, account.SecurityStamp);
    }

    [Fact]
    public void Unblock_AnActivatedAccount_ReturnsToActive()
    {
        var account = ActiveAccount(_hasher);
        account.Block(Now);

        account.Unblock(Now.AddDays(1));

        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.IsType<AccountUnblocked>(account.DomainEvents[^1]);
        Assert.Equal(SignInResult.SignedIn, account.SignIn(Password, null, _hasher, Lockout, Now.AddDays(1)));
    }

    [Fact]
    public void Unblock_AnAccountNeverActivated_ReturnsToPending()
    {
        var account = PendingAccountWithCode();
        account.Block(Now);

        account.Unblock(Now);

        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.True(account.CanActivateWith(CodeHash, Now));
    }

    [Fact]
    public void Unblock_WhenNotBlocked_Throws()
    {
        var ex = Assert.Throws<InvalidTransitionException>(() => ActiveAccount(_hasher).Unblock(Now));

        Assert.Equal(Account.Errors.NotBlocked, ex.Code);
    }

    [Fact]
    public void Unblock_APendingAccountThatIsNotBlocked_Throws()
    {
        var ex = Assert.Throws<InvalidTransitionException>(() => PendingAccount().Unblock(Now));

        Assert.Equal(Account.Errors.NotBlocked, ex.Code);
    }

    // ---- Roles --------------------------------------------------------------------------------

    [Fact]
    public void Grant_EstablishmentAdminWithoutEstablishment_Throws()
    {
        var account = ActiveAccount(_hasher);

        var ex = Assert.Throws<DomainException>(() => account.Grant(Role.EstablishmentAdmin, null));

        Assert.Equal("account.role_scope_required", ex.Code);
        Assert.Empty(account.Roles);
    }

    [Fact]
    public void Grant_EstablishmentAdmin_MakesAdministratorOfThatEstablishmentOnly()
    {
        var account = ActiveAccount(_hasher);
        var other = EstablishmentId.New();

        account.Grant(Role.EstablishmentAdmin, School);

        Assert.True(account.IsAdministratorOf(School));
        Assert.False(account.IsAdministratorOf(other));
        Assert.Equal([new RoleGrant(Role.EstablishmentAdmin, School)], account.Roles);
    }

    [Fact]
    public void Grant_PlatformAdmin_MakesAdministratorOfEveryEstablishment()
    {
        var account = ActiveAccount(_hasher);

        account.Grant(Role.PlatformAdmin, School);

        Assert.True(account.IsAdministratorOf(School));
        Assert.True(account.IsAdministratorOf(EstablishmentId.New()));
        Assert.Equal([new RoleGrant(Role.PlatformAdmin, null)], account.Roles);
    }

    [Fact]
    public void Grant_TheSameRoleTwice_KeepsOneGrant()
    {
        var account = ActiveAccount(_hasher);

        account.Grant(Role.EstablishmentAdmin, School);
        account.Grant(Role.EstablishmentAdmin, School);

        Assert.Single(account.Roles);
    }

    [Fact]
    public void IsAdministratorOf_WithoutRoles_IsFalse() =>
        Assert.False(ActiveAccount(_hasher).IsAdministratorOf(School));

    // ---- Concurrency token --------------------------------------------------------------------

    public static TheoryData<string> Mutations() =>
    [
        "issue-code", "sign-in-failed", "sign-in-activation-required", "record-failed-activation", "lock-out", "activate",
        "sign-in-succeeded", "block", "unblock", "grant",
    ];

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Version_ChangesOnEachMutation(string mutation)
    {
        var hasher = new FakePasswordHasher();
        var account = mutation is "sign-in-succeeded" or "block" or "grant" or "unblock" ? ActiveAccount(hasher) : PendingAccountWithCode();
        if (mutation == "unblock")
        {
            account.Block(Now);
        }

        if (mutation == "lock-out")
        {
            Fail(account, 4, Now);
        }

        var before = account.Version;

        Action<Account> act = mutation switch
        {
            "issue-code" => a => a.IssueActivationCode(OtherCodeHash, Now, Validity),
            "sign-in-failed" or "lock-out" => a => a.SignIn("wrong", OtherCodeHash, hasher, Lockout, Now),
            "sign-in-activation-required" => a => a.SignIn("code", CodeHash, hasher, Lockout, Now),
            "record-failed-activation" => a => a.RecordFailedActivation(Lockout, Now),
            "activate" => a => a.Activate(Details(), Policy, hasher, Now),
            "sign-in-succeeded" => a => a.SignIn(Password, null, hasher, Lockout, Now),
            "block" => a => a.Block(Now),
            "unblock" => a => a.Unblock(Now),
            "grant" => a => a.Grant(Role.EstablishmentAdmin, School),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
        act(account);

        Assert.NotEqual(before, account.Version);
    }

    [Fact]
    public void Version_DiffersBetweenAggregates() =>
        Assert.NotEqual(PendingAccount().Version, PendingAccount().Version);

    [Fact]
    public void ClearDomainEvents_EmptiesTheList()
    {
        var account = ActiveAccount(_hasher);
        Assert.NotEmpty(account.DomainEvents);

        account.ClearDomainEvents();

        Assert.Empty(account.DomainEvents);
    }

    // ---- Helpers ------------------------------------------------------------------------------

    private void Fail(Account account, int times, DateTimeOffset at)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(SignInResult.Failed, account.SignIn("wrong-1234", "wrong-hash", _hasher, Lockout, at));
        }
    }

    private static void LockOut(Account account, DateTimeOffset at)
    {
        var hasher = new FakePasswordHasher();
        for (var i = 0; i < Lockout.MaxFailures; i++)
        {
            account.SignIn("wrong-1234", "wrong-hash", hasher, Lockout, at);
        }

        Assert.True(account.IsLockedOut(at));
    }

    private static void AssertStillPending(Account account)
    {
        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.Null(account.PasswordHash);
        Assert.Null(account.ActivatedAt);
        Assert.Null(account.AcceptedTermsVersion);
        Assert.True(account.CanActivateWith(CodeHash, Now));
    }
}

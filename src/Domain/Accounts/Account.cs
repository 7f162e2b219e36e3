using System.Security.Cryptography;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts;

/// <summary>
/// A person's account: <c>Pending</c> (has a code, no password) → <c>Active</c> ⇄ <c>Blocked</c>.
/// Holds its activation codes (at most one live), its password hash, its lockout counter and its
/// security stamp, and defends every rule of docs/DOMAIN.md about them.
/// </summary>
public sealed class Account : AggregateRoot<AccountId>
{
    public static class Errors
    {
        public const string NotPending = "account.not_pending";
        public const string CodeInvalid = "account.code_invalid";
        public const string AlreadyBlocked = "account.already_blocked";
        public const string NotBlocked = "account.not_blocked";
        public const string TermsRequired = "account.terms_required";
        public const string ExternalIdTooLong = "account.external_id_too_long";
        public const string NotAParent = "account.not_a_parent";
        public const string NotAChild = "account.not_a_child";
    }

    /// <summary>The longest external id (a school's own id for the person) an account holds.</summary>
    public const int MaxExternalIdLength = 64;

    private readonly List<ActivationCode> _activationCodes = [];
    private readonly List<RoleGrant> _roles = [];
    private readonly List<PasswordResetRequest> _resetRequests = [];
    private readonly List<FamilyLink> _children = [];

    private Account()
    {
    }

    public Identifier Identifier { get; private set; } = null!;

    public string FirstName { get; private set; } = string.Empty;

    public string LastName { get; private set; } = string.Empty;

    public Profile Profile { get; private set; }

    /// <summary>The class (students) or group, as the school wrote it; optional.</summary>
    public string? ClassName { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>The school's own id for the person (from its information system): re-importing it updates the account.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The school the account belongs to; none for a platform administrator (see docs/SECURITY.md).</summary>
    public EstablishmentId? EstablishmentId { get; private set; }

    public AccountStatus Status { get; private set; }

    public string? PasswordHash { get; private set; }

    /// <summary>Changes on every password change, reset or block; sessions carrying an older one end.</summary>
    public string SecurityStamp { get; private set; } = NewStamp();

    public EmailAddress? Email { get; private set; }

    public MobilePhone? MobilePhone { get; private set; }

    public string? AcceptedTermsVersion { get; private set; }

    public DateTimeOffset? TermsAcceptedAt { get; private set; }

    public int FailedSignInCount { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    /// <summary>When the person followed the confirmation link sent to <see cref="Email"/> (null until then).</summary>
    public DateTimeOffset? EmailConfirmedAt { get; private set; }

    public string? EmailConfirmationHash { get; private set; }

    public DateTimeOffset? EmailConfirmationExpiresAt { get; private set; }

    public IReadOnlyList<PasswordResetRequest> ResetRequests => _resetRequests;

    public IReadOnlyList<ActivationCode> ActivationCodes => _activationCodes;

    public IReadOnlyList<RoleGrant> Roles => _roles;

    /// <summary>A parent's children (students of the same school); empty for everyone else.</summary>
    public IReadOnlyList<FamilyLink> Children => _children;

    /// <summary>Why the account is blocked when it was not by hand (<see cref="BlockReasons"/>); null otherwise.</summary>
    public string? BlockedReason { get; private set; }

    public PasswordOwner PasswordOwner => new(Identifier.Value, FirstName, LastName);

    /// <summary>A new account waiting for activation; the identifier is already free (see <see cref="Identifier.FirstFree"/>).</summary>
    public static Account CreatePending(
        Identifier identifier, string firstName, string lastName, Profile profile, EstablishmentId establishmentId, DateTimeOffset now)
        => CreatePending(identifier, new PersonDetails(firstName, lastName, profile, null, null, null), establishmentId, now);

    /// <summary>
    /// A new account from a school's roster, waiting for activation. Names, class and external id must keep their rules
    /// (<see cref="PersonName"/>, <see cref="Accounts.ClassName"/>, <see cref="MaxExternalIdLength"/>): a
    /// <see cref="DomainValidationException"/> otherwise.
    /// </summary>
    public static Account CreatePending(Identifier identifier, PersonDetails person, EstablishmentId establishmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(person);
        var account = new Account
        {
            Id = AccountId.New(),
            Identifier = identifier,
            FirstName = PersonName.Create(person.FirstName, "firstName").Value,
            LastName = PersonName.Create(person.LastName, "lastName").Value,
            Profile = person.Profile,
            ClassName = Accounts.ClassName.FromOptional(person.ClassName)?.Value,
            BirthDate = person.BirthDate,
            ExternalId = ExternalIdOf(person.ExternalId),
            EstablishmentId = establishmentId,
            Status = AccountStatus.Pending,
            CreatedAt = now,
        };
        return account;
    }

    /// <summary>
    /// A platform administrator: a Staff account that belongs to no school, waiting for activation like any other.
    /// </summary>
    public static Account CreatePlatformAdministrator(Identifier identifier, string firstName, string lastName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var account = new Account
        {
            Id = AccountId.New(),
            Identifier = identifier,
            FirstName = PersonName.Create(firstName, "firstName").Value,
            LastName = PersonName.Create(lastName, "lastName").Value,
            Profile = Profile.Staff,
            Status = AccountStatus.Pending,
            CreatedAt = now,
        };
        account._roles.Add(new RoleGrant(Role.PlatformAdmin, null));
        return account;
    }

    /// <summary>
    /// The school re-imported this person (same external id): names, profile, class and birth date follow the
    /// roster; the identifier never changes (it is printed on letters and typed every day). The same rules as at
    /// creation: nothing changes when a name or the class breaks them.
    /// </summary>
    public void UpdateFromRoster(PersonDetails person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var firstName = PersonName.Create(person.FirstName, "firstName");
        var lastName = PersonName.Create(person.LastName, "lastName");
        var className = Accounts.ClassName.FromOptional(person.ClassName);
        FirstName = firstName.Value;
        LastName = lastName.Value;
        Profile = person.Profile;
        ClassName = className?.Value;
        BirthDate = person.BirthDate;
        Touch();
    }

    public ActivationCode? LiveCode(DateTimeOffset now) => _activationCodes.SingleOrDefault(c => c.IsLive(now));

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && now < until;

    /// <summary>Issues a new code (given as its keyed hash); the previous live code, if any, is revoked.</summary>
    public void IssueActivationCode(string codeHash, DateTimeOffset now, TimeSpan validity)
    {
        if (Status != AccountStatus.Pending)
        {
            throw new InvalidTransitionException(Errors.NotPending, "Ce compte est déjà activé : il n’a plus de code d’activation.");
        }

        if (validity <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(validity), "A code must be valid for some time.");
        }

        foreach (var code in _activationCodes.Where(c => c.IsLive(now)))
        {
            code.Revoke(now);
        }

        var replaces = _activationCodes.Count > 0;
        var issued = new ActivationCode(codeHash, now, now + validity);
        _activationCodes.Add(issued);
        Raise(new ActivationCodeIssued(Id, EstablishmentId, issued.ExpiresAt, replaces, now));
    }

    /// <summary>
    /// One sign-in attempt with what was typed in the password field. Always verifies one password hash
    /// (a dummy one when the account has none or is locked out), so every failure costs the same work and
    /// nothing is learnt of the password while the account is locked.
    /// </summary>
    public SignInResult SignIn(string secret, string? codeHash, IPasswordHasher hasher, LockoutPolicy lockout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(lockout);
        var check = Verify(secret, hasher, now);
        if (IsLockedOut(now))
        {
            return SignInResult.Failed;
        }

        if (Status == AccountStatus.Pending && codeHash is not null && LiveCode(now)?.Matches(codeHash) == true)
        {
            ResetFailures();
            return SignInResult.ActivationRequired;
        }

        if (Status == AccountStatus.Active && PasswordHash is not null && check != PasswordCheck.Failed)
        {
            ResetFailures();
            if (check == PasswordCheck.SuccessRehashNeeded)
            {
                PasswordHash = hasher.Hash(secret);
            }

            return SignInResult.SignedIn;
        }

        RecordFailure(lockout, now);
        return SignInResult.Failed;
    }

    /// <summary>True when <paramref name="codeHash"/> is this pending account's live code and it is not locked out.</summary>
    public bool CanActivateWith(string codeHash, DateTimeOffset now) =>
        Status == AccountStatus.Pending && !IsLockedOut(now) && LiveCode(now)?.Matches(codeHash) == true;

    /// <summary>A failed attempt with a code on the activation page: counts toward the lockout.</summary>
    public void RecordFailedActivation(LockoutPolicy lockout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lockout);
        if (!IsLockedOut(now))
        {
            RecordFailure(lockout, now);
        }
    }

    /// <summary>
    /// Activates the account: the code is consumed for ever, the password (checked against the policy)
    /// is hashed, the contact details and the accepted terms version are recorded.
    /// </summary>
    public void Activate(ActivationDetails details, PasswordPolicy policy, IPasswordHasher hasher, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(hasher);
        if (Status != AccountStatus.Pending)
        {
            throw new InvalidTransitionException(Errors.NotPending, "Ce compte est déjà activé.");
        }

        var code = LiveCode(now);
        if (code is null || !code.Matches(details.CodeHash) || IsLockedOut(now))
        {
            throw new DomainException(Errors.CodeInvalid, "Identifiant ou code d’activation incorrect.");
        }

        if (string.IsNullOrWhiteSpace(details.AcceptedTermsVersion))
        {
            throw new DomainException(Errors.TermsRequired, "Vous devez accepter les conditions générales d’utilisation.");
        }

        policy.Enforce(details.Password, PasswordOwner);

        code.Consume(now);
        PasswordHash = hasher.Hash(details.Password);
        Email = details.Email;
        MobilePhone = details.MobilePhone;
        AcceptedTermsVersion = details.AcceptedTermsVersion;
        TermsAcceptedAt = now;
        Status = AccountStatus.Active;
        ActivatedAt = now;
        SecurityStamp = NewStamp();
        ResetFailures();
        Raise(new AccountActivated(Id, EstablishmentId, details.AcceptedTermsVersion, now));
    }

    /// <summary>Whether a reset can be sent by this channel: an active account with that contact on file.</summary>
    public bool CanRecoverBy(ResetChannel channel) =>
        Status == AccountStatus.Active && (channel == ResetChannel.Email ? Email is not null : MobilePhone is not null);

    /// <summary>
    /// Records a reset message whose secret is <paramref name="secret"/> (only its hash is kept; the event that says the
    /// message is to go carries it); older live secrets die.
    /// False (and nothing changes) when the account cannot recover by that channel or already had
    /// <see cref="PasswordResetPolicy.MaxMessagesPerHour"/> messages in the last hour.
    /// </summary>
    public bool RequestPasswordReset(ResetChannel channel, OneTimeSecret secret, PasswordResetPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(policy);
        if (!CanRecoverBy(channel))
        {
            return false;
        }

        _resetRequests.RemoveAll(r => r.RequestedAt < now - TimeSpan.FromDays(1));
        if (_resetRequests.Count(r => r.RequestedAt > now - TimeSpan.FromHours(1)) >= policy.MaxMessagesPerHour)
        {
            return false;
        }

        RevokeResetSecrets(now);
        _resetRequests.Add(new PasswordResetRequest(channel, secret.Hash, now, now + policy.LifetimeOf(channel)));
        Raise(new PasswordResetRequested(Id, EstablishmentId, channel, secret, now));
        return true;
    }

    /// <summary>
    /// Sets a new password with a reset secret. A wrong SMS code counts against the live code (it dies at
    /// the limit). On success the secret is used up, every session ends and the lockout is lifted.
    /// </summary>
    public PasswordResetOutcome ResetPassword(
        ResetChannel channel, string secretHash, string newPassword, PasswordPolicy policy, IPasswordHasher hasher, PasswordResetPolicy resetPolicy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(resetPolicy);
        var live = _resetRequests.Where(r => r.Channel == channel && r.IsLive(now)).ToList();
        var match = live.FirstOrDefault(r => r.Matches(secretHash));
        if (Status != AccountStatus.Active || match is null)
        {
            if (channel == ResetChannel.Sms && live.Count > 0)
            {
                live.ForEach(r => r.RecordFailedAttempt(resetPolicy.SmsCodeMaxAttempts, now));
                Touch();
            }

            return PasswordResetOutcome.InvalidSecret;
        }

        policy.Enforce(newPassword, PasswordOwner);
        match.Use(now);
        SetNewPassword(hasher.Hash(newPassword), now);
        Raise(new PasswordChanged(Id, EstablishmentId, channel, now));
        return PasswordResetOutcome.Reset;
    }

    /// <summary>Changes the password of a signed-in person who gives the current one (a wrong one counts toward the lockout).</summary>
    public bool ChangePassword(string currentPassword, string newPassword, PasswordPolicy policy, IPasswordHasher hasher, LockoutPolicy lockout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!VerifyCurrentPassword(currentPassword, hasher, lockout, now))
        {
            return false;
        }

        policy.Enforce(newPassword, PasswordOwner);
        SetNewPassword(hasher.Hash(newPassword), now);
        Raise(new PasswordChanged(Id, EstablishmentId, null, now));
        return true;
    }

    /// <summary>Replaces the contact details, the current password given; a new e-mail address must be confirmed again.</summary>
    public bool UpdateContact(string currentPassword, IPasswordHasher hasher, LockoutPolicy lockout, EmailAddress email, MobilePhone? mobilePhone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (!VerifyCurrentPassword(currentPassword, hasher, lockout, now))
        {
            return false;
        }

        var previous = Email;
        var emailChanged = !string.Equals(previous?.Value, email.Value, StringComparison.OrdinalIgnoreCase);
        Email = email;
        MobilePhone = mobilePhone;
        if (emailChanged)
        {
            EmailConfirmedAt = null;
            EmailConfirmationHash = null;
            EmailConfirmationExpiresAt = null;
        }

        Raise(new ContactDetailsChanged(Id, EstablishmentId, previous, emailChanged, now));
        return true;
    }

    /// <summary>Starts (or restarts) the confirmation of the e-mail address on file with a link secret.</summary>
    public void StartEmailConfirmation(string tokenHash, DateTimeOffset now, TimeSpan validity)
    {
        if (Email is null)
        {
            throw new InvalidTransitionException("account.no_email", "Aucune adresse e-mail n’est enregistrée pour ce compte.");
        }

        EmailConfirmationHash = tokenHash;
        EmailConfirmationExpiresAt = now + validity;
        Touch();
    }

    /// <summary>Follows the confirmation link: true when the secret is the live one.</summary>
    public bool ConfirmEmail(string tokenHash, DateTimeOffset now)
    {
        if (EmailConfirmationHash is null || EmailConfirmationExpiresAt is not { } expires || now >= expires
            || !SecretHashes.Match(EmailConfirmationHash, tokenHash))
        {
            return false;
        }

        EmailConfirmedAt = now;
        EmailConfirmationHash = null;
        EmailConfirmationExpiresAt = null;
        Raise(new EmailConfirmed(Id, EstablishmentId, now));
        return true;
    }

    /// <summary>Blocks the account: its sessions end (new stamp), its reset secrets and its live activation code die.</summary>
    public void Block(DateTimeOffset now) => Block(now, null);

    private void Block(DateTimeOffset now, string? reason)
    {
        if (Status == AccountStatus.Blocked)
        {
            throw new InvalidTransitionException(Errors.AlreadyBlocked, "Ce compte est déjà bloqué.");
        }

        Status = AccountStatus.Blocked;
        BlockedReason = reason;
        SecurityStamp = NewStamp();
        RevokeResetSecrets(now);
        foreach (var code in _activationCodes.Where(c => c.IsLive(now)))
        {
            code.Revoke(now);
        }

        Raise(new AccountBlocked(Id, EstablishmentId, now, reason));
    }

    public void Unblock(DateTimeOffset now)
    {
        if (Status != AccountStatus.Blocked)
        {
            throw new InvalidTransitionException(Errors.NotBlocked, "Ce compte n’est pas bloqué.");
        }

        Status = PasswordHash is null ? AccountStatus.Pending : AccountStatus.Active;
        BlockedReason = null;
        Raise(new AccountUnblocked(Id, EstablishmentId, now));
    }

    public void Grant(Role role, EstablishmentId? establishmentId)
    {
        if (role == Role.EstablishmentAdmin && establishmentId is null)
        {
            throw new DomainException("account.role_scope_required", "Un administrateur d’établissement doit être rattaché à un établissement.");
        }

        var grant = new RoleGrant(role, role == Role.PlatformAdmin ? null : establishmentId);
        if (!_roles.Contains(grant))
        {
            _roles.Add(grant);
            Touch();
        }
    }

    public bool IsAdministratorOf(EstablishmentId establishmentId) =>
        _roles.Any(r => r.Role == Role.PlatformAdmin || (r.Role == Role.EstablishmentAdmin && r.EstablishmentId == establishmentId));

    public bool IsPlatformAdministrator => _roles.Any(r => r.Role == Role.PlatformAdmin);

    /// <summary>Any administration role, of a school or of the platform.</summary>
    public bool HoldsAdministrationRole => _roles.Count > 0;

    /// <summary>
    /// Whether <paramref name="administrator"/> may act on this account (re-issue its code, block or unblock it,
    /// update it from a roster): a PlatformAdmin always; an administrator of this account's school only when the
    /// account holds no administration role itself, so that no school administrator can reach another
    /// administrator's access (docs/SECURITY.md "Role boundaries").
    /// </summary>
    public bool IsInReachOf(Account administrator)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        if (administrator.Status != AccountStatus.Active)
        {
            return false;
        }

        return administrator.IsPlatformAdministrator
            || (!HoldsAdministrationRole && EstablishmentId is { } school && administrator.IsAdministratorOf(school));
    }

    /// <summary>Whether the roster's description of the person is what the account already says (nothing to update).</summary>
    public bool Matches(PersonDetails person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return FirstName == person.FirstName.Trim() && LastName == person.LastName.Trim() && Profile == person.Profile
            && ClassName == Accounts.ClassName.FromOptional(person.ClassName)?.Value && BirthDate == person.BirthDate;
    }

    /// <summary>
    /// Makes this parent's children exactly <paramref name="children"/> (docs/IMPORTS.md "Families"): only a
    /// <see cref="Profile.Parent"/> has children, and only students of its own school. True when the links changed.
    /// </summary>
    public bool LinkChildren(IReadOnlyCollection<Account> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (Profile != Profile.Parent)
        {
            throw new DomainException(Errors.NotAParent, "Seul un compte de responsable légal peut être rattaché à des enfants.");
        }

        foreach (var child in children)
        {
            if (child.Profile != Profile.Student || child.EstablishmentId != EstablishmentId || EstablishmentId is null)
            {
                throw new DomainException(Errors.NotAChild, "Un responsable légal ne peut être rattaché qu’à des élèves de son établissement.");
            }
        }

        var wanted = children.Select(c => c.Id).Distinct().ToList();
        if (wanted.Count == _children.Count && wanted.All(id => _children.Exists(l => l.ChildId == id)))
        {
            return false;
        }

        _children.Clear();
        _children.AddRange(wanted.Select(id => new FamilyLink(id)));
        Touch();
        return true;
    }

    /// <summary>
    /// The person is no longer at the school (a synchronisation with its exports): blocked with the reason
    /// <see cref="BlockReasons.LeftSchool"/>, its code revoked. False when the account is already blocked.
    /// </summary>
    public bool LeaveSchool(DateTimeOffset now)
    {
        if (Status == AccountStatus.Blocked)
        {
            return false;
        }

        Block(now, BlockReasons.LeftSchool);
        return true;
    }

    /// <summary>A leaver is back in the school's exports: unblocked, unless it was blocked by hand. True when unblocked.</summary>
    public bool ReturnToSchool(DateTimeOffset now)
    {
        if (Status != AccountStatus.Blocked || BlockedReason != BlockReasons.LeftSchool)
        {
            return false;
        }

        Unblock(now);
        return true;
    }

    /// <summary>Verifies once (a dummy hash when there is none); a wrong password counts toward the lockout.</summary>
    private bool VerifyCurrentPassword(string currentPassword, IPasswordHasher hasher, LockoutPolicy lockout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(lockout);
        var check = Verify(currentPassword ?? string.Empty, hasher, now);
        if (IsLockedOut(now))
        {
            return false;
        }

        if (Status != AccountStatus.Active || PasswordHash is null || check == PasswordCheck.Failed)
        {
            RecordFailure(lockout, now);
            return false;
        }

        return true;
    }

    /// <summary>One hash verification: the account's hash, or the dummy one when there is none or the account is locked out.</summary>
    private PasswordCheck Verify(string secret, IPasswordHasher hasher, DateTimeOffset now) =>
        hasher.Verify(PasswordHash is { } hash && !IsLockedOut(now) ? hash : hasher.DummyHash, secret);

    /// <summary>Every password change: new hash, new stamp (other sessions end), no reset secret survives, lockout lifted.</summary>
    private void SetNewPassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        SecurityStamp = NewStamp();
        RevokeResetSecrets(now);
        ResetFailures();
    }

    private void RevokeResetSecrets(DateTimeOffset now)
    {
        foreach (var request in _resetRequests.Where(r => r.IsLive(now)))
        {
            request.Revoke(now);
        }
    }

    private void RecordFailure(LockoutPolicy lockout, DateTimeOffset now)
    {
        FailedSignInCount++;
        if (FailedSignInCount >= lockout.MaxFailures)
        {
            LockedUntil = now + lockout.Duration;
            FailedSignInCount = 0;
            Raise(new AccountLockedOut(Id, EstablishmentId, LockedUntil.Value, now));
        }
        else
        {
            Touch();
        }
    }

    private void ResetFailures()
    {
        FailedSignInCount = 0;
        LockedUntil = null;
        Touch();
    }

    private static string? ExternalIdOf(string? value) => TextNormalization.TrimmedOrNull(value) switch
    {
        { Length: > MaxExternalIdLength } => throw new DomainValidationException("externalId",
            [new DomainError(Errors.ExternalIdTooLong, $"L’identifiant externe ne doit pas dépasser {MaxExternalIdLength} caractères.")]),
        var id => id,
    };

    private static string NewStamp()
    {
        Span<byte> stamp = stackalloc byte[16];
        SecureRandomPool.Fill(stamp);
        return Convert.ToHexString(stamp);
    }
}

using System.Security.Cryptography;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts;

/// <summary>
/// A person's account: <c>Pending</c> (has a code, no password) → <c>Active</c> ⇄ <c>Blocked</c>.
/// Holds its activation codes (at most one live), its password hash, its lockout counter and its
/// security stamp, and defends every rule of DESIGN §3 about them.
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
    }

    private readonly List<ActivationCode> _activationCodes = [];
    private readonly List<RoleGrant> _roles = [];
    private readonly List<PasswordResetRequest> _resetRequests = [];

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

    public EstablishmentId EstablishmentId { get; private set; }

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

    public PasswordOwner PasswordOwner => new(Identifier.Value, FirstName, LastName);

    /// <summary>A new account waiting for activation; the identifier is already free (see <see cref="Identifier.FirstFree"/>).</summary>
    public static Account CreatePending(
        Identifier identifier, string firstName, string lastName, Profile profile, EstablishmentId establishmentId, DateTimeOffset now)
        => CreatePending(identifier, new PersonDetails(firstName, lastName, profile, null, null, null), establishmentId, now);

    /// <summary>A new account from a school's roster, waiting for activation.</summary>
    public static Account CreatePending(Identifier identifier, PersonDetails person, EstablishmentId establishmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(person);
        var account = new Account
        {
            Id = AccountId.New(),
            Identifier = identifier,
            FirstName = person.FirstName.Trim(),
            LastName = person.LastName.Trim(),
            Profile = person.Profile,
            ClassName = Clean(person.ClassName),
            BirthDate = person.BirthDate,
            ExternalId = Clean(person.ExternalId),
            EstablishmentId = establishmentId,
            Status = AccountStatus.Pending,
            CreatedAt = now,
        };
        account.Raise(new AccountCreated(account.Id, establishmentId, person.Profile, now));
        return account;
    }

    /// <summary>
    /// The school re-imported this person (same external id): names, profile, class and birth date follow the
    /// roster; the identifier never changes (it is printed on letters and typed every day).
    /// </summary>
    public void UpdateFromRoster(PersonDetails person)
    {
        ArgumentNullException.ThrowIfNull(person);
        FirstName = person.FirstName.Trim();
        LastName = person.LastName.Trim();
        Profile = person.Profile;
        ClassName = Clean(person.ClassName);
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
            throw new InvalidTransitionException(Errors.NotPending, "Ce compte est déjà activé : il n'a plus de code d'activation.");
        }

        if (validity <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(validity), "A code must be valid for some time.");
        }

        foreach (var code in _activationCodes.Where(c => c.IsLive(now)))
        {
            code.Revoke(now);
        }

        var issued = new ActivationCode(codeHash, now, now + validity);
        _activationCodes.Add(issued);
        Raise(new ActivationCodeIssued(Id, issued.ExpiresAt, now));
    }

    /// <summary>
    /// One sign-in attempt with what was typed in the password field. Always verifies one password hash
    /// (a dummy one when the account has none), so every failure costs the same work.
    /// </summary>
    public SignInResult SignIn(string secret, string? codeHash, IPasswordHasher hasher, LockoutPolicy lockout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(lockout);
        var check = hasher.Verify(PasswordHash ?? hasher.DummyHash, secret);
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
            throw new DomainException(Errors.CodeInvalid, "Identifiant ou code d'activation incorrect.");
        }

        if (string.IsNullOrWhiteSpace(details.AcceptedTermsVersion))
        {
            throw new DomainException(Errors.TermsRequired, "Vous devez accepter les conditions générales d'utilisation.");
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
        Raise(new AccountActivated(Id, details.AcceptedTermsVersion, now));
    }

    /// <summary>Whether a reset can be sent by this channel: an active account with that contact on file.</summary>
    public bool CanRecoverBy(ResetChannel channel) =>
        Status == AccountStatus.Active && (channel == ResetChannel.Email ? Email is not null : MobilePhone is not null);

    /// <summary>
    /// Records a reset message whose secret has <paramref name="secretHash"/>; older live secrets die.
    /// False (and nothing changes) when the account cannot recover by that channel or already had
    /// <see cref="PasswordResetPolicy.MaxMessagesPerHour"/> messages in the last hour.
    /// </summary>
    public bool RequestPasswordReset(ResetChannel channel, string secretHash, PasswordResetPolicy policy, DateTimeOffset now)
    {
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
        _resetRequests.Add(new PasswordResetRequest(channel, secretHash, now, now + policy.LifetimeOf(channel)));
        Raise(new PasswordResetRequested(Id, channel, now));
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
        Raise(new PasswordChanged(Id, ByReset: true, now));
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
        Raise(new PasswordChanged(Id, ByReset: false, now));
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

        var emailChanged = !string.Equals(Email?.Value, email.Value, StringComparison.OrdinalIgnoreCase);
        Email = email;
        MobilePhone = mobilePhone;
        if (emailChanged)
        {
            EmailConfirmedAt = null;
            EmailConfirmationHash = null;
            EmailConfirmationExpiresAt = null;
        }

        Raise(new ContactDetailsChanged(Id, emailChanged, now));
        return true;
    }

    /// <summary>Starts (or restarts) the confirmation of the e-mail address on file with a link secret.</summary>
    public void StartEmailConfirmation(string tokenHash, DateTimeOffset now, TimeSpan validity)
    {
        if (Email is null)
        {
            throw new InvalidTransitionException("account.no_email", "Aucune adresse e-mail n'est enregistrée pour ce compte.");
        }

        EmailConfirmationHash = tokenHash;
        EmailConfirmationExpiresAt = now + validity;
        Touch();
    }

    /// <summary>Follows the confirmation link: true when the secret is the live one.</summary>
    public bool ConfirmEmail(string tokenHash, DateTimeOffset now)
    {
        if (EmailConfirmationHash is null || EmailConfirmationExpiresAt is not { } expires || now >= expires
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(EmailConfirmationHash), System.Text.Encoding.ASCII.GetBytes(tokenHash)))
        {
            return false;
        }

        EmailConfirmedAt = now;
        EmailConfirmationHash = null;
        EmailConfirmationExpiresAt = null;
        Raise(new EmailConfirmed(Id, now));
        return true;
    }

    public void Block(DateTimeOffset now)
    {
        if (Status == AccountStatus.Blocked)
        {
            throw new InvalidTransitionException(Errors.AlreadyBlocked, "Ce compte est déjà bloqué.");
        }

        Status = AccountStatus.Blocked;
        SecurityStamp = NewStamp();
        RevokeResetSecrets(now);
        Raise(new AccountBlocked(Id, now));
    }

    public void Unblock(DateTimeOffset now)
    {
        if (Status != AccountStatus.Blocked)
        {
            throw new InvalidTransitionException(Errors.NotBlocked, "Ce compte n'est pas bloqué.");
        }

        Status = PasswordHash is null ? AccountStatus.Pending : AccountStatus.Active;
        Raise(new AccountUnblocked(Id, now));
    }

    public void Grant(Role role, EstablishmentId? establishmentId)
    {
        if (role == Role.EstablishmentAdmin && establishmentId is null)
        {
            throw new DomainException("account.role_scope_required", "Un administrateur d'établissement doit être rattaché à un établissement.");
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

    /// <summary>Verifies once (a dummy hash when there is none); a wrong password counts toward the lockout.</summary>
    private bool VerifyCurrentPassword(string currentPassword, IPasswordHasher hasher, LockoutPolicy lockout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(lockout);
        var check = hasher.Verify(PasswordHash ?? hasher.DummyHash, currentPassword ?? string.Empty);
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
            Raise(new AccountLockedOut(Id, LockedUntil.Value, now));
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

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

using Ent77.Application.Common.Exceptions;
using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration.Access;

/// <summary>
/// The administrator that <see cref="AccessBehaviour{TMessage, TResponse}"/> let through for the message being handled
/// (one per scope, like the message). Handlers that act on accounts ask it, account by account, whether the actor
/// has that account within reach (the rule itself is <see cref="Account.IsInReachOf"/>).
/// </summary>
public sealed class AdministratorContext
{
    private Account? _administrator;
    private bool _operator;

    /// <summary>
    /// Who is acting, as the audit log names them: the administrator's account; null for the operator at the command line,
    /// and outside an administrative message.
    /// </summary>
    public Guid? ActorAccountId => _administrator?.Id.Value;

    /// <summary>A PlatformAdmin, or the operator at the command line: every account is within reach.</summary>
    public bool IsUnrestricted => _operator || _administrator?.IsPlatformAdministrator == true;

    public bool Reaches(Account target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _operator || (_administrator is { } administrator && target.IsInReachOf(administrator));
    }

    /// <summary>403, and nothing changes, when <paramref name="target"/> is out of the actor's reach.</summary>
    public void EnsureReaches(Account target)
    {
        if (!Reaches(target))
        {
            throw new ForbiddenException();
        }
    }

    internal void Admit(Account administrator) => (_administrator, _operator) = (administrator, false);

    internal void AdmitOperator() => (_administrator, _operator) = (null, true);
}

using Ent77.Application.Accounts;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Mediator;

namespace Ent77.Application.Administration.Access;

/// <summary>
/// The one place where administration rights are checked, before any handler runs, from the roles in the
/// database (a role granted or withdrawn counts at once). Every administrative message names its actor: a
/// signed-in account, or the operator at the command line; there is no other way in. Anyone without the right
/// gets the same 403, whether or not the school or account named exists; only a PlatformAdmin learns that a UAI
/// or an account is unknown (404). An account that holds an administration role is out of a school administrator's
/// reach (<see cref="Account.IsInReachOf"/>); handlers that act on several accounts ask <see cref="AdministratorContext"/>.
/// </summary>
public sealed class AccessBehaviour<TMessage, TResponse>(IAccountRepository accounts, IEstablishmentRepository establishments, AdministratorContext context)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAdministrativeRequest request)
        {
            return await next(message, cancellationToken);
        }

        switch (request.Actor)
        {
            case Actor.CommandLineOperator:
                context.AdmitOperator();
                break;
            case Actor.SignedInAccount { Id: var actorId }:
                context.Admit(await AdmitAsync(request, new AccountId(actorId), cancellationToken));
                break;
            default:
                throw new ForbiddenException();
        }

        return await next(message, cancellationToken);
    }

    private async Task<Account> AdmitAsync(IAdministrativeRequest request, AccountId actorId, CancellationToken cancellationToken)
    {
        var actor = await accounts.FindAsync(actorId, cancellationToken);
        if (actor is not { Status: AccountStatus.Active } || !actor.HoldsAdministrationRole)
        {
            throw new ForbiddenException();
        }

        var platformAdmin = actor.IsPlatformAdministrator;
        var allowed = request switch
        {
            IPlatformAdminRequest => platformAdmin,
            IEstablishmentRequest byUai => await EstablishmentOfUaiAsync(byUai.Uai, platformAdmin, cancellationToken) is { } school
                && actor.IsAdministratorOf(school),
            IAccountAdministrationRequest byAccount => await TargetAsync(byAccount.AccountId, platformAdmin, cancellationToken) is { } target
                && target.IsInReachOf(actor),
            _ => throw new InvalidOperationException($"{request.GetType().Name} names no scope."),
        };
        return allowed ? actor : throw new ForbiddenException();
    }

    private async Task<EstablishmentId?> EstablishmentOfUaiAsync(string? uai, bool platformAdmin, CancellationToken cancellationToken)
    {
        var parsed = Uai.Parse(uai).Uai;
        var establishment = parsed is null ? null : await establishments.FindByUaiAsync(parsed, cancellationToken);
        if (establishment is null && platformAdmin)
        {
            throw new NotFoundException($"Aucun établissement ne porte le code UAI {uai}.");
        }

        return establishment?.Id;
    }

    private async Task<Account?> TargetAsync(Guid accountId, bool platformAdmin, CancellationToken cancellationToken)
    {
        var target = await accounts.FindAsync(new AccountId(accountId), cancellationToken);
        if (target is null && platformAdmin)
        {
            throw new NotFoundException("Compte introuvable.");
        }

        return target;
    }
}

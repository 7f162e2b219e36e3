using Ent77.Application.Accounts;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Mediator;

namespace Ent77.Application.Administration.Access;

/// <summary>
/// The one place where administration rights are checked, before any handler runs, from the roles in the
/// database (a role granted or withdrawn counts at once). Anyone without the right gets the same 403,
/// whether or not the school or account named exists; only a PlatformAdmin learns that a UAI is unknown (404).
/// </summary>
public sealed class AccessBehaviour<TMessage, TResponse>(IAccountRepository accounts, IEstablishmentRepository establishments)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IAdministrativeRequest { ActorAccountId: { } actorId } request)
        {
            var actor = await accounts.FindAsync(new AccountId(actorId), cancellationToken);
            if (actor is not { Status: AccountStatus.Active })
            {
                throw new ForbiddenException();
            }

            var platformAdmin = actor.Roles.Any(r => r.Role == Role.PlatformAdmin);
            var scope = request switch
            {
                IPlatformAdminRequest => null,
                IEstablishmentRequest byUai => await EstablishmentOfUaiAsync(byUai.Uai, platformAdmin, cancellationToken),
                IAccountAdministrationRequest byAccount => await EstablishmentOfAccountAsync(byAccount.AccountId, platformAdmin, cancellationToken),
                _ => throw new InvalidOperationException($"{typeof(TMessage).Name} names no scope."),
            };
            var allowed = platformAdmin || (scope is { } establishment && actor.IsAdministratorOf(establishment));
            if (!allowed)
            {
                throw new ForbiddenException();
            }
        }

        return await next(message, cancellationToken);
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

    private async Task<EstablishmentId?> EstablishmentOfAccountAsync(Guid accountId, bool platformAdmin, CancellationToken cancellationToken)
    {
        var target = await accounts.FindAsync(new AccountId(accountId), cancellationToken);
        if (target is null && platformAdmin)
        {
            throw new NotFoundException("Compte introuvable.");
        }

        return target?.EstablishmentId;
    }
}

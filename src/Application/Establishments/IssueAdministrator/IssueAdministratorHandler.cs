using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Common.Exceptions;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Mediator;

namespace Ent77.Application.Establishments.IssueAdministrator;

public sealed class IssueAdministratorHandler(
    IEstablishmentRepository establishments,
    IAccountRepository accounts,
    IdentifierAllocator identifiers,
    ActivationCodeIssuer codes,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<IssueAdministratorCommand, IssuedAdministratorDto>
{
    public async ValueTask<IssuedAdministratorDto> Handle(IssueAdministratorCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Account account;
        if (command.PlatformAdmin)
        {
            var identifier = await identifiers.AllocateAsync(command.FirstName!, command.LastName!, cancellationToken);
            account = Account.CreatePlatformAdministrator(identifier, command.FirstName!, command.LastName!, now);
        }
        else
        {
            var uai = Uai.Parse(command.Uai).Uai!;
            var establishment = await establishments.FindByUaiAsync(uai, cancellationToken)
                ?? throw new NotFoundException($"Aucun établissement ne porte le code UAI {uai}.");
            var identifier = await identifiers.AllocateAsync(command.FirstName!, command.LastName!, cancellationToken);
            account = Account.CreatePending(identifier, command.FirstName!, command.LastName!, Profile.Staff, establishment.Id, now);
            account.Grant(Role.EstablishmentAdmin, establishment.Id);
        }

        var code = codes.Issue(account, now);
        accounts.Add(account);
        await publisher.Publish(new AdministratorIssued(account.Id.Value, account.EstablishmentId?.Value, command.PlatformAdmin, now), cancellationToken);
        return new IssuedAdministratorDto(account.Id.Value, account.Identifier.Value, account.FirstName, account.LastName, code.Code, code.ExpiresAt);
    }
}

using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Administration.Access;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace Ent77.Application.Administration.ReissueCodes;

public sealed class ReissueCodesHandler(
    IEstablishmentRepository establishments,
    IAccountRepository accounts,
    ActivationCodeIssuer codes,
    FamilyDirectory families,
    AdministratorContext access,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<ReissueCodesCommand, CodeBatch>
{
    public async ValueTask<CodeBatch> Handle(ReissueCodesCommand command, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(command.Uai, cancellationToken);
        var now = time.GetUtcNow();
        var pending = await accounts.FindPendingAsync(establishment.Id, command.AccountIds, command.ClassName, command.Profile, cancellationToken);
        if (command.AccountIds is not null)
        {
            pending.ToList().ForEach(access.EnsureReaches);
        }

        var issued = pending
            .Where(access.Reaches)
            .OrderBy(a => a.ClassName, StringComparer.Ordinal).ThenBy(a => a.LastName, StringComparer.Ordinal).ThenBy(a => a.FirstName, StringComparer.Ordinal)
            .Select(account =>
            {
                var code = codes.Issue(account, now);
                return (new IssuedCodeDto(account.Id.Value, account.Identifier.Value, account.FirstName, account.LastName, account.Profile, account.ClassName, code.Code, code.ExpiresAt), (Account?)account);
            })
            .ToList();
        var rows = await families.WithChildrenAsync(issued, [], cancellationToken);
        await publisher.Publish(new ActivationCodesReissued(establishment.Id.Value, issued.Count, now), cancellationToken);
        return new CodeBatch(establishment.Uai.Value, establishment.Name, rows);
    }
}

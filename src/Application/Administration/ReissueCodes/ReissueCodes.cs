using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments;
using FluentValidation;
using Mediator;

namespace Ent77.Application.Administration.ReissueCodes;

/// <summary>
/// New codes for the establishment's pending accounts: the ones named, a class, a profile, or all of them
/// (the filters narrow each other). Each old code dies. Active accounts have no code and are left alone.
/// </summary>
public sealed record ReissueCodesCommand(
    Guid? ActorAccountId, string? Uai, IReadOnlyList<Guid>? AccountIds, string? ClassName, Profile? Profile)
    : ICommand<CodeBatch>, IEstablishmentRequest;

public sealed class ReissueCodesValidator : AbstractValidator<ReissueCodesCommand>
{
    public const int MaxAccountIds = 10_000;

    public ReissueCodesValidator()
    {
        RuleFor(c => c.AccountIds)
            .Must(ids => ids is null || ids.Count <= MaxAccountIds)
            .WithMessage($"Au plus {MaxAccountIds} comptes à la fois.");
        RuleFor(c => c.ClassName).MaximumLength(50).WithMessage("Le nom de classe ne doit pas dépasser 50 caractères.");
        RuleFor(c => c.Profile).IsInEnum().WithMessage("Profil inconnu.");
    }
}

public sealed class ReissueCodesHandler(
    IEstablishmentRepository establishments,
    IAccountRepository accounts,
    ActivationCodeIssuer codes,
    IAuditLog audit,
    TimeProvider time) : ICommandHandler<ReissueCodesCommand, CodeBatch>
{
    public async ValueTask<CodeBatch> Handle(ReissueCodesCommand command, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(command.Uai, cancellationToken);
        var now = time.GetUtcNow();
        var pending = await accounts.FindPendingAsync(establishment.Id, command.AccountIds, command.ClassName, command.Profile, cancellationToken);
        var issued = pending
            .OrderBy(a => a.ClassName, StringComparer.Ordinal).ThenBy(a => a.LastName, StringComparer.Ordinal).ThenBy(a => a.FirstName, StringComparer.Ordinal)
            .Select(account =>
            {
                var code = codes.Issue(account, now);
                return new IssuedCodeDto(account.Id.Value, account.Identifier.Value, account.FirstName, account.LastName, account.Profile, account.ClassName, code.Code, code.ExpiresAt);
            })
            .ToList();
        audit.Record(AuditEvent.Record(AuditTypes.ActivationCodesReissued, now, establishmentId: establishment.Id.Value, actorAccountId: command.ActorAccountId,
            details: $"{issued.Count} nouveau(x) code(s)"));
        return new CodeBatch(establishment.Uai.Value, establishment.Name, issued);
    }
}

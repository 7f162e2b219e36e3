using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments;
using FluentValidation;
using Mediator;

namespace Ent77.Application.Establishments.IssueAdministrator;

/// <summary>Creates a Staff account administering the establishment (and the platform when asked), with its code.</summary>
public sealed record IssueAdministratorCommand(string? Uai, string? FirstName, string? LastName, bool PlatformAdmin = false, Guid? ActorAccountId = null)
    : ICommand<IssuedAdministratorDto>, IPlatformAdminRequest;

public sealed record IssuedAdministratorDto(Guid Id, string Identifier, string FirstName, string LastName, string ActivationCode, DateTimeOffset ExpiresAt);

public sealed class IssueAdministratorValidator : AbstractValidator<IssueAdministratorCommand>
{
    public const int MaxNameLength = 100;

    public IssueAdministratorValidator()
    {
        RuleFor(c => c.Uai).Must(uai => Uai.TryCreate(uai, out _)).WithMessage("Le code UAI n'est pas valide.");
        RuleFor(c => c.FirstName)
            .NotEmpty().WithMessage("Le prénom est obligatoire.")
            .MaximumLength(MaxNameLength).WithMessage($"Le prénom ne doit pas dépasser {MaxNameLength} caractères.");
        RuleFor(c => c.LastName)
            .NotEmpty().WithMessage("Le nom est obligatoire.")
            .MaximumLength(MaxNameLength).WithMessage($"Le nom ne doit pas dépasser {MaxNameLength} caractères.");
    }
}

public sealed class IssueAdministratorHandler(
    IEstablishmentRepository establishments,
    IAccountRepository accounts,
    IdentifierAllocator identifiers,
    ActivationCodeIssuer codes,
    IAuditLog audit,
    TimeProvider time) : ICommandHandler<IssueAdministratorCommand, IssuedAdministratorDto>
{
    public async ValueTask<IssuedAdministratorDto> Handle(IssueAdministratorCommand command, CancellationToken cancellationToken)
    {
        var uai = Uai.Parse(command.Uai).Uai!;
        var establishment = await establishments.FindByUaiAsync(uai, cancellationToken)
            ?? throw new NotFoundException($"Aucun établissement ne porte le code UAI {uai}.");
        var now = time.GetUtcNow();
        var identifier = await identifiers.AllocateAsync(command.FirstName!, command.LastName!, cancellationToken);
        var account = Account.CreatePending(identifier, command.FirstName!, command.LastName!, Profile.Staff, establishment.Id, now);
        account.Grant(Role.EstablishmentAdmin, establishment.Id);
        if (command.PlatformAdmin)
        {
            account.Grant(Role.PlatformAdmin, null);
        }

        var code = codes.Issue(account, now);
        accounts.Add(account);
        audit.Record(AuditEvent.Record(AuditTypes.AdministratorIssued, now, account.Id.Value, establishment.Id.Value, command.ActorAccountId, command.PlatformAdmin ? "PlatformAdmin" : "EstablishmentAdmin"));
        audit.Record(AuditEvent.Record(AuditTypes.ActivationCodeIssued, now, account.Id.Value, establishment.Id.Value, command.ActorAccountId));
        return new IssuedAdministratorDto(account.Id.Value, identifier.Value, account.FirstName, account.LastName, code.Code, code.ExpiresAt);
    }
}

using Ent77.Application.Accounts;
using Ent77.Application.Common;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Validation;
using Ent77.Application.Establishments;
using Ent77.Application.Notifications;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Ent77.Domain.Support;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Support.SubmitHelpRequest;

/// <summary>
/// The help form of the login page (anonymous). <paramref name="Website"/> is a honeypot hidden from people:
/// when a robot fills it the request looks accepted but nothing is stored or sent.
/// </summary>
public sealed record SubmitHelpRequestCommand(
    string? FirstName, string? LastName, string? Email, string? Phone, string? Uai, HelpRequestKind? Kind,
    string? StudentName, string? ClassName, string? Message, string? Website) : ICommand<string>;

public sealed class SubmitHelpRequestValidator : AbstractValidator<SubmitHelpRequestCommand>
{
    public const int MaxNameLength = 100;

    public SubmitHelpRequestValidator() =>
        When(c => string.IsNullOrEmpty(c.Website), () =>
        {
            RuleFor(c => c.FirstName)
                .NotEmpty().WithMessage("Indiquez votre prénom.")
                .MaximumLength(MaxNameLength).WithMessage($"Le prénom ne doit pas dépasser {MaxNameLength} caractères.");
            RuleFor(c => c.LastName)
                .NotEmpty().WithMessage("Indiquez votre nom.")
                .MaximumLength(MaxNameLength).WithMessage($"Le nom ne doit pas dépasser {MaxNameLength} caractères.");
            RuleFor(c => c.Email)
                .NotEmpty().When(c => string.IsNullOrWhiteSpace(c.Phone))
                .WithMessage("Indiquez une adresse e-mail ou un numéro de téléphone pour recevoir la réponse.");
            RuleFor(c => c.Email)
                .Must(email => EmailAddress.TryCreate(email, out _)).When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage("L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
            RuleFor(c => c.Phone)
                .Must(phone => MobilePhone.AnyNumberToE164(phone) is not null).When(c => !string.IsNullOrWhiteSpace(c.Phone))
                .WithMessage("Le numéro de téléphone n'est pas valide (exemple : 06 12 34 56 78).");
            RuleFor(c => c.Uai)
                .NotEmpty().WithMessage("Choisissez l'établissement.")
                .Must(uai => Domain.Establishments.Uai.TryCreate(uai, out _)).When(c => !string.IsNullOrWhiteSpace(c.Uai), ApplyConditionTo.CurrentValidator)
                .WithMessage("Choisissez l'établissement dans la liste.");
            RuleFor(c => c.Kind)
                .NotNull().WithMessage("Choisissez l'objet de la demande.")
                .IsInEnum().WithMessage("Objet de demande inconnu.");
            RuleFor(c => c.StudentName).MaximumLength(200).WithMessage("Le nom de l'élève ne doit pas dépasser 200 caractères.");
            RuleFor(c => c.ClassName).MaximumLength(50).WithMessage("La classe ne doit pas dépasser 50 caractères.");
            RuleFor(c => c.Message)
                .NotEmpty().WithMessage("Décrivez votre demande.")
                .MaximumLength(HelpRequest.MaxMessageLength).WithMessage($"Le message ne doit pas dépasser {HelpRequest.MaxMessageLength} caractères.");
        });
}

/// <summary>Stores the request and, once it is committed, acknowledges it and tells the school's administrators.</summary>
public sealed class SubmitHelpRequestHandler(
    IEstablishmentRepository establishments,
    IHelpRequestRepository requests,
    IAccountRepository accounts,
    INotificationOutbox outbox,
    IOptions<RecoveryOptions> recovery,
    TimeProvider time) : ICommandHandler<SubmitHelpRequestCommand, string>
{
    public async ValueTask<string> Handle(SubmitHelpRequestCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!string.IsNullOrEmpty(command.Website))
        {
            // A robot: it gets an answer that looks like any other, and nothing happens.
            return HelpRequest.NewReference();
        }

        var establishment = await establishments.FindByUaiAsync(Uai.Parse(command.Uai).Uai!, cancellationToken);
        if (establishment is null)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["Uai"] = ["Choisissez l'établissement dans la liste."] });
        }

        EmailAddress.TryCreate(command.Email, out var email);
        var request = HelpRequest.Submit(
            establishment.Id, command.Kind!.Value,
            new Requester(command.FirstName!, command.LastName!, email, MobilePhone.AnyNumberToE164(command.Phone)),
            command.StudentName, command.ClassName, command.Message!, now);
        while (await requests.ReferenceExistsAsync(request.Reference, cancellationToken))
        {
            request.RedrawReference();
        }

        requests.Add(request);
        if (SupportMessages.ToRequester(request, establishment, SupportMessages.Acknowledgement, recovery.Value.SmsEnabled) is { } acknowledgement)
        {
            outbox.Enqueue(acknowledgement);
        }

        foreach (var administrator in await accounts.FindAdministratorsAsync(establishment.Id, cancellationToken))
        {
            outbox.Enqueue(SupportMessages.ToAdministrator(request, establishment, administrator));
        }

        return request.Reference;
    }
}

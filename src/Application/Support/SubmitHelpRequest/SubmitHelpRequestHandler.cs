using Ent77.Application.Common.Exceptions;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Ent77.Domain.Support;
using Mediator;

namespace Ent77.Application.Support.SubmitHelpRequest;

/// <summary>
/// Stores the request; its acknowledgement and the word to the school's administrators follow
/// <see cref="Domain.Support.Events.HelpRequestSubmitted"/>.
/// </summary>
public sealed class SubmitHelpRequestHandler(
    IEstablishmentRepository establishments,
    IHelpRequestRepository requests,
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
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["Uai"] = ["Choisissez l’établissement dans la liste."] });
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
        return request.Reference;
    }
}

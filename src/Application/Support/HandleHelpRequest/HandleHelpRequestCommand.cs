using Ent77.Application.Administration.Access;
using Mediator;

namespace Ent77.Application.Support.HandleHelpRequest;

/// <summary>An administrator of the school takes, resolves or rejects a request (a note is needed to close).</summary>
public sealed record HandleHelpRequestCommand(Actor Actor, string? Uai, Guid HelpRequestId, HelpRequestAction Action, string? Note)
    : ICommand<Unit>, IEstablishmentRequest;

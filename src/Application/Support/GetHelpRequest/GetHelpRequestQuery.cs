using Ent77.Application.Administration.Access;
using Mediator;

namespace Ent77.Application.Support.GetHelpRequest;

/// <summary>One request, with the school's accounts that match the names it gives (to re-issue a code in one step).</summary>
public sealed record GetHelpRequestQuery(Actor Actor, string? Uai, Guid HelpRequestId)
    : IQuery<HelpRequestDetailDto>, IEstablishmentRequest;

using Ent77.Application.Administration.Access;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Administration.ReissueCodes;

/// <summary>
/// New codes for the establishment's pending accounts: the ones named, a class, a profile, or all of them
/// (the filters narrow each other). Each old code dies. Active accounts have no code and are left alone. Accounts
/// out of the actor's reach (holding an administration role, for a school administrator) are skipped by a filter and
/// refused (403, nothing changed) when named. Each new code gets its own audit row, naming the account.
/// </summary>
public sealed record ReissueCodesCommand(
    Actor Actor, string? Uai, IReadOnlyList<Guid>? AccountIds, string? ClassName, Profile? Profile)
    : ICommand<CodeBatch>, IEstablishmentRequest;

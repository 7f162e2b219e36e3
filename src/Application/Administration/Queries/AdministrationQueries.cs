using Ent77.Application.Administration.Access;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using FluentValidation;
using Mediator;

namespace Ent77.Application.Administration.Queries;

public sealed record AccountSummaryDto(
    Guid Id, string Identifier, string FirstName, string LastName, Profile Profile, string? ClassName, AccountStatus Status,
    DateTimeOffset? ActivatedAt, DateTimeOffset? CodeExpiresAt, bool HasLiveCode);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record AccountFilter(AccountStatus? Status, Profile? Profile, string? ClassName, string? Search);

public sealed record ActivationRateDto(string Group, int Total, int Active, int Pending, int Blocked, int ExpiredCodes, double Rate);

public sealed record ActivationStatsDto(ActivationRateDto Overall, IReadOnlyList<ActivationRateDto> ByProfile, IReadOnlyList<ActivationRateDto> ByClass);

public sealed record AuditEventDto(DateTimeOffset OccurredAt, string Type, Guid? AccountId, string? AccountIdentifier, Guid? ActorAccountId, string? ActorIdentifier, string? Details);

/// <summary>Read models of the administration pages, projected straight from the database.</summary>
public interface IAdministrationQueries
{
    Task<PagedResult<AccountSummaryDto>> ListAccountsAsync(EstablishmentId establishment, AccountFilter filter, int page, int pageSize, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ActivationStatsDto> GetActivationStatsAsync(EstablishmentId establishment, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEventDto>> GetAuditAsync(EstablishmentId establishment, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken);
}

public sealed record ListAccountsQuery(Guid? ActorAccountId, string? Uai, AccountFilter Filter, int Page = 1, int PageSize = 50)
    : IQuery<PagedResult<AccountSummaryDto>>, IEstablishmentRequest;

public sealed class ListAccountsValidator : AbstractValidator<ListAccountsQuery>
{
    public const int MaxPageSize = 500;

    public ListAccountsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("La page commence à 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).WithMessage($"La taille de page va de 1 à {MaxPageSize}.");
        RuleFor(q => q.Filter.Search).MaximumLength(100).WithMessage("La recherche ne doit pas dépasser 100 caractères.");
        RuleFor(q => q.Filter.ClassName).MaximumLength(50).WithMessage("Le nom de classe ne doit pas dépasser 50 caractères.");
    }
}

public sealed record GetActivationStatsQuery(Guid? ActorAccountId, string? Uai) : IQuery<ActivationStatsDto>, IEstablishmentRequest;

public sealed record GetAuditQuery(Guid? ActorAccountId, string? Uai, DateTimeOffset? From, DateTimeOffset? To) : IQuery<IReadOnlyList<AuditEventDto>>, IEstablishmentRequest;

public sealed class GetAuditValidator : AbstractValidator<GetAuditQuery>
{
    public GetAuditValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("La fin de la période précède son début.");
}

/// <summary>The three read models of an establishment's administration.</summary>
public sealed class AdministrationQueryHandlers(IAdministrationQueries queries, Establishments.IEstablishmentRepository establishments, TimeProvider time)
    : IQueryHandler<ListAccountsQuery, PagedResult<AccountSummaryDto>>,
      IQueryHandler<GetActivationStatsQuery, ActivationStatsDto>,
      IQueryHandler<GetAuditQuery, IReadOnlyList<AuditEventDto>>
{
    public const int MaxAuditEvents = 1000;

    public async ValueTask<PagedResult<AccountSummaryDto>> Handle(ListAccountsQuery query, CancellationToken cancellationToken) =>
        await queries.ListAccountsAsync(await EstablishmentAsync(query.Uai, cancellationToken), query.Filter, query.Page, query.PageSize, time.GetUtcNow(), cancellationToken);

    public async ValueTask<ActivationStatsDto> Handle(GetActivationStatsQuery query, CancellationToken cancellationToken) =>
        await queries.GetActivationStatsAsync(await EstablishmentAsync(query.Uai, cancellationToken), time.GetUtcNow(), cancellationToken);

    public async ValueTask<IReadOnlyList<AuditEventDto>> Handle(GetAuditQuery query, CancellationToken cancellationToken)
    {
        var to = query.To ?? time.GetUtcNow();
        var from = query.From ?? to.AddDays(-30);
        return await queries.GetAuditAsync(await EstablishmentAsync(query.Uai, cancellationToken), from, to, MaxAuditEvents, cancellationToken);
    }

    private async Task<EstablishmentId> EstablishmentAsync(string? uai, CancellationToken cancellationToken) =>
        (await establishments.GetScopedAsync(uai, cancellationToken)).Id;
}

using Ent77.Application.Administration.GetActivationStats;
using Ent77.Application.Administration.GetAudit;
using Ent77.Application.Administration.ListAccounts;
using Ent77.Application.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Application.Administration;

/// <summary>Read models of the administration pages, projected straight from the database.</summary>
public interface IAdministrationQueries
{
    Task<PagedResult<AccountSummaryDto>> ListAccountsAsync(EstablishmentId establishment, AccountFilter filter, int page, int pageSize, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ActivationStatsDto> GetActivationStatsAsync(EstablishmentId establishment, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEventDto>> GetAuditAsync(EstablishmentId establishment, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken);
}

using Ent77.Application.Terms;
using Ent77.Domain.Terms;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Repositories;

internal sealed class TermsRepository(Ent77DbContext db) : ITermsRepository
{
    public async Task<TermsOfUse> GetCurrentAsync(CancellationToken cancellationToken) =>
        await db.Terms.AsNoTracking().OrderByDescending(t => t.PublishedAt).FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException("No terms of use are published: the database was not initialised.");
}

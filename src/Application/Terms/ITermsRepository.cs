using Ent77.Domain.Terms;

namespace Ent77.Application.Terms;

public interface ITermsRepository
{
    /// <summary>The latest published version of the terms of use.</summary>
    Task<TermsOfUse> GetCurrentAsync(CancellationToken cancellationToken);
}

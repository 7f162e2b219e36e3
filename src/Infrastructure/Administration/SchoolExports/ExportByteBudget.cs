using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>The XML bytes one upload may still read, all files unzipped together.</summary>
internal sealed class ExportByteBudget(long total, string reason)
{
    public long Remaining { get; private set; } = total;

    public void Charge(int bytes)
    {
        Remaining -= bytes;
        if (Remaining < 0)
        {
            throw new ExportReadException(SchoolExportProblemKind.TooLarge, reason);
        }
    }
}

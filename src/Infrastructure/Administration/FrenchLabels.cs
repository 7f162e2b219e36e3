using System.Globalization;
using Ent77.Domain.Accounts;
using Ent77.Domain.Common;

namespace Ent77.Infrastructure.Administration;

/// <summary>How the CSV export and the printed letters show profiles and dates to French schools.</summary>
internal static class FrenchLabels
{
    public static string Profile(Profile profile) => profile switch
    {
        Domain.Accounts.Profile.Student => "Élève",
        Domain.Accounts.Profile.Parent => "Responsable légal",
        Domain.Accounts.Profile.Teacher => "Enseignant",
        Domain.Accounts.Profile.Staff => "Personnel",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown profile."),
    };

    /// <summary>The calendar day in Paris, <c>dd/MM/yyyy</c>.</summary>
    public static string Date(DateTimeOffset instant) =>
        SchoolCalendar.InParis(instant).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

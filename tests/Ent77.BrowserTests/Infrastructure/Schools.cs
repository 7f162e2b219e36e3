using System.Globalization;
using System.Text;
using Ent77.Application.Administration.Access;
using Ent77.Application.Establishments.AddEstablishment;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.BrowserTests.Infrastructure;

/// <summary>
/// 200 schools of Seine-et-Marne (the test school and 199 more, names and towns with accents and hyphens, valid
/// UAIs), added once to the shared service, and the way the help form searches them, so that a test can say
/// how many options a query must show.
/// </summary>
public static class Schools
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _added;

    private static readonly string[] Kinds = ["Collège", "Lycée", "École élémentaire", "Lycée professionnel"];

    private static readonly string[] Names =
    [
        "Jules Ferry", "Victor Hugo", "Jean Moulin", "Louise Michel", "Pierre et Marie Curie", "Jacques Prévert", "Albert Camus",
        "Paul Éluard", "Simone Veil", "Jean Jaurès", "Lucie Aubrac", "Érik Satie", "George Sand", "Léonard de Vinci",
        "Jacques Amyot", "Antoine de Saint-Exupéry", "Les Tilleuls", "Le Tilleul d’Or", "Blaise Pascal", "Frédéric Joliot-Curie",
    ];

    private static readonly string[] Towns =
    [
        "Meaux", "Chelles", "Fontainebleau", "Provins", "Château-Landon", "Lagny-sur-Marne", "Savigny-le-Temple", "Torcy",
        "Coulommiers", "Melun",
    ];

    /// <summary>Every school of the service once <see cref="EnsureAddedAsync"/> has run: UAI, name, town.</summary>
    public static IReadOnlyList<(string Uai, string Name, string City)> All { get; } = Build();

    private static List<(string Uai, string Name, string City)> Build()
    {
        var schools = new List<(string, string, string)> { (PortalFixture.Uai, PortalFixture.SchoolName, "Melun") };
        var n = 0;
        foreach (var town in Towns)
        {
            foreach (var name in Names)
            {
                var kind = Kinds[n % Kinds.Length];
                if (schools.Count == 200 || (name == "Les Tilleuls" && town == "Melun"))
                {
                    continue;
                }

                schools.Add((UaiOf(770_000 + n), $"{kind} {name}", town));
                n++;
            }
        }

        return schools;
    }

    /// <summary>A valid UAI: 7 digits (here 077xxxx) and the check letter of the digits modulo 23.</summary>
    private static string UaiOf(int number)
    {
        var digits = number.ToString("0000000", CultureInfo.InvariantCulture);
        return digits + "ABCDEFGHJKLMNPRSTUVWXYZ"[number % 23];
    }

    public static async Task EnsureAddedAsync(PortalFixture portal)
    {
        await Gate.WaitAsync();
        try
        {
            if (_added)
            {
                return;
            }

            await using var scope = portal.Factory.Services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            foreach (var (uai, name, city) in All.Skip(1))
            {
                await sender.Send(new AddEstablishmentCommand(Actor.Operator, uai, name, city));
            }

            _added = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Text as the help form searches it: accents and case ignored, punctuation as spaces.</summary>
    public static string Fold(string text)
    {
        var letters = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            letters.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The schools a query shows, in the list's order (by name, as the service sorts them): every word typed found in
    /// the name, the town or the UAI.
    /// </summary>
    public static IReadOnlyList<(string Uai, string Name, string City)> Matching(string query)
    {
        var words = Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return All.Where(s => words.All(Fold($"{s.Name} {s.City} {s.Uai}").Contains)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }
}

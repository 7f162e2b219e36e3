using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Application.Administration.Access;
using Ent77.Application.Establishments.AddEstablishment;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Mediator;

namespace Ent77.WebApi.Development;

/// <summary>
/// In Development, the first start creates a demo school, its administrator and a few accounts of each
/// profile, and prints their identifiers and activation codes (they are shown once: the database keeps hashes).
/// </summary>
public sealed class DemoSeeder(
    ISender sender,
    IEstablishmentRepository establishments,
    IAccountRepository accounts,
    IdentifierAllocator identifiers,
    ActivationCodeIssuer codes,
    IUnitOfWork unitOfWork,
    TimeProvider time)
{
    public const string DemoUai = "0771234Y";

    private static readonly (string First, string Last, Profile Profile)[] People =
    [
        ("Hélène", "Dupont", Profile.Student),
        ("Lucas", "Moreau", Profile.Student),
        ("Sophie", "Dupont", Profile.Parent),
        ("Karim", "Haddad", Profile.Parent),
        ("Marc", "Lefèvre", Profile.Teacher),
        ("Anne-Laure", "N'Diaye", Profile.Teacher),
        ("Nadia", "Benali", Profile.Staff),
    ];

    public async Task SeedAsync(TextWriter output, CancellationToken ct)
    {
        if (await establishments.FindByUaiAsync(Uai.Parse(DemoUai).Uai!, ct) is not null)
        {
            return;
        }

        await sender.Send(new AddEstablishmentCommand(Actor.Operator, DemoUai, "Collège Les Tilleuls", "Melun"), ct);
        var admin = await sender.Send(new IssueAdministratorCommand(Actor.Operator, DemoUai, "Claire", "Martin"), ct);
        var platformAdmin = await sender.Send(new IssueAdministratorCommand(Actor.Operator, null, "Yves", "Carpentier", PlatformAdmin: true), ct);
        var establishment = await establishments.FindByUaiAsync(Uai.Parse(DemoUai).Uai!, ct);
        var now = time.GetUtcNow();
        var lines = new List<string>
        {
            $"  {admin.Identifier,-24} {admin.ActivationCode}  administratrice de l'établissement",
            $"  {platformAdmin.Identifier,-24} {platformAdmin.ActivationCode}  administrateur de la plateforme",
        };
        foreach (var (first, last, profile) in People)
        {
            var identifier = await identifiers.AllocateAsync(first, last, ct);
            var account = Account.CreatePending(identifier, first, last, profile, establishment!.Id, now);
            var code = codes.Issue(account, now);
            accounts.Add(account);
            await unitOfWork.SaveChangesAsync(ct);
            lines.Add($"  {identifier.Value,-24} {code.Code}  {profile}");
        }

        await output.WriteLineAsync($"""

            ===== Données de démonstration (Development) =====
            Établissement {DemoUai} — Collège Les Tilleuls (Melun)
            Identifiant              Code d'activation
            {string.Join(Environment.NewLine, lines)}
            ===================================================

            """);
    }
}

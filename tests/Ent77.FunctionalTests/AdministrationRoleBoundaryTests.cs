using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ent77.Application.Accounts;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// An account that holds an administration role is out of a school administrator's reach (docs/SECURITY.md "Role
/// boundaries"): built from the running service's endpoint list, every endpoint that can act on an account refuses a
/// school administrator (403, nothing changed) when the target is another administrator, and serves a PlatformAdmin.
/// </summary>
public sealed class AdministrationRoleBoundaryTests : FunctionalTest
{
    /// <summary>
    /// Every /api/admin endpoint: a request aimed at the target account, or null for an endpoint that cannot act on an
    /// account (a new endpoint fails the test until it is classified here).
    /// </summary>
    private static readonly Dictionary<string, Func<Target, HttpRequestMessage>?> Endpoints = new(StringComparer.Ordinal)
    {
        ["POST /api/admin/accounts/{id:guid}/block"] = t => new HttpRequestMessage(HttpMethod.Post, $"/api/admin/accounts/{t.Id}/block"),
        ["POST /api/admin/accounts/{id:guid}/unblock"] = t => new HttpRequestMessage(HttpMethod.Post, $"/api/admin/accounts/{t.Id}/unblock"),
        ["POST /api/admin/establishments/{uai}/activation-codes"] = t =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/admin/establishments/{Ent77Factory.Uai}/activation-codes") { Content = JsonContent.Create(new { accountIds = new[] { t.Id } }) },
        ["POST /api/admin/establishments/{uai}/imports"] = t =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/admin/establishments/{Ent77Factory.Uai}/imports?format=json")
            {
                // The administrator's own roster line (renamed), and a newcomer: all or nothing.
                Content = new StringContent(
                    AdminHelpers.Roster(AdminHelpers.Row("Martin-Roux", "Odile", "Personnel", externalId: t.ExternalId), AdminHelpers.Row("Lefèvre", "Inès", "Élève", "6e A")),
                    Encoding.UTF8, "text/csv"),
            },
        ["POST /api/admin/establishments"] = null,
        ["POST /api/admin/establishments/{uai}/administrators"] = null,
        ["GET /api/admin/establishments/{uai}/accounts"] = null,
        ["GET /api/admin/establishments/{uai}/activation-stats"] = null,
        ["GET /api/admin/establishments/{uai}/audit"] = null,
        ["GET /api/admin/establishments/{uai}/help-requests/"] = null,
        ["GET /api/admin/establishments/{uai}/help-requests/{id:guid}"] = null,
        ["POST /api/admin/establishments/{uai}/help-requests/{id:guid}/start"] = null,
        ["POST /api/admin/establishments/{uai}/help-requests/{id:guid}/resolve"] = null,
        ["POST /api/admin/establishments/{uai}/help-requests/{id:guid}/reject"] = null,
    };

    [Fact]
    public async Task EveryEndpointThatActsOnAnAccount_RefusesASchoolAdministrator_WhenTheTargetIsAnAdministrator()
    {
        var listed = AdminEndpoints();
        Assert.Equal(Endpoints.Keys.Order(StringComparer.Ordinal), listed);
        var targeting = listed.Where(e => Endpoints[e] is not null).ToList();
        Assert.Equal(4, targeting.Count);

        var schoolAdmin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var platformAdmin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Yves", "Carpentier", platformAdmin: true);
        var coAdmin = await RosterAdministratorAsync(schoolAdmin, "Odile", "Martin", "STAFF-0007", Role.EstablishmentAdmin);
        var legacyPlatformAdmin = await RosterAdministratorAsync(schoolAdmin, "Paul", "Girard", "STAFF-0008", Role.PlatformAdmin);

        var failures = new List<string>();
        foreach (var target in new[] { coAdmin, legacyPlatformAdmin })
        {
            foreach (var endpoint in targeting)
            {
                // Unblocking only means something for a blocked account: the platform blocks it first.
                if (endpoint.EndsWith("/unblock", StringComparison.Ordinal) && (await Factory.LoadAccountAsync(target.Id)).Status != AccountStatus.Blocked)
                {
                    Assert.Equal(HttpStatusCode.NoContent, (await platformAdmin.Client.PostAsync($"/api/admin/accounts/{target.Id}/block", null)).StatusCode);
                }

                var before = await SnapshotAsync(target.Id);
                var stored = await Factory.CountStoredAsync();
                using var refused = await schoolAdmin.Client.SendAsync(Endpoints[endpoint]!(target));
                if (refused.StatusCode != HttpStatusCode.Forbidden || refused.Content.Headers.ContentType?.MediaType != Http.ProblemJson)
                {
                    failures.Add($"{endpoint} on {target.Name} by the school administrator: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");
                }

                if (before != await SnapshotAsync(target.Id) || stored != await Factory.CountStoredAsync())
                {
                    failures.Add($"{endpoint} on {target.Name}: something changed although the answer was {(int)refused.StatusCode}");
                }

                // The same request from the platform works: the refusal above is about the target, not the sample.
                using var allowed = await platformAdmin.Client.SendAsync(Endpoints[endpoint]!(target));
                if (!allowed.IsSuccessStatusCode)
                {
                    failures.Add($"{endpoint} on {target.Name} by the PlatformAdmin: {(int)allowed.StatusCode} {await allowed.Content.ReadAsStringAsync()}");
                }
                else if (before == await SnapshotAsync(target.Id))
                {
                    failures.Add($"{endpoint} on {target.Name} by the PlatformAdmin changed nothing: the sample proves nothing");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task ABulkOrProfileReissue_SkipsAdministrators_AndNamesEachAccountInTheAudit()
    {
        var schoolAdmin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var coAdmin = await RosterAdministratorAsync(schoolAdmin, "Odile", "Martin", "STAFF-0007", Role.EstablishmentAdmin);
        var pendingCoAdmin = await PendingWithRoleAsync("Odile", "Vasseur", Role.EstablishmentAdmin);
        var pupils = await schoolAdmin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(
            AdminHelpers.Row("Bernard", "Lucas", "Élève", "6e A"), AdminHelpers.Row("Roux", "Agnès", "Personnel")));
        var before = new[] { await SnapshotAsync(coAdmin.Id), await SnapshotAsync(pendingCoAdmin.Id) };
        var auditBefore = await Factory.CountAuditEventsAsync(AuditTypes.ActivationCodeIssued);

        var all = await schoolAdmin.ReissueOkAsync(Ent77Factory.Uai, new { });
        var staff = await schoolAdmin.ReissueOkAsync(Ent77Factory.Uai, new { profile = "Staff" });

        Assert.Equal(pupils.Accounts.Select(a => a.Identifier).Order(StringComparer.Ordinal), all.Accounts.Select(a => a.Identifier).Order(StringComparer.Ordinal));
        Assert.Equal(["agnes.roux"], staff.Accounts.Select(a => a.Identifier));
        Assert.Equal(before, new[] { await SnapshotAsync(coAdmin.Id), await SnapshotAsync(pendingCoAdmin.Id) });

        // One audit row per new code, naming its account; none for the administrators.
        var issued = await Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Type == AuditTypes.ActivationCodeIssued).OrderBy(e => e.Id).Skip(auditBefore).Select(e => new { e.AccountId, e.ActorAccountId }).ToListAsync());
        Assert.Equal(3, issued.Count);
        Assert.All(issued, e => Assert.Equal(schoolAdmin.Id, e.ActorAccountId));
        Assert.Equal(
            all.Accounts.Select(a => a.Id).Concat(staff.Accounts.Select(a => a.Id)).Order(),
            issued.Select(e => e.AccountId!.Value).Order());
    }

    [Fact]
    public async Task AnImport_NamesEveryAccountItCreatesOrUpdates_InTheAudit()
    {
        var schoolAdmin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var first = await schoolAdmin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(
            AdminHelpers.Row("Bernard", "Lucas", "Élève", "6e A", externalId: "E1"), AdminHelpers.Row("Roux", "Léa", "Élève", "6e B", externalId: "E2")));
        var second = await schoolAdmin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(
            AdminHelpers.Row("Bernard", "Lucas", "Élève", "5e A", externalId: "E1"), AdminHelpers.Row("Petit", "Noé", "Élève", "6e B", externalId: "E3")));

        var rows = await Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Type == AuditTypes.AccountImported)
            .Select(e => new { e.AccountId, e.ActorAccountId, e.Details }).ToListAsync());

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(schoolAdmin.Id, r.ActorAccountId));
        var created = first.Accounts.Select(a => a.Id).Append(second.Accounts.Single(a => a.Identifier == "noe.petit").Id);
        Assert.Equal(created.Order(), rows.Where(r => r.Details!.StartsWith("créé", StringComparison.Ordinal)).Select(r => r.AccountId!.Value).Order());
        Assert.Equal([first.Accounts.Single(a => a.Identifier == "lucas.bernard").Id], rows.Where(r => r.Details!.StartsWith("mis à jour", StringComparison.Ordinal)).Select(r => r.AccountId!.Value));
    }

    /// <summary>
    /// A staff member of the school's roster (with an external id), still pending, given <paramref name="role"/>: a
    /// co-administrator of the school, or a platform administrator issued when they still belonged to a school.
    /// </summary>
    private async Task<Target> RosterAdministratorAsync(Member schoolAdmin, string first, string last, string externalId, Role role)
    {
        var imported = await schoolAdmin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(AdminHelpers.Row(last, first, "Personnel", externalId: externalId)));
        var id = Assert.Single(imported.Accounts).Id;
        await GrantAsync(id, role);
        return new Target($"a pending {role}", id, externalId);
    }

    /// <summary>A pending account of the school holding <paramref name="role"/> (a platform administrator issued before they belonged to no school).</summary>
    private async Task<Target> PendingWithRoleAsync(string first, string last, Role role)
    {
        var pending = await Factory.CreatePendingAccountAsync(first, last, Profile.Staff);
        await GrantAsync(pending.Id, role);
        return new Target($"a pending {role}", pending.Id, null);
    }

    private Task<bool> GrantAsync(Guid id, Role role) =>
        Factory.WithScopeAsync(async sp =>
        {
            var account = await sp.GetRequiredService<IAccountRepository>().FindAsync(new AccountId(id), default);
            account!.Grant(role, role == Role.EstablishmentAdmin ? account.EstablishmentId : null);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
            return true;
        });

    /// <summary>Everything an administrator could change about the account: names, status, codes, version.</summary>
    private Task<string> SnapshotAsync(Guid id) =>
        Factory.WithDbAsync(async db =>
        {
            var account = await db.Accounts.AsNoTracking().Include(a => a.ActivationCodes).SingleAsync(a => a.Id == new AccountId(id));
            var codes = string.Join(",", account.ActivationCodes.OrderBy(c => c.IssuedAt).Select(c => $"{c.CodeHash}:{c.RevokedAt}"));
            return $"{account.FirstName} {account.LastName} {account.Status} {account.Version} {codes}";
        });

    private List<string> AdminEndpoints() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/admin", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private sealed record Target(string Name, Guid Id, string? ExternalId);
}

using System.Net;
using System.Net.Http.Json;
using Ent77.Domain.Auditing;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ent77.FunctionalTests;

/// <summary>
/// Every way an account gets locked (docs/DOMAIN.md "Lockout") writes exactly one <c>account.locked-out</c> audit row,
/// naming the account and its school: five wrong secrets at sign-in, on the activation page, as the current password of a
/// password change, or of a contact update.
/// </summary>
public sealed class LockoutAuditTests : FunctionalTest
{
    private const string Password = "Violette-2012";
    private const string WrongPassword = "Violette-2099";
    private const string WrongCode = "ABCD-EFGH-JKMN";

    [Fact]
    public async Task FiveWrongPasswordsAtSignIn_AreAuditedAsOneLockout()
    {
        var account = await ActiveAccountAsync();
        using var client = Factory.CreateApiClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, WrongPassword))).StatusCode);
        }

        await AssertOneLockoutOfAsync(account);
    }

    [Fact]
    public async Task FiveWrongCodesOnTheActivationPage_AreAuditedAsOneLockout()
    {
        var pending = await Factory.CreatePendingAccountAsync();
        using var client = Factory.CreateApiClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, WrongCode))).StatusCode);
        }

        await AssertOneLockoutOfAsync(pending);
    }

    [Fact]
    public async Task FiveWrongCurrentPasswordsOnAPasswordChange_AreAuditedAsOneLockout()
    {
        using var client = Factory.CreateApiClient();
        var account = await Factory.CreateActiveAccountAsync(client, Password);

        for (var i = 0; i < 5; i++)
        {
            var refused = await client.PostAsJsonAsync("/api/account/password",
                new { currentPassword = WrongPassword, newPassword = "Capucine-Neuve-88", newPasswordConfirmation = "Capucine-Neuve-88" });
            await Http.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        }

        await AssertOneLockoutOfAsync(account);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, Password))).StatusCode);
    }

    [Fact]
    public async Task FiveWrongCurrentPasswordsOnAContactUpdate_AreAuditedAsOneLockout()
    {
        using var client = Factory.CreateApiClient();
        var account = await Factory.CreateActiveAccountAsync(client, Password);

        for (var i = 0; i < 5; i++)
        {
            var refused = await client.PutAsJsonAsync("/api/account/contact",
                new { email = "nouvelle@example.fr", mobilePhone = (string?)null, currentPassword = WrongPassword });
            await Http.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        }

        await AssertOneLockoutOfAsync(account);
        Assert.Equal("helene.parent@example.fr", (await Factory.LoadAccountAsync(account.Id)).Email?.Value);
    }

    private async Task<PendingAccount> ActiveAccountAsync()
    {
        using var client = Factory.CreateApiClient();
        return await Factory.CreateActiveAccountAsync(client, Password);
    }

    private async Task AssertOneLockoutOfAsync(PendingAccount account)
    {
        var school = await Factory.EnsureEstablishmentAsync();
        var rows = await Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Type == AuditTypes.AccountLockedOut)
            .Select(e => new { e.AccountId, e.EstablishmentId, e.ActorAccountId, e.Details })
            .ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal((account.Id, school.Value, (Guid?)null, (string?)null), (row.AccountId!.Value, row.EstablishmentId!.Value, row.ActorAccountId, row.Details));
        Assert.Equal(Factory.Time.GetUtcNow().AddMinutes(15), (await Factory.LoadAccountAsync(account.Id)).LockedUntil);
    }
}

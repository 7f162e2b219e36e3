using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.Application.Accounts;
using Ent77.Application.Common.Ports;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ent77.TestSupport.Eventually;

namespace Ent77.FunctionalTests;

/// <summary>
/// docs/DOMAIN.md "Password reset", end to end: the request goes through the outbox and real Hangfire
/// processing to a real SMTP server on loopback; the link's token resets the password.
/// </summary>
public sealed class PasswordResetTests : MailTest
{
    private const string Email = "helene.parent@example.fr";
    private const string OldPassword = "Violette-2012";
    private const string NewPassword = "Tournesol-2027";

    private async Task<(HttpClient Client, PendingAccount Account)> ActiveAccountAsync()
    {
        var client = Factory.CreateApiClient();
        var account = await Factory.CreateActiveAccountAsync(client, OldPassword);
        return (client, account);
    }

    private async Task<HttpResponseMessage> RequestResetAsync(string identifier, string channel = "email") =>
        await Factory.CreateApiClient().PostAsJsonAsync("/api/password-reset", new { identifier, channel });

    private async Task<string> RequestAndReadTokenAsync(string identifier, int expectedResetMessages = 1)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await RequestResetAsync(identifier)).StatusCode);
        var messages = (await Smtp.WaitForAsync(Email, expectedResetMessages + 1)) // + the welcome e-mail
            .Where(m => m.Subject!.Contains("réinitialisation", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(expectedResetMessages, messages.Count);
        return TokenFrom(messages[^1], "reinitialisation");
    }

    private Task<HttpResponseMessage> ConfirmAsync(string token, string password = NewPassword) =>
        Factory.CreateApiClient().PostAsJsonAsync("/api/password-reset/confirm", new { token, password, passwordConfirmation = password });

    private async Task<HttpStatusCode> SignInAsync(string identifier, string password) =>
        (await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(identifier, password))).StatusCode;

    [Fact]
    public async Task Reset_ByEmail_EndToEnd()
    {
        var (otherSession, account) = await ActiveAccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await otherSession.GetAsync("/api/account")).StatusCode);

        var token = await RequestAndReadTokenAsync(account.Identifier);
        var reset = Assert.Single(Smtp.To(Email), m => m.Subject!.Contains("réinitialisation", StringComparison.Ordinal));
        Assert.Contains("https://ent77.test/reinitialisation#token=", reset.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("?token", reset.TextBody, StringComparison.Ordinal);
        Assert.Equal("ENT 77 : réinitialisation de votre mot de passe", reset.Subject);
        Assert.Contains("Bonjour Hélène,", reset.TextBody, StringComparison.Ordinal);
        Assert.NotNull(reset.HtmlBody);

        Assert.NotEqual(0, await SessionRowsAsync(account.Id));
        var confirmed = await ConfirmAsync(token);

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.False(confirmed.Headers.Contains("Set-Cookie")); // no sign-in after a reset
        Assert.Equal(0, await SessionRowsAsync(account.Id)); // every session row of the account is gone
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(account.Identifier, NewPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(account.Identifier, OldPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherSession.GetAsync("/api/account")).StatusCode);
        var reused = await ConfirmAsync(token, "Encore-Autre-2028");
        var problem = await Http.AssertProblemAsync(reused, HttpStatusCode.BadRequest);
        Assert.Contains("token", Http.Errors(problem).Keys);
        var changed = await Smtp.WaitForAsync(Email, 3);
        Assert.Contains(changed, m => m.Subject == "ENT 77 : votre mot de passe a été modifié");
    }

    [Fact]
    public async Task Reset_WithAnExpiredToken_IsRefused()
    {
        var (_, account) = await ActiveAccountAsync();
        var token = await RequestAndReadTokenAsync(account.Identifier);

        Factory.Time.Advance(TimeSpan.FromMinutes(61));

        await Http.AssertProblemAsync(await ConfirmAsync(token), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(account.Identifier, OldPassword));
    }

    [Fact]
    public async Task Reset_ANewerTokenKillsTheOlderOne()
    {
        var (_, account) = await ActiveAccountAsync();
        var first = await RequestAndReadTokenAsync(account.Identifier, 1);
        var second = await RequestAndReadTokenAsync(account.Identifier, 2);

        await Http.AssertProblemAsync(await ConfirmAsync(first), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(second)).StatusCode);
    }

    [Fact]
    public async Task Reset_APasswordChangeKillsEveryToken()
    {
        var (client, account) = await ActiveAccountAsync();
        var token = await RequestAndReadTokenAsync(account.Identifier);

        var change = await client.PostAsJsonAsync("/api/account/password",
            new { currentPassword = OldPassword, newPassword = "Marguerite-2029", newPasswordConfirmation = "Marguerite-2029" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        await Http.AssertProblemAsync(await ConfirmAsync(token), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(account.Identifier, "Marguerite-2029"));
    }

    [Fact]
    public async Task Request_ForUnknownPendingOrBlockedAccounts_AnswersTheSameAndSendsNothing()
    {
        var (_, active) = await ActiveAccountAsync();
        var pending = await Factory.CreatePendingAccountAsync("Lucas", "Moreau");
        var (_, blocked) = (Factory.CreateApiClient(), await Factory.CreateActiveAccountAsync(Factory.CreateApiClient(), OldPassword, "Karim", "Haddad"));
        await Factory.WithScopeAsync(async sp =>
        {
            var account = await sp.GetRequiredService<IAccountRepository>().FindAsync(new Domain.Accounts.AccountId(blocked.Id), default);
            account!.Block(Factory.Time.GetUtcNow());
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
            return 0;
        });
        var before = await CountOutboxAsync();

        var answers = new List<Snapshot>();
        foreach (var identifier in new[] { "personne.inconnue", pending.Identifier, blocked.Identifier, active.Identifier })
        {
            answers.Add(await Http.SnapshotAsync(await RequestResetAsync(identifier)));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.Single(answers.Select(a => a.BodyHex).Distinct());
        Assert.Equal(before + 1, await CountOutboxAsync()); // only the active account's reset
        await Smtp.WaitForAsync(Email, 2);
        await QuietPeriod();
        Assert.DoesNotContain(Smtp.Messages, m => m.Subject!.Contains("réinitialisation", StringComparison.Ordinal) && !m.To.ToString().Contains(Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_TheFourthInAnHour_SendsNothing_ButStillAnswers202()
    {
        var (_, account) = await ActiveAccountAsync();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await RequestResetAsync(account.Identifier)).StatusCode);
        }

        await Smtp.WaitForAsync(Email, 4);
        await QuietPeriod();
        Assert.Equal(3, Smtp.To(Email).Count(m => m.Subject!.Contains("réinitialisation", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Outbox_HoldsNoReadableTokenAfterDelivery()
    {
        var (_, account) = await ActiveAccountAsync();
        var token = await RequestAndReadTokenAsync(account.Identifier);
        await WaitUntilAsync(async () => await Factory.WithDbAsync(db => db.Notifications.AllAsync(n => n.SentAt != null)));

        var rows = await Factory.WithDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());

        Assert.All(rows, row => Assert.NotNull(row.SentAt));
        Assert.All(rows, row => Assert.Null(row.ProtectedSecret));
        Assert.DoesNotContain(rows, row => row.Data.Contains(token, StringComparison.Ordinal));
        var stored = await Factory.WithDbAsync(db => db.Accounts.Include(a => a.ResetRequests).AsNoTracking().SingleAsync(a => a.Id == new Domain.Accounts.AccountId(account.Id)));
        Assert.DoesNotContain(stored.ResetRequests, r => r.SecretHash.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Channels_OfferOnlyEmailWhileSmsIsDisabled_AndRefuseSms()
    {
        var channels = await Factory.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/password-reset/channels");
        Assert.Equal(["email"], channels.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).ToArray());

        var (_, account) = await ActiveAccountAsync();
        var problem = await Http.AssertProblemAsync(await RequestResetAsync(account.Identifier, "sms"), HttpStatusCode.BadRequest);
        Assert.Contains("channel", Http.Errors(problem).Keys);
    }

    private Task<int> CountOutboxAsync() => Factory.WithDbAsync(db => db.Notifications.CountAsync());

    private Task<int> SessionRowsAsync(Guid accountId) =>
        Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Sessions, s => s.AccountId == new Domain.Accounts.AccountId(accountId)));
}

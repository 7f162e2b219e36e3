using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>Identifier reminder, e-mail confirmation, contact and password changes of a signed-in person.</summary>
public sealed class AccountRecoveryTests : MailTest
{
    private const string Email = "helene.parent@example.fr";

    [Fact]
    public async Task IdentifierReminder_SendsTheIdentifiersOfThatAddress_AndAnswersTheSameForAnUnknownOne()
    {
        await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());
        var client = Factory.CreateApiClient();

        var known = await Http.SnapshotAsync(await client.PostAsJsonAsync("/api/identifier-reminder", new { email = "HELENE.parent@example.fr" }));
        var unknown = await Http.SnapshotAsync(await client.PostAsJsonAsync("/api/identifier-reminder", new { email = "personne@example.fr" }));

        Assert.Equal(HttpStatusCode.Accepted, known.Status);
        Assert.Equal(known, unknown);
        var messages = await Smtp.WaitForAsync(Email, 2);
        var reminder = Assert.Single(messages, m => m.Subject == "ENT 77 : vos identifiants");
        Assert.Contains("• helene.dupont", reminder.TextBody, StringComparison.Ordinal);
        await QuietPeriod();
        Assert.Empty(Smtp.To("personne@example.fr"));
    }

    [Fact]
    public async Task WelcomeEmail_ConfirmsTheAddress()
    {
        var client = Factory.CreateApiClient();
        await Factory.CreateActiveAccountAsync(client);
        var welcome = Assert.Single(await Smtp.WaitForAsync(Email));
        Assert.Equal("Bienvenue sur ENT 77", welcome.Subject);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("emailConfirmedAt").ValueKind);

        var confirmed = await Factory.CreateApiClient().PostAsJsonAsync("/api/email-confirmation", new { token = TokenFrom(welcome, "confirmation-email") });

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal(JsonValueKind.String, after.GetProperty("emailConfirmedAt").ValueKind);
        await Http.AssertProblemAsync(await Factory.CreateApiClient().PostAsJsonAsync("/api/email-confirmation", new { token = TokenFrom(welcome, "confirmation-email") }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UpdateContact_NeedsTheCurrentPassword_AndANewAddressIsConfirmedAgain()
    {
        var client = Factory.CreateApiClient();
        await Factory.CreateActiveAccountAsync(client);

        var wrong = await client.PutAsJsonAsync("/api/account/contact", new { email = "nouvelle@example.fr", mobilePhone = "06 98 76 54 32", currentPassword = "faux" });
        var problem = await Http.AssertProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Contains("currentPassword", Http.Errors(problem).Keys);

        var right = await client.PutAsJsonAsync("/api/account/contact", new { email = "nouvelle@example.fr", mobilePhone = "06 98 76 54 32", currentPassword = "Violette-2012" });

        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        var account = await client.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal("nouvelle@example.fr", account.GetProperty("email").GetString());
        Assert.Equal("+33698765432", account.GetProperty("mobilePhone").GetString());
        var confirmation = Assert.Single(await Smtp.WaitForAsync("nouvelle@example.fr"));
        Assert.Equal("ENT 77 : confirmez votre adresse e-mail", confirmation.Subject);
    }

    [Fact]
    public async Task ChangingTheEmail_TellsTheOldAddress_WithoutGivingItTheNewOne()
    {
        var client = Factory.CreateApiClient();
        await Factory.CreateActiveAccountAsync(client);
        await Smtp.WaitForAsync("helene.parent@example.fr"); // the welcome e-mail

        var changed = await client.PutAsJsonAsync("/api/account/contact", new { email = "pirate@example.fr", mobilePhone = (string?)null, currentPassword = "Violette-2012" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var notice = Assert.Single(await Smtp.WaitForAsync("helene.parent@example.fr", 2), m => m.Subject == "ENT 77 : votre adresse e-mail a été changée");
        Assert.Contains("helene.dupont", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://ent77.test/mot-de-passe-oublie", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("pirate", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("pirate", notice.HtmlBody, StringComparison.Ordinal);

        // The same address again (another case): nobody is told anything.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/account/contact", new { email = "PIRATE@example.fr", mobilePhone = (string?)null, currentPassword = "Violette-2012" })).StatusCode);
        await QuietPeriod();
        Assert.Single(Smtp.To("helene.parent@example.fr"), m => m.Subject == "ENT 77 : votre adresse e-mail a été changée");
    }

    [Fact]
    public async Task ChangePassword_KeepsThisSession_EndsTheOthers_AndTellsThePerson()
    {
        var client = Factory.CreateApiClient();
        var account = await Factory.CreateActiveAccountAsync(client);
        var other = Factory.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Violette-2012"))).StatusCode);

        var weak = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = "Violette-2012", newPassword = "azerty", newPasswordConfirmation = "azerty" });
        await Http.AssertProblemAsync(weak, HttpStatusCode.BadRequest);
        var change = await client.PostAsJsonAsync("/api/account/password", new { currentPassword = "Violette-2012", newPassword = "Marguerite-2029", newPasswordConfirmation = "Marguerite-2029" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/account")).StatusCode);
        Assert.Contains(await Smtp.WaitForAsync(Email, 2), m => m.Subject == "ENT 77 : votre mot de passe a été modifié");
    }

    [Fact]
    public async Task AccountEndpoints_WithoutASession_Are401()
    {
        var anonymous = Factory.CreateApiClient();

        await Http.AssertProblemAsync(await anonymous.PostAsJsonAsync("/api/account/password", new { currentPassword = "a", newPassword = "b", newPasswordConfirmation = "b" }), HttpStatusCode.Unauthorized);
        await Http.AssertProblemAsync(await anonymous.PutAsJsonAsync("/api/account/contact", new { email = "a@b.fr", currentPassword = "a" }), HttpStatusCode.Unauthorized);
    }
}

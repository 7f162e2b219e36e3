using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

public sealed class ActivationJourneyTests : FunctionalTest
{
    [Fact]
    public async Task Journey_FromPaperCodeToSignedInAccount()
    {
        var client = Factory.CreateApiClient();
        var pending = await Factory.CreatePendingAccountAsync();

        // The code typed in the password field, identifier typed loosely: activation is required.
        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(" Hélène.Dupont ", pending.Code.ToLowerInvariant().Replace("-", " ")));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var body = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("activationRequired", body.GetProperty("outcome").GetString());
        Assert.Equal("helene.dupont", body.GetProperty("identifier").GetString());
        Assert.False(signIn.Headers.Contains("Set-Cookie"));

        var activation = await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code, "Violette-2012"));
        Assert.Equal(HttpStatusCode.OK, activation.StatusCode);
        var activated = await activation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("signedIn", activated.GetProperty("outcome").GetString());
        Assert.Equal("Active", activated.GetProperty("account").GetProperty("status").GetString());

        var me = await client.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal("helene.dupont", me.GetProperty("identifier").GetString());
        Assert.Equal("helene.parent@example.fr", me.GetProperty("email").GetString());
        Assert.Equal("+33612345678", me.GetProperty("mobilePhone").GetString());
        Assert.Equal("0771234Y", me.GetProperty("establishment").GetProperty("uai").GetString());

        // The code is dead, for sign-in and for activation.
        var fresh = Factory.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, pending.Code))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code, "Autre-Mot-2013"))).StatusCode);

        // The personal password works.
        var withPassword = await fresh.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, "Violette-2012"));
        Assert.Equal(HttpStatusCode.OK, withPassword.StatusCode);
        Assert.Equal("signedIn", (await withPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/account")).StatusCode);

        // Sign-out ends the session.
        Assert.Equal(HttpStatusCode.NoContent, (await fresh.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/account")).StatusCode);
        Assert.Equal(1, await Factory.CountAuditEventsAsync(Ent77.Domain.Auditing.AuditTypes.SignedOut));
    }
}

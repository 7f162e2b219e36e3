using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>The SMS channel, once enabled: the code reaches the gateway, resets the password, and dies after 5 wrong tries.</summary>
public sealed partial class SmsResetTests : MailTest
{
    private readonly LoopbackSmsGateway _gateway = new();

    protected override IDictionary<string, string?> ExtraSettings => _gateway.Settings;

    private async Task<(string Identifier, string Code)> RequestCodeAsync()
    {
        var account = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());
        var accepted = await Factory.CreateApiClient().PostAsJsonAsync("/api/password-reset", new { identifier = account.Identifier, channel = "sms" });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var sms = Assert.Single(await _gateway.WaitForAsync(1));
        Assert.Equal("+33612345678", sms.To);
        Assert.Equal("Bearer cle-de-test", sms.Authorization);
        var code = SixDigits().Match(sms.Text);
        Assert.True(code.Success, sms.Text);
        return (account.Identifier, code.Value);
    }

    private Task<HttpResponseMessage> ConfirmAsync(string identifier, string code, string password = "Tournesol-2027") =>
        Factory.CreateApiClient().PostAsJsonAsync("/api/password-reset/confirm", new { identifier, token = code, password, passwordConfirmation = password });

    [Fact]
    public async Task Channels_OfferSms()
    {
        var channels = await Factory.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/password-reset/channels");

        Assert.Equal(["email", "sms"], channels.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).ToArray());
    }

    [Fact]
    public async Task TheCodeReachesTheGateway_AndResetsThePassword()
    {
        var (identifier, code) = await RequestCodeAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(identifier, code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(identifier, "Tournesol-2027"))).StatusCode);
    }

    [Fact]
    public async Task FiveWrongCodes_KillIt()
    {
        var (identifier, code) = await RequestCodeAsync();
        var wrong = code == "000000" ? "000001" : "000000";

        for (var i = 0; i < 5; i++)
        {
            await Http.AssertProblemAsync(await ConfirmAsync(identifier, wrong), HttpStatusCode.BadRequest);
        }

        await Http.AssertProblemAsync(await ConfirmAsync(identifier, code), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(identifier, "Violette-2012"))).StatusCode);
    }

    [Fact]
    public async Task AnExpiredCode_IsRefused()
    {
        var (identifier, code) = await RequestCodeAsync();

        Factory.Time.Advance(TimeSpan.FromMinutes(11));

        await Http.AssertProblemAsync(await ConfirmAsync(identifier, code), HttpStatusCode.BadRequest);
    }

    [GeneratedRegex("\\b[0-9]{6}\\b")]
    private static partial Regex SixDigits();

    protected override void DisposeMore() => _gateway.Dispose();
}

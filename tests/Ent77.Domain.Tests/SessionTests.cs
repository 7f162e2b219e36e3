using Ent77.Domain.Accounts;

namespace Ent77.Domain.Tests;

public sealed class SessionTests
{
    private static readonly SessionPolicy Policy = SessionPolicy.Default;

    [Fact]
    public void Start_WithoutRememberMe_IsABrowserSession_ThirtyMinutesIdle()
    {
        var session = Session.Start(TestData.ActiveAccount(), rememberMe: false, null, Policy, TestData.Now);

        Assert.False(session.RememberMe);
        Assert.Equal(TestData.Now, session.CreatedAt);
        Assert.Equal(TestData.Now, session.LastSeenAt);
        Assert.Equal(TestData.Now.AddMinutes(30), session.ExpiresAt);
        Assert.True(session.IsLive(TestData.Now.AddMinutes(30).AddTicks(-1)));
        Assert.False(session.IsLive(TestData.Now.AddMinutes(30)));
    }

    [Fact]
    public void Start_WithRememberMe_LastsThirtyDays()
    {
        var session = Session.Start(TestData.ActiveAccount(), rememberMe: true, null, Policy, TestData.Now);

        Assert.True(session.RememberMe);
        Assert.Equal(TestData.Now.AddDays(30), session.ExpiresAt);
    }

    [Theory]
    [InlineData(Role.EstablishmentAdmin)]
    [InlineData(Role.PlatformAdmin)]
    public void Start_ForAnAdministrator_IsNeverRemembered(Role role)
    {
        var account = TestData.ActiveAccount();
        account.Grant(role, TestData.School);

        var session = Session.Start(account, rememberMe: true, null, Policy, TestData.Now);

        Assert.False(session.RememberMe);
        Assert.Equal(TestData.Now.AddMinutes(30), session.ExpiresAt);
    }

    [Fact]
    public void Activity_IsWrittenAtMostOnceAMinute_AndSlidesTheIdleEnd_NeverPastTwelveHours()
    {
        var session = Session.Start(TestData.ActiveAccount(), rememberMe: false, null, Policy, TestData.Now);

        Assert.False(session.RecordActivity(Policy, TestData.Now.AddSeconds(59)));
        Assert.Equal(TestData.Now, session.LastSeenAt);
        Assert.True(session.RecordActivity(Policy, TestData.Now.AddMinutes(20)));
        Assert.Equal(TestData.Now.AddMinutes(50), session.ExpiresAt);

        for (var at = TestData.Now.AddMinutes(40); at < TestData.Now.AddHours(12); at = at.AddMinutes(20))
        {
            Assert.True(session.RecordActivity(Policy, at), $"refused at {at}");
        }

        Assert.Equal(TestData.Now.AddHours(12), session.ExpiresAt);
        Assert.False(session.IsLive(TestData.Now.AddHours(12)));
        Assert.False(session.RecordActivity(Policy, TestData.Now.AddHours(12).AddMinutes(1)));
    }

    [Fact]
    public void Activity_OfARememberedSession_DoesNotMoveItsEnd()
    {
        var session = Session.Start(TestData.ActiveAccount(), rememberMe: true, null, Policy, TestData.Now);

        Assert.True(session.RecordActivity(Policy, TestData.Now.AddDays(29)));

        Assert.Equal(TestData.Now.AddDays(29), session.LastSeenAt);
        Assert.Equal(TestData.Now.AddDays(30), session.ExpiresAt);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox sur Windows")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome sur Android")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari sur iPhone")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge sur macOS")]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome sur ChromeOS")]
    [InlineData("curl/8.5.0", "Appareil inconnu")]
    [InlineData("", "Appareil inconnu")]
    [InlineData(null, "Appareil inconnu")]
    public void TheDeviceLabel_IsShort_AndNeverTheUserAgent(string? userAgent, string expected)
    {
        Assert.Equal(expected, Session.DeviceLabel(userAgent));
    }

    [Fact]
    public void TheDeviceLabel_OfAHostileUserAgent_IsStillShortAndClean()
    {
        var label = Session.DeviceLabel(new string('x', 10_000) + "\r\n<script>Firefox/1</script> Windows");

        Assert.Equal("Firefox sur Windows", label);
        Assert.True(label.Length <= Session.MaxDeviceLength);
    }
}

using System.Text.RegularExpressions;
using Ent77.TestSupport.Mail;
using MimeKit;

namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>
/// Base for tests that follow messages: a real SMTP server on loopback, a fresh service pointed at it with
/// fast job polling and short retry delays, and helpers to read the links out of the messages.
/// </summary>
public abstract partial class MailTest : IAsyncLifetime
{
    protected LoopbackSmtpServer Smtp { get; } = new();

    protected Ent77Factory Factory { get; private set; } = null!;

    /// <summary>Whether the SMTP server is up when the service starts.</summary>
    protected virtual bool SmtpUpAtStart => true;

    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public ValueTask InitializeAsync()
    {
        if (SmtpUpAtStart)
        {
            Smtp.Start();
        }

        var settings = new Dictionary<string, string?>(Smtp.Settings)
        {
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Jobs:RetryBaseDelay"] = "00:00:01",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        Factory = new Ent77Factory(settings);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.Secrets.AssertNothingLeakedAsync(Factory);
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        DisposeMore();
        GC.SuppressFinalize(this);
    }

    /// <summary>For test classes that own more servers.</summary>
    protected virtual void DisposeMore()
    {
    }

    /// <summary>The secret carried in a link's fragment (<c>…#token=…</c>).</summary>
    protected string TokenFrom(MimeMessage message, string page)
    {
        var match = Regex.Match(message.TextBody ?? string.Empty, "https://ent77\\.test/" + page + "#token=([A-Za-z0-9_-]+)");
        Assert.True(match.Success, $"No {page} link in: {message.TextBody}");
        Factory.Secrets.Register(match.Groups[1].Value);
        return match.Groups[1].Value;
    }

    /// <summary>Lets the job server run a while, for the tests that prove that nothing is sent.</summary>
    protected static Task QuietPeriod() => Task.Delay(TimeSpan.FromSeconds(1.5));
}

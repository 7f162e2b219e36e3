using Ent77.FunctionalTests.Infrastructure;
using Ent77.Infrastructure.Notifications;
using Ent77.TestSupport.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ent77.FunctionalTests;

/// <summary>
/// The relay's login is never sent over an unencrypted connection: a relay that offers AUTH in clear (no STARTTLS)
/// gets neither the login nor the message with <c>Smtp:Security</c> <c>Auto</c> (or <c>None</c>); the error says why.
/// Without a login, <c>Auto</c> still delivers to such a relay.
/// </summary>
public sealed class SmtpLoginTests : IAsyncLifetime
{
    private readonly LoopbackSmtpServer _relay = new LoopbackSmtpServer().Start(offerLoginInClear: true);

    [Theory]
    [InlineData(SmtpSecurity.Auto)]
    [InlineData(SmtpSecurity.None)]
    public async Task WithALogin_AnUnencryptedRelay_GetsNothing(SmtpSecurity security)
    {
        var sender = Sender(security, username: "ent77", password: "Relais-Secret-2026");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.ConnectAsync(TestContext.Current.CancellationToken));

        Assert.Contains("not sent in clear", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Relais-Secret-2026", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _relay.LoginAttempts);
        Assert.Empty(_relay.Messages);
    }

    [Fact]
    public async Task WithoutALogin_AutoDelivers()
    {
        await using (var connection = await Sender(SmtpSecurity.Auto, username: null, password: null).ConnectAsync(TestContext.Current.CancellationToken))
        {
            await connection.SendAsync(Message(), TestContext.Current.CancellationToken);
        }

        Assert.Single(await _relay.WaitForAsync("sophie.parent@example.fr"));
        Assert.Equal(0, _relay.LoginAttempts);
    }

    private SmtpEmailSender Sender(SmtpSecurity security, string? username, string? password) =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = _relay.Port, Security = security, Username = username, Password = password }));

    private static MimeMessage Message()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("ne-pas-repondre@ent77.test"));
        message.To.Add(MailboxAddress.Parse("sophie.parent@example.fr"));
        message.Subject = "Essai";
        message.Body = new TextPart("plain") { Text = "Bonjour" };
        return message;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _relay.DisposeAsync();
}

using System.Collections.Concurrent;
using System.Net;
using Ent77.TestSupport;
using Ent77.TestSupport.Hosting;
using MimeKit;
using SmtpServer;

namespace Ent77.TestSupport.Mail;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package): the service's MailKit talks to it over a socket.
/// It can be stopped and started again on the same port, to play a relay that goes down and comes back.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    /// <summary>How long the waits wait by default: enough for the job server's polling and a retry on a busy machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _loginAttempts;

    public int Port { get; } = FreePort.Next();

    public IReadOnlyCollection<MimeMessage> Messages => _messages.ToArray();

    /// <summary>The settings that point the service at this server.</summary>
    public IDictionary<string, string?> Settings => SmtpSettings.ForLoopback(Port);

    /// <summary>Logins the server received (it offers AUTH over plain text when started with <c>offerLoginInClear</c>).</summary>
    public int LoginAttempts => Volatile.Read(ref _loginAttempts);

    public LoopbackSmtpServer Start(bool offerLoginInClear = false)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(offerLoginInClear).AuthenticationRequired(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new MimeMessageStore(_messages));
        if (offerLoginInClear)
        {
            services.Add(new CountingAuthenticator(() => Interlocked.Increment(ref _loginAttempts)));
        }

        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        return this;
    }

    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
        _stop = null;
    }

    public IReadOnlyList<MimeMessage> To(string recipient) =>
        _messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The messages to <paramref name="recipient"/>, once at least <paramref name="count"/> arrived (or the time ran out: those that did).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        await Eventually.HoldsWithinAsync(() => To(recipient).Count >= count, timeout ?? DefaultTimeout);
        return To(recipient);
    }

    /// <summary>The first message to <paramref name="recipient"/> that <paramref name="match"/>es, once it arrived (or <c>null</c> when the time ran out).</summary>
    public async Task<MimeMessage?> WaitForAsync(string recipient, Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        await Eventually.HoldsWithinAsync(() => To(recipient).Any(match), timeout ?? DefaultTimeout);
        return To(recipient).FirstOrDefault(match);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class CountingAuthenticator(Action attempted) : SmtpServer.Authentication.UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
        {
            attempted();
            return Task.FromResult(true);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using Ent77.TestSupport.Mail;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace Ent77.MultiInstanceTests.Infrastructure;

/// <summary>
/// Real SMTP servers on loopback ports (the SmtpServer package), one per instance, delivering into one mailbox. Each can
/// be paused: a sender then waits at <c>MAIL FROM</c>, before any of its message has left, which lets a test kill an
/// instance in the middle of a send without the message having been accepted.
/// </summary>
public sealed class SmtpRelays : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _mailbox = new();
    private readonly Relay[] _relays;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    public SmtpRelays(int count)
    {
        _relays = Enumerable.Range(0, count).Select(_ => new Relay(FreePort.Next())).ToArray();
        foreach (var relay in _relays)
        {
            var options = new SmtpServerOptionsBuilder()
                .ServerName("localhost")
                .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, relay.Port)))
                .Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new MimeMessageStore(_mailbox));
            services.Add(relay);
            _running.Add(new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token));
        }
    }

    public Relay this[int index] => _relays[index];

    public IReadOnlyCollection<MimeMessage> Messages => _mailbox.ToArray();

    /// <summary>How many messages went to each address.</summary>
    public Dictionary<string, int> CountByRecipient() => Messages
        .SelectMany(m => m.To.Mailboxes.Select(a => a.Address.ToLowerInvariant()))
        .GroupBy(a => a)
        .ToDictionary(g => g.Key, g => g.Count());

    public async ValueTask DisposeAsync()
    {
        foreach (var relay in _relays)
        {
            relay.Resume();
        }

        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    /// <summary>One server: its port, and a gate that holds senders at <c>MAIL FROM</c> while paused.</summary>
    public sealed class Relay(int port) : MailboxFilter
    {
        private TaskCompletionSource _open = Opened();
        private int _waiting;

        public int Port { get; } = port;

        /// <summary>Senders held at the gate right now.</summary>
        public int Waiting => Volatile.Read(ref _waiting);

        public IDictionary<string, string?> Settings => SmtpSettings.ForLoopback(Port);

        public void Pause() => Interlocked.CompareExchange(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), _open);

        public void Resume() => _open.TrySetResult();

        public override async Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox @from, int size, CancellationToken cancellationToken)
        {
            var gate = _open.Task;
            if (!gate.IsCompleted)
            {
                Interlocked.Increment(ref _waiting);
                try
                {
                    await gate.WaitAsync(cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }
            }

            return true;
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }
}

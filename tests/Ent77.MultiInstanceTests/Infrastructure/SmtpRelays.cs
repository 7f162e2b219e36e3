using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Ent77.TestSupport.Mail;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
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
            services.Add(new RelayStore(_mailbox, relay));
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

    /// <summary>One server: its port, the recipients of the messages it accepted, and a gate that holds senders at <c>MAIL FROM</c> while paused.</summary>
    public sealed class Relay(int port) : MailboxFilter
    {
        private readonly ConcurrentQueue<string> _accepted = new();
        private TaskCompletionSource _open = Opened();
        private int _waiting;

        public int Port { get; } = port;

        /// <summary>The recipient of every message this server accepted (lower case), in order.</summary>
        public IReadOnlyCollection<string> Accepted => _accepted.ToArray();

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

        internal void Record(MimeMessage message)
        {
            foreach (var address in message.To.Mailboxes)
            {
                _accepted.Enqueue(address.Address.ToLowerInvariant());
            }
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }

    /// <summary>Keeps each accepted message in the shared mailbox and tells its server's <see cref="Relay"/> whom it was for.</summary>
    private sealed class RelayStore(ConcurrentQueue<MimeMessage> mailbox, Relay relay) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            relay.Record(message);
            mailbox.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}

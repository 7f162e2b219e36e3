using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Ent77.TestSupport.Mail;

/// <summary>What a loopback SMTP server does with a message: parses it and keeps it in <paramref name="mailbox"/>.</summary>
public sealed class MimeMessageStore(ConcurrentQueue<MimeMessage> mailbox) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        mailbox.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
        return SmtpResponse.Ok;
    }
}

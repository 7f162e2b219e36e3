using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Ent77.Benchmarks.Harness;

/// <summary>Hidden mode <c>smtp-probe</c>: how fast a plain MailKit loop reaches the loopback sink, with and without TCP_NODELAY on the client.</summary>
internal static class SmtpProbe
{
    public static async Task<int> RunAsync()
    {
        await using var sink = new SmtpSink();
        foreach (var noDelay in new[] { false, true })
        {
            using var smtp = new SmtpClient();
            if (noDelay)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, sink.Port);
                await smtp.ConnectAsync(socket, "127.0.0.1", sink.Port, SecureSocketOptions.None);
            }
            else
            {
                await smtp.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.None);
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 100; i++)
            {
                using var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse("a@bench.test"));
                message.To.Add(MailboxAddress.Parse($"probe{noDelay}{i}@bench.test"));
                message.Subject = "probe";
                message.Body = new TextPart("plain") { Text = new string('x', 3000) };
                await smtp.SendAsync(message);
            }

            Console.WriteLine($"NoDelay={noDelay}: {100 / clock.Elapsed.TotalSeconds:0} msg/s");
            await smtp.DisconnectAsync(true);
        }

        return 0;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.Application.Common.Ports;
using Ent77.Application.Notifications;
using Ent77.Application.Notifications.Messages;
using Ent77.Benchmarks.Harness;
using Ent77.Domain.Common;
using Ent77.Domain.Notifications;
using Ent77.Infrastructure.Notifications;
using Ent77.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Benchmarks.Scenarios;

/// <summary>
/// 3. Notification pipeline. N password-reset e-mails written into the outbox (units of work of 500, as a busy
/// morning would) and delivered by the Hangfire jobs to a loopback SMTP server, timed from the first write to the
/// last arrival; baseline: the same rendered messages sent by a plain MailKit loop over one connection. Every
/// message must arrive exactly once. Then, the service idle, single reset requests over HTTP: time from the request
/// to the e-mail's arrival at the SMTP server.
/// </summary>
internal static class NotificationBenchmark
{
    private const int BatchSize = 500;

    public static async Task<BenchmarkReport> RunAsync(int messages, int repetitions, int idleSamples)
    {
        var report = new BenchmarkReport("notifications", "3. Notification pipeline");
        await using var sink = new SmtpSink();
        await using var host = await ServiceHost.StartAsync(sink.Settings);
        using var client = host.CreateClient(8);

        // People for the idle test, activated first (their welcome e-mails are delivered and counted before anything is timed).
        var people = await Accounts.CreateActiveAsync(host, client, idleSamples, emailDomain: "idle.bench");
        report.Check(await SmtpSink.WaitUntilAsync(() => people.All(p => sink.CountFor(p.Email) >= 1), TimeSpan.FromSeconds(30)),
            "the welcome e-mails did not all arrive");

        var renderer = host.Services.GetRequiredService<MessageRenderers>();
        using var profile = new DeliveryProfile();
        var baselines = new List<double>();
        var pipelines = new List<double>();
        var (sends, queued, written) = (new List<double>(), new List<double>(), new List<double>());
        for (var rep = 0; rep < repetitions; rep++)
        {
            var baseline = await BaselineAsync(sink, renderer, messages, $"b{rep}-");
            baselines.Add(baseline);
            report.Sample("baseline.msgPerS", baseline);
            profile.Reset();
            var pipeline = await PipelineAsync(host, sink, messages, $"p{rep}-", report);
            pipelines.Add(pipeline);
            report.Sample("pipeline.msgPerS", pipeline);
            sends.Add(profile.SendMs);
            queued.Add(profile.MarkQueuedMs);
            written.Add(profile.MarkWrittenMs);
            report.Sample("pipeline.sendMs", profile.SendMs);
            report.Sample("pipeline.markQueuedMs", profile.MarkQueuedMs);
            report.Sample("pipeline.markWrittenMs", profile.MarkWrittenMs);
            Console.WriteLine(Invariant($"  notifications rep {rep + 1}: MailKit loop {baseline:0} msg/s, outbox + Hangfire {pipeline:0} msg/s (a message: send {profile.SendMs:0.00} ms, its mark queued {profile.MarkQueuedMs:0.00} ms + written {profile.MarkWrittenMs:0.00} ms)"));
        }

        // Exactly once: nothing more arrives after a pause, and the outbox has no message left unsent.
        await Task.Delay(TimeSpan.FromSeconds(messages >= 1000 ? 3 : 1));
        for (var rep = 0; rep < repetitions; rep++)
        {
            var arrived = sink.ByPrefix($"p{rep}-");
            var doubled = arrived.Count(a => a.Value.Length > 1);
            report.Check(arrived.Count == messages, Invariant($"rep {rep + 1}: {arrived.Count} of {messages} messages arrived"));
            report.Check(doubled == 0, Invariant($"rep {rep + 1}: {doubled} messages arrived more than once"));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var unsent = await scope.ServiceProvider.GetRequiredService<Ent77DbContext>().Notifications.CountAsync(n => n.SentAt == null);
            report.Check(unsent == 0, Invariant($"{unsent} outbox messages are not marked sent"));
        }

        // At idle: one reset request at a time, at random moments (so the job server's polling phase is random too).
        var random = new Random(77);
        var latencies = new List<double>();
        foreach (var person in people)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1000 + random.Next(1500)));
            var before = sink.CountFor(person.Email);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/api/password-reset", new { identifier = person.Identifier, channel = "email" });
            report.Check(response.StatusCode == HttpStatusCode.Accepted, Invariant($"reset request for {person.Identifier}: {(int)response.StatusCode}"));
            if (!await SmtpSink.WaitUntilAsync(() => sink.CountFor(person.Email) > before, TimeSpan.FromSeconds(30)))
            {
                report.Check(false, Invariant($"the reset e-mail of {person.Identifier} never arrived"));
                continue;
            }

            var arrived = sink.ArrivalsOf(person.Email)[before];
            latencies.Add(Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds);
        }

        foreach (var l in latencies)
        {
            report.Sample("idle.ms", l);
        }

        var baselineMedian = Stats.Median(baselines);
        var pipelineMedian = Stats.Median(pipelines);
        var p95 = Stats.Percentile(latencies, 95);
        Console.WriteLine(Invariant($"  idle reset e-mail: p50 {Stats.Median(latencies):0} ms, p95 {p95:0} ms over {latencies.Count}"));
        var name = Invariant($"Notification pipeline ({messages:N0} e-mails)");
        report.Rows.Add(new ResultRow(name, "throughput, outbox + Hangfire → SMTP", pipelineMedian, "msg/s", "MailKit loop, one connection", baselineMedian,
            pipelineMedian / baselineMedian, "≥ 0.5 × baseline", pipelineMedian / baselineMedian >= 0.5));
        report.Rows.Add(new ResultRow(name, "delivered exactly once (every run)", report.Failures.Count == 0 ? 1 : 0, "count", null, null, null, "all, once", report.Failures.Count == 0));
        report.Rows.Add(new ResultRow("Reset e-mail at idle", Invariant($"request → SMTP arrival, p95 of {latencies.Count}"), p95, "ms", null, null, null, "≤ 2,000 ms", p95 <= 2000));
        report.Notes.Add(Invariant($"Medians of {repetitions} interleaved runs. Jobs:WorkerCount and Jobs:PollInterval at their defaults. Idle latency p50 {Stats.Median(latencies):0} ms, max {(latencies.Count > 0 ? latencies.Max() : 0):0} ms."));
        report.Notes.Add(Invariant($"A delivered message (the service's histograms, median of the runs' means): send {Stats.Median(sends):0.00} ms, its sent mark queued {Stats.Median(queued):0.00} ms then written and committed {Stats.Median(written):0.00} ms (a job sends the next message while the mark commits)."));
        return report;
    }

    private static PasswordResetLinkMessage Message(int i) => new("Camille", Invariant($"camille.martin{i}"));

    private static async Task<double> BaselineAsync(SmtpSink sink, MessageRenderers renderer, int messages, string prefix)
    {
        var clock = Stopwatch.StartNew();
        using (var smtp = new SmtpClient { Timeout = 30_000 })
        {
            await smtp.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.None);
            for (var i = 0; i < messages; i++)
            {
                using var message = renderer.MimeFor($"{prefix}{i}@bench.test", nameof(PasswordResetLinkMessage), JsonSerializer.Serialize(Message(i)), $"token{i:0000000000}");
                await smtp.SendAsync(message);
            }

            await smtp.DisconnectAsync(quit: true);
        }

        if (!await SmtpSink.WaitUntilAsync(() => sink.ByPrefix(prefix).Count >= messages, TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException("The baseline's messages did not all arrive.");
        }

        return messages / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> PipelineAsync(ServiceHost host, SmtpSink sink, int messages, string prefix, BenchmarkReport report)
    {
        var started = Stopwatch.GetTimestamp();
        for (var batch = 0; batch < messages; batch += BatchSize)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
            for (var i = batch; i < Math.Min(messages, batch + BatchSize); i++)
            {
                outbox.Enqueue(MessageRecipient.Email($"{prefix}{i}@bench.test"), Message(i), new OneTimeSecret($"token{i:0000000000}", "unused"));
            }

            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
        }

        var queued = Stopwatch.GetElapsedTime(started);
        var timeout = TimeSpan.FromSeconds(Math.Max(60, messages / 10.0));
        if (!await SmtpSink.WaitUntilAsync(() => sink.ByPrefix(prefix).Count >= messages, timeout, pollMilliseconds: 50))
        {
            report.Check(false, Invariant($"only {sink.ByPrefix(prefix).Count} of {messages} messages arrived within {timeout.TotalSeconds:0} s"));
        }

        var last = sink.ByPrefix(prefix).Values.SelectMany(a => a).DefaultIfEmpty(Stopwatch.GetTimestamp()).Max();
        var elapsed = Stopwatch.GetElapsedTime(started, last);
        report.Sample("pipeline.queueSeconds", queued.TotalSeconds);
        return messages / elapsed.TotalSeconds;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

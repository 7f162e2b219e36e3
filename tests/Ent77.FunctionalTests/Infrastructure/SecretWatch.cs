using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>
/// Every log line the service writes during a test, and every secret the test handed to it (passwords,
/// activation codes, reset and confirmation tokens). At the end of each test, no line of the log and no
/// audit event may contain one of them (DESIGN: logs and audit never hold a password, code, token or link).
/// </summary>
public sealed class SecretWatch : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public void Register(string secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 6)
        {
            _secrets.TryAdd(secret, 0);
        }
    }

    public async Task AssertNothingLeakedAsync(Ent77Factory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var audit = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Select(e => e.Type + " " + e.Details).ToListAsync());
        var everything = _lines.Concat(audit).ToList();
        foreach (var secret in _secrets.Keys)
        {
            var leak = everything.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A secret appears in the logs or the audit: {leak}");
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                lines.Enqueue(string.Join(" ", values.Select(v => $"{v.Key}={v.Value}")));
            }
        }
    }
}

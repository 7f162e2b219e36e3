using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Ent77.Application.Common.Behaviours;

/// <summary>Logs each message's name and duration; never its content (it may hold secrets).</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                LogHandled(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {Message} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string message, double elapsedMilliseconds);
}

using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Ports;
using Mediator;

namespace Ent77.Application.Common.Behaviours;

/// <summary>
/// Commits a command's changes (aggregates, audit events and outbox messages together) once its handler
/// returns. A handler that throws commits nothing. Queries pass straight through.
/// A command marked <see cref="IRetryOnConcurrencyConflict"/> that loses a race is run again against the
/// latest state, so that parallel requests are judged one after the other (no sixth guess slips through
/// a lockout because its failure could not be saved). One that still loses after <see cref="MaxAttempts"/> answers
/// <see cref="IAnswersALostRace{TResponse}.LostRaceAnswer"/> when it has one, with nothing written.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public const int MaxAttempts = 25;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            var response = await next(message, cancellationToken);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return response;
            }
            catch (ConcurrencyConflictException) when (message is IRetryOnConcurrencyConflict && attempt < MaxAttempts)
            {
                unitOfWork.DiscardChanges();
            }
            catch (ConcurrencyConflictException) when (message is IAnswersALostRace<TResponse> fallback)
            {
                unitOfWork.DiscardChanges();
                return fallback.LostRaceAnswer;
            }
        }
    }
}

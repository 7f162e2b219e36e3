using Ent77.Application.Common.Ports;
using Mediator;

namespace Ent77.Application.Common.Behaviours;

/// <summary>
/// Commits a command's changes (aggregates and audit events together) once its handler returns.
/// A handler that throws commits nothing. Queries pass straight through.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message is IBaseCommand)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return response;
    }
}

using System.Reflection;
using Ent77.Application.Common.Events;
using Ent77.Application.Notifications;
using Ent77.Domain.Common;
using Ent77.Infrastructure.Notifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Architecture.Tests;

/// <summary>
/// An event nobody handles is a fact thrown away (docs/adr/0011-domain-events-dispatched-before-commit.md): every domain
/// event has a handler, every use case's event has one, every message has a renderer, and only the audit handlers write
/// the audit log.
/// </summary>
public sealed class EventHandlerTests
{
    private static readonly Assembly Domain = typeof(IDomainEvent).Assembly;
    private static readonly Assembly Application = typeof(Ent77.Application.DependencyInjection).Assembly;

    [Fact]
    public void EveryDomainEvent_HasAHandler() =>
        Assert.Empty(Unhandled(Concrete(Domain).Where(t => typeof(IDomainEvent).IsAssignableFrom(t)), HandledDomainEvents(Application)));

    [Fact]
    public void EveryUseCaseEvent_HasAHandler() =>
        Assert.Empty(Unhandled(
            Concrete(Application).Where(t => typeof(INotification).IsAssignableFrom(t) && t != typeof(DomainEventsRaised)),
            HandledNotifications(Application)));

    [Fact]
    public void TheRule_SeesAnEventWithoutHandler()
    {
        // Control: an event type that no handler takes is reported, or the two tests above prove nothing.
        Assert.Equal([typeof(NobodyListens)], Unhandled([typeof(NobodyListens), typeof(Ent77.Domain.Accounts.Events.AccountLockedOut)], HandledDomainEvents(Application)));
        Assert.Equal([typeof(NobodyListensEither)], Unhandled([typeof(NobodyListensEither)], HandledNotifications(Application)));
    }

    [Fact]
    public void EveryMessage_HasARenderer()
    {
        var messages = Concrete(Application).Where(t => typeof(OutgoingMessage).IsAssignableFrom(t) || typeof(OutgoingSecretMessage).IsAssignableFrom(t)).ToList();
        var renderers = new MessageRenderers(
            Options.Create(new Ent77.Infrastructure.AppOptions()), Options.Create(new Ent77.Application.Common.RecoveryOptions()), Options.Create(new SmtpOptions()));

        Assert.NotEmpty(messages);
        Assert.Equal(messages.Select(t => t.Name).Order(StringComparer.Ordinal), renderers.MessageTypes.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OnlyTheAuditHandlers_WriteTheAuditLog()
    {
        var writers = Application.GetTypes()
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(Ent77.Application.Common.Ports.IAuditLog))))
            .Where(t => t.Namespace != "Ent77.Application.Auditing")
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(writers);
    }

    private static IEnumerable<Type> Concrete(Assembly assembly) => assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false });

    private static IReadOnlyList<Type> Unhandled(IEnumerable<Type> events, IReadOnlySet<Type> handled) =>
        events.Where(e => !handled.Contains(e)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();

    /// <summary>The <typeparamref name="TEvent"/> of every concrete <see cref="OnDomainEvent{TEvent}"/>.</summary>
    private static HashSet<Type> HandledDomainEvents(Assembly assembly) =>
        [.. Concrete(assembly).Select(BaseOnDomainEvent).OfType<Type>().Select(t => t.GetGenericArguments()[0])];

    private static Type? BaseOnDomainEvent(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(OnDomainEvent<>))
            {
                return current;
            }
        }

        return null;
    }

    private static HashSet<Type> HandledNotifications(Assembly assembly) =>
        [.. Concrete(assembly).SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))
            .Select(i => i.GetGenericArguments()[0])];

    private sealed record NobodyListens : IDomainEvent;

    private sealed record NobodyListensEither : INotification;
}

using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Common.Behaviours;

/// <summary>The commands whose handler takes an <see cref="IPasswordHasher"/>: read once from the handlers themselves, so a new one cannot be forgotten.</summary>
public static class PasswordHashingCommands
{
    public static IReadOnlySet<Type> All { get; } = typeof(PasswordHashingCommands).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false }
            && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IPasswordHasher))))
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.IsGenericType && IsCommandHandler(i.GetGenericTypeDefinition()))
        .Select(i => i.GetGenericArguments()[0])
        .ToHashSet();

    private static bool IsCommandHandler(Type definition) =>
        definition == typeof(ICommandHandler<,>) || definition == typeof(ICommandHandler<>);
}

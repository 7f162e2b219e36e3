using System.Reflection;
using FluentValidation;
using Mediator;

namespace Ent77.Architecture.Tests;

/// <summary>
/// One layout for every use case (docs/ARCHITECTURE.md): the folder <c>Application/&lt;Module&gt;/&lt;UseCase&gt;/</c> holds
/// <c>&lt;UseCase&gt;Command</c> (or <c>Query</c>), <c>&lt;UseCase&gt;Handler</c> and, when it has one,
/// <c>&lt;UseCase&gt;Validator</c>, each in its own file (<see cref="SourceFileTests"/>).
/// </summary>
public sealed class UseCaseLayoutTests
{
    private static readonly Assembly Application = typeof(Ent77.Application.DependencyInjection).Assembly;

    public static TheoryData<string> Messages() => [.. MessageTypes(Application).Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(Messages))]
    public void EachUseCase_HasItsFolder_ItsHandler_AndItsValidator_NamedAfterIt(string message) =>
        Assert.Empty(Problems(Application.GetType(message)!, Application));

    [Fact]
    public void EveryHandler_BelongsToTheUseCaseItIsNamedAfter()
    {
        var strays = Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && HandledMessages(t).Any())
            .Where(t => HandledMessages(t).Any(m => m.Namespace != t.Namespace || $"{UseCase(m)}Handler" != t.Name) || HandledMessages(t).Count() > 1)
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(strays);
    }

    [Fact]
    public void TheRule_SeesAMisplacedUseCase()
    {
        // Control: a message outside a use case folder, with no handler of its own name, is reported.
        Assert.NotEmpty(Problems(typeof(StrayCommand), typeof(UseCaseLayoutTests).Assembly));
        Assert.Contains(typeof(Ent77.Application.Accounts.SignIn.SignInCommand), MessageTypes(Application));
    }

    private static IEnumerable<Type> MessageTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && (typeof(IBaseCommand).IsAssignableFrom(t) || typeof(IBaseQuery).IsAssignableFrom(t)));

    private static string UseCase(Type message) =>
        message.Name.EndsWith("Command", StringComparison.Ordinal) ? message.Name[..^"Command".Length]
        : message.Name.EndsWith("Query", StringComparison.Ordinal) ? message.Name[..^"Query".Length]
        : message.Name;

    private static List<string> Problems(Type message, Assembly assembly)
    {
        var problems = new List<string>();
        var useCase = UseCase(message);
        var expectedSuffix = typeof(IBaseCommand).IsAssignableFrom(message) ? "Command" : "Query";
        if (message.Name != useCase + expectedSuffix)
        {
            problems.Add($"{message.Name} should be named {useCase}{expectedSuffix}");
        }

        var parts = message.Namespace?.Split('.') ?? [];
        if (parts.Length != 4 || parts[0] != "Ent77" || parts[1] != "Application" || parts[3] != useCase)
        {
            problems.Add($"{message.FullName} should live in Ent77.Application.<Module>.{useCase}");
        }

        var handlers = assembly.GetTypes().Where(t => HandledMessages(t).Contains(message)).ToList();
        if (handlers is not [{ } handler] || handler.Name != useCase + "Handler" || handler.Namespace != message.Namespace)
        {
            problems.Add($"{message.Name} should have one handler, {message.Namespace}.{useCase}Handler");
        }

        foreach (var validator in assembly.GetTypes().Where(t => typeof(IValidator<>).MakeGenericType(message).IsAssignableFrom(t) && !t.IsAbstract))
        {
            if (validator.Name != useCase + "Validator" || validator.Namespace != message.Namespace)
            {
                problems.Add($"{validator.FullName} should be {message.Namespace}.{useCase}Validator");
            }
        }

        return problems;
    }

    private static IEnumerable<Type> HandledMessages(Type type) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)))
            .Select(i => i.GetGenericArguments()[0]);

    private sealed record StrayCommand : ICommand<Unit>;
}

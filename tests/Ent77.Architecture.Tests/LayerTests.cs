using System.Reflection;
using NetArchTest.Rules;

namespace Ent77.Architecture.Tests;

/// <summary>Dependencies point inwards only: WebApi → Infrastructure → Application → Domain.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Ent77.Domain.Accounts.Account).Assembly;
    private static readonly Assembly Application = typeof(Ent77.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Ent77.Infrastructure.DependencyInjection).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.Extensions.DependencyInjection")]
    [InlineData("Mediator")]
    [InlineData("FluentValidation")]
    [InlineData("Ent77.Application")]
    [InlineData("Ent77.Infrastructure")]
    [InlineData("Ent77.WebApi")]
    public void Domain_DependsOnNeither(string forbidden) =>
        AssertNoDependency(Types.InAssembly(Domain), forbidden);

    [Theory]
    [InlineData("Ent77.Infrastructure")]
    [InlineData("Ent77.WebApi")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("MailKit")]
    [InlineData("Hangfire")]
    public void Application_DependsOnNeither(string forbidden) =>
        AssertNoDependency(Types.InAssembly(Application), forbidden);

    [Fact]
    public void Infrastructure_DoesNotDependOnWebApi() =>
        AssertNoDependency(Types.InAssembly(Infrastructure), "Ent77.WebApi");

    [Fact]
    public void TheRuleDetectsRealDependencies()
    {
        // Control: the same check must fail where a dependency does exist, or the tests above prove nothing.
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();
        Assert.False(result.IsSuccessful);
        Assert.False(Types.InAssembly(Application).ShouldNot().HaveDependencyOn("Ent77.Domain").GetResult().IsSuccessful);
    }

    [Fact]
    public void DomainReferences_AreOnlyTheBaseLibraryAndPhoneNumbers()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var unexpected = references.Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "PhoneNumbers")).ToList();
        Assert.Empty(unexpected);
    }

    [Fact]
    public void Aggregates_HaveNoPublicSetters()
    {
        var leaks = Types.InAssembly(Domain)
            .That().ResideInNamespaceStartingWith("Ent77.Domain")
            .GetTypes()
            .Where(t => t.IsClass)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } && !IsInitOnly(p))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void Handlers_AreSealedAndPublic_SoTheMediatorGeneratorSeesThem()
    {
        var handlers = Types.InAssembly(Application)
            .That().HaveNameEndingWith("Handler")
            .GetTypes()
            .ToList();
        Assert.NotEmpty(handlers);
        Assert.All(handlers, h => Assert.True(h.IsPublic && h.IsSealed, $"{h.Name} must be public and sealed"));
    }

    [Fact]
    public void UseCases_LiveInFeatureFolders()
    {
        var misplaced = Types.InAssembly(Application)
            .That().HaveNameEndingWith("Command").Or().HaveNameEndingWith("Query")
            .GetTypes()
            .Where(t => t.Namespace is null || t.Namespace.Split('.').Length < 4)
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(misplaced);
    }

    private static bool IsInitOnly(PropertyInfo property) =>
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static void AssertNoDependency(Types types, string forbidden)
    {
        var result = types.ShouldNot().HaveDependencyOn(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"Depends on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}

using System.Text.Json;
using Ent77.Application.Common.Exceptions;
using Ent77.Domain.Common;
using Ent77.WebApi.Errors;
using Ent77.WebApi.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NSubstitute;

namespace Ent77.WebApi.Tests;

public sealed class ProblemMappingTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new ValidationFailedException(new Dictionary<string, string[]> { ["Password"] = ["x"] }), 400 },
        { new DomainValidationException("password", [new DomainError("password.too_short", "trop court")]), 400 },
        { new InvalidTransitionException("account.not_pending", "déjà activé"), 409 },
        { new DomainException("account.code_invalid", "code"), 400 },
        { new NotFoundException("absent"), 404 },
        { new ConflictException("establishment.exists", "existe"), 409 },
        { new ConcurrencyConflictException(new InvalidOperationException()), 409 },
        { new BadHttpRequestException("trop gros", 413), 413 },
        { new BadHttpRequestException("json", 400, new JsonException()), 400 },
        { new InvalidOperationException("boom"), 500 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_GivesEachErrorItsStatusAndAFrenchTitle(Exception exception, int status)
    {
        var problem = ProblemDetailsExceptionHandler.Map(exception);

        Assert.Equal(status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.DoesNotContain("boom", problem.Detail ?? "", StringComparison.Ordinal); // internals never leak
    }

    [Fact]
    public void Map_ValidationErrors_AreKeyedByCamelCaseField()
    {
        var problem = Assert.IsType<ValidationProblemDetails>(ProblemDetailsExceptionHandler.Map(
            new ValidationFailedException(new Dictionary<string, string[]> { ["PasswordConfirmation"] = ["Les deux mots de passe ne sont pas identiques."] })));

        Assert.Equal(["Les deux mots de passe ne sont pas identiques."], problem.Errors["passwordConfirmation"]);
    }

    [Fact]
    public void Production_RefusesToStartWithoutItsKeys_NamingThem()
    {
        var environment = Substitute.For<IHostEnvironment>();
        environment.EnvironmentName.Returns(Environments.Production);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://ent77.fr" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => StartupChecks.EnsureProductionSettings(configuration, environment));

        Assert.Contains("Security:CodeKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("App:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }
}

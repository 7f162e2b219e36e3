using Ent77.Application.Common.Behaviours;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Ports;
using FluentValidation;
using Mediator;
using NSubstitute;

namespace Ent77.Application.Tests;

public sealed class BehaviourTests
{
    public sealed record Rename(string? First, string? Last) : ICommand<string>;

    public sealed record Look(string Name) : IQuery<string>;

    private sealed class RenameValidator : AbstractValidator<Rename>
    {
        public RenameValidator()
        {
            RuleFor(r => r.First).NotEmpty().WithMessage("Prénom obligatoire.");
            RuleFor(r => r.Last).NotEmpty().WithMessage("Nom obligatoire.");
        }
    }

    [Fact]
    public async Task Validation_ReportsEveryFieldAndStopsBeforeTheHandler()
    {
        var behaviour = new ValidationBehaviour<Rename, string>([new RenameValidator()]);
        var called = false;

        var error = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await behaviour.Handle(new Rename(null, ""), (_, _) => { called = true; return ValueTask.FromResult("ok"); }, default));

        Assert.False(called);
        Assert.Equal(["Prénom obligatoire."], error.Errors["First"]);
        Assert.Equal(["Nom obligatoire."], error.Errors["Last"]);
    }

    [Fact]
    public async Task UnitOfWork_CommitsCommandsAfterTheHandler()
    {
        var unitOfWork = Substitute.For<IUnitOfWork>();
        var behaviour = new UnitOfWorkBehaviour<Rename, string>(unitOfWork);

        var response = await behaviour.Handle(new Rename("a", "b"), (_, _) =>
        {
            unitOfWork.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
            return ValueTask.FromResult("ok");
        }, default);

        Assert.Equal("ok", response);
        await unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task UnitOfWork_CommitsNothingWhenTheHandlerThrows()
    {
        var unitOfWork = Substitute.For<IUnitOfWork>();
        var behaviour = new UnitOfWorkBehaviour<Rename, string>(unitOfWork);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await behaviour.Handle(new Rename("a", "b"), (_, _) => throw new InvalidOperationException(), default));

        await unitOfWork.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task UnitOfWork_LeavesQueriesAlone()
    {
        var unitOfWork = Substitute.For<IUnitOfWork>();
        var behaviour = new UnitOfWorkBehaviour<Look, string>(unitOfWork);

        await behaviour.Handle(new Look("x"), (_, _) => ValueTask.FromResult("seen"), default);

        await unitOfWork.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
    }
}

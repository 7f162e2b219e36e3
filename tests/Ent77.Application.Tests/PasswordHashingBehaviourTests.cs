using Ent77.Application.Accounts.ActivateAccount;
using Ent77.Application.Accounts.ChangePassword;
using Ent77.Application.Accounts.ConfirmPasswordReset;
using Ent77.Application.Accounts.SignIn;
using Ent77.Application.Accounts.UpdateContact;
using Ent77.Application.Common.Behaviours;
using Ent77.Application.Common.Ports;
using Mediator;

namespace Ent77.Application.Tests;

public sealed class PasswordHashingBehaviourTests
{
    public sealed record Look(string Name) : IQuery<string>;

    [Fact]
    public void TheGatedCommands_AreExactlyThoseWhoseHandlerHashesPasswords()
    {
        Assert.Equal(
            new[] { typeof(ActivateAccountCommand), typeof(ChangePasswordCommand), typeof(ConfirmPasswordResetCommand), typeof(SignInCommand), typeof(UpdateContactCommand) }
                .Select(t => t.FullName).Order(),
            PasswordHashingCommands.All.Select(t => t.FullName).Order());
    }

    [Fact]
    public async Task ASignIn_RunsThroughTheGate()
    {
        var gate = new CountingGate();
        var behaviour = new PasswordHashingBehaviour<SignInCommand, string>(gate);

        var answer = await behaviour.Handle(new SignInCommand("a.b", "secret", false), (_, _) => ValueTask.FromResult("handled"), default);

        Assert.Equal("handled", answer);
        Assert.Equal(1, gate.Runs);
    }

    [Fact]
    public async Task AMessageWhoseHandlerDoesNotHash_PassesStraightThrough()
    {
        var gate = new CountingGate();
        var behaviour = new PasswordHashingBehaviour<Look, string>(gate);

        var answer = await behaviour.Handle(new Look("x"), (_, _) => ValueTask.FromResult("handled"), default);

        Assert.Equal("handled", answer);
        Assert.Equal(0, gate.Runs);
    }

    private sealed class CountingGate : IPasswordHashingGate
    {
        public int Runs { get; private set; }

        public ValueTask<T> RunAsync<T>(Func<ValueTask<T>> work, CancellationToken cancellationToken)
        {
            Runs++;
            return work();
        }
    }
}

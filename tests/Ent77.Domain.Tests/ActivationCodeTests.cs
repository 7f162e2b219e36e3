using Ent77.Domain.Accounts;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

public sealed class ActivationCodeTests
{
    [Fact]
    public void IsLive_BeforeExpiry_IsTrue()
    {
        var code = PendingAccountWithCode().ActivationCodes.Single();

        Assert.True(code.IsLive(Now));
        Assert.True(code.IsLive(code.ExpiresAt - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void IsLive_AtOrAfterExpiry_IsFalse()
    {
        var code = PendingAccountWithCode().ActivationCodes.Single();

        Assert.False(code.IsLive(code.ExpiresAt));
        Assert.False(code.IsLive(code.ExpiresAt + TimeSpan.FromDays(1)));
    }

    [Fact]
    public void ExpiresAt_IsIssuanceTimePlusValidity()
    {
        var code = PendingAccountWithCode().ActivationCodes.Single();

        Assert.Equal(Now, code.IssuedAt);
        Assert.Equal(Now + Validity, code.ExpiresAt);
        Assert.Equal(CodeHash, code.CodeHash);
    }

    [Fact]
    public void Matches_ComparesTheStoredHashExactly()
    {
        var code = PendingAccountWithCode().ActivationCodes.Single();

        Assert.True(code.Matches(CodeHash));
        Assert.False(code.Matches(OtherCodeHash));
        Assert.False(code.Matches(CodeHash.ToUpperInvariant()));
        Assert.False(code.Matches(CodeHash + "x"));
        Assert.False(code.Matches(string.Empty));
    }
}

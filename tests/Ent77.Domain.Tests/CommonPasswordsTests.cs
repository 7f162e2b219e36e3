using Ent77.Domain.Accounts.Passwords;

namespace Ent77.Domain.Tests;

public sealed class CommonPasswordsTests
{
    [Fact]
    public void Default_HoldsAtLeastTenThousandEntries() =>
        Assert.True(CommonPasswords.Default.Count >= 10_000, $"Only {CommonPasswords.Default.Count} entries.");

    [Theory]
    [InlineData("azerty")]
    [InlineData("soleil")]
    [InlineData("password")]
    [InlineData("123456")]
    public void Default_ContainsWellKnownPasswords(string password) =>
        Assert.True(CommonPasswords.Default.Contains(password));

    [Theory]
    [InlineData("AZERTY")]
    [InlineData("Soleil")]
    [InlineData("Azerty123")]
    public void Contains_IgnoresCase(string password) =>
        Assert.True(CommonPasswords.Default.Contains(password));

    [Theory]
    [InlineData("Violette-2012")]
    [InlineData("Zorglub-Quintessence-7")]
    public void Contains_UnusualPassword_IsFalse(string password) =>
        Assert.False(CommonPasswords.Default.Contains(password));

    [Fact]
    public void Contains_IsAnExactMatchNotASubstring() =>
        Assert.False(CommonPasswords.Default.Contains("azerty-Zorglub-Quintessence"));

    [Fact]
    public void Constructor_FoldsEntriesToLowerCase()
    {
        var list = new CommonPasswords(["Motdepasse", "SECRET", "secret"]);

        Assert.Equal(2, list.Count);
        Assert.True(list.Contains("MOTDEPASSE"));
        Assert.True(list.Contains("Secret"));
        Assert.False(list.Contains("azerty"));
    }
}

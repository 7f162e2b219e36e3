using Ent77.Domain.Accounts;
using Ent77.Domain.Common;

namespace Ent77.Domain.Tests;

public sealed class SecureRandomPoolTests
{
    [Fact]
    public void NewGuid_IsAVersion4GuidOfTheRfcVariant_AndNeverRepeats()
    {
        var guids = Enumerable.Range(0, 10_000).Select(_ => SecureRandomPool.NewGuid()).ToList();

        Assert.All(guids, g => Assert.Equal(4, g.Version));
        Assert.All(guids, g => Assert.Equal(0b10, g.Variant >> 2));
        Assert.Equal(10_000, guids.Distinct().Count());
    }

    [Fact]
    public void NewGuid_Has122RandomBits_EachSeenBothWays()
    {
        var guids = Enumerable.Range(0, 2_000).Select(_ => SecureRandomPool.NewGuid().ToByteArray(bigEndian: true)).ToList();
        var fixedBits = new HashSet<int> { 48, 49, 50, 51, 64, 65 }; // version (4 bits) and variant (2 bits)

        for (var bit = 0; bit < 128; bit++)
        {
            var ones = guids.Count(g => (g[bit / 8] & (0x80 >> (bit % 8))) != 0);
            if (fixedBits.Contains(bit))
            {
                Assert.True(ones is 0 or 2_000, $"bit {bit} should be fixed");
            }
            else
            {
                Assert.InRange(ones, 800, 1_200);
            }
        }
    }

    [Fact]
    public void NewGuidVersion7_CarriesTheTimestampAsGuidCreateVersion7Does()
    {
        var at = new DateTimeOffset(2026, 9, 1, 7, 30, 15, 123, TimeSpan.Zero);

        var ours = SecureRandomPool.NewGuidVersion7(at);
        var dotnet = Guid.CreateVersion7(at);

        Assert.Equal(7, ours.Version);
        Assert.Equal(0b10, ours.Variant >> 2);
        Assert.Equal(dotnet.ToString("N")[..12], ours.ToString("N")[..12]);
        Assert.NotEqual(dotnet.ToString("N")[12..], ours.ToString("N")[12..]);
    }

    [Fact]
    public void NewGuidVersion7_SortsByTime()
    {
        var start = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

        var guids = Enumerable.Range(0, 1_000).Select(i => SecureRandomPool.NewGuidVersion7(start.AddMilliseconds(i * 7))).ToList();

        Assert.Equal(guids.Select(g => g.ToString("D")), guids.Select(g => g.ToString("D")).Order(StringComparer.Ordinal));
        Assert.Equal(1_000, guids.Distinct().Count());
    }

    [Fact]
    public void NewGuidVersion7_BeforeTheUnixEpoch_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SecureRandomPool.NewGuidVersion7(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));

    [Fact]
    public void NewAccountsAndCodes_HaveTimeOrderedIdsAndRandomVersions()
    {
        var account = TestData.PendingAccount();
        account.IssueActivationCode("hash", DateTimeOffset.UtcNow, TimeSpan.FromDays(90));

        Assert.Equal(7, account.Id.Value.Version);
        Assert.Equal(7, account.ActivationCodes[0].Id.Version);
        Assert.Equal(4, account.Version.Version);
    }
}

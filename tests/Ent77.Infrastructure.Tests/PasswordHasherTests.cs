using Ent77.Domain.Accounts;
using Ent77.Infrastructure;
using Ent77.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Tests;

public sealed class PasswordHasherTests
{
    private static Pbkdf2PasswordHasher Hasher(int iterations = 210_000) =>
        new(Options.Create(new SecurityOptions { PasswordIterations = iterations }));

    [Fact]
    public void Hash_ByDefault_UsesPbkdf2Sha512At210000Iterations()
    {
        var hash = Hasher().Hash("Violette-2012");

        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]); // format v3
        Assert.Equal(2, (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4))); // KeyDerivationPrf.HMACSHA512
        Assert.Equal(210_000, Pbkdf2PasswordHasher.IterationsOf(hash));
    }

    [Fact]
    public void Verify_RightAndWrongPassword()
    {
        var hasher = Hasher(1_000);
        var hash = hasher.Hash("Violette-2012");

        Assert.Equal(PasswordCheck.Success, hasher.Verify(hash, "Violette-2012"));
        Assert.Equal(PasswordCheck.Failed, hasher.Verify(hash, "violette-2012"));
        Assert.Equal(PasswordCheck.Failed, hasher.Verify("not-a-hash", "Violette-2012"));
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(2_000)]
    public void Verify_HashMadeWithAnotherCount_AsksForRehash(int otherCount)
    {
        var older = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = otherCount }))
            .HashPassword(new object(), "Violette-2012");

        Assert.Equal(PasswordCheck.SuccessRehashNeeded, Hasher(1_000).Verify(older, "Violette-2012"));
    }

    [Fact]
    public void DummyHash_CostsTheSameAsARealOne()
    {
        var hasher = Hasher(1_000);
        Assert.Equal(1_000, Pbkdf2PasswordHasher.IterationsOf(hasher.DummyHash));
        Assert.Equal(PasswordCheck.Failed, hasher.Verify(hasher.DummyHash, "anything"));
    }
}

using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Security;

namespace Ent77.Infrastructure.Tests;

public sealed class ActivationCodeHasherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ent77-key-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Hash_IsHmacSha256OfTheCanonicalCode_UnderTheKey()
    {
        var key = CodeKey.FromBase64(Convert.ToBase64String(new byte[32]));
        Assert.True(ActivationCodeValue.TryParse("abcd-efgh-jkmn", out var code));

        var expected = Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(new byte[32], "ABCDEFGHJKMN"u8));
        Assert.Equal(expected, new HmacActivationCodeHasher(key).Hash(code!));
    }

    [Fact]
    public void Hash_DependsOnTheKey_AndNotOnHowTheCodeWasTyped()
    {
        var one = new HmacActivationCodeHasher(CodeKey.FromBase64(Convert.ToBase64String(new byte[32])));
        var other = new HmacActivationCodeHasher(CodeKey.FromBase64(Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray())));
        Assert.True(ActivationCodeValue.TryParse("0000-1111-2222", out var printed));
        Assert.True(ActivationCodeValue.TryParse("oooo iiii 2222", out var typed));

        Assert.Equal(one.Hash(printed!), one.Hash(typed!));
        Assert.NotEqual(one.Hash(printed!), other.Hash(printed!));
    }

    [Fact]
    public void FromBase64_RefusesShortKeys() =>
        Assert.Throws<InvalidOperationException>(() => CodeKey.FromBase64(Convert.ToBase64String(new byte[16])));

    [Fact]
    public void FromFile_CreatesAnOwnerOnlyKeyOnce_ThenReusesIt()
    {
        var path = Path.Combine(_folder, "keys", "activation-code.key");

        var first = CodeKey.FromFile(path);
        var second = CodeKey.FromFile(path);

        Assert.Equal(first.Bytes, second.Bytes);
        Assert.True(first.Bytes.Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

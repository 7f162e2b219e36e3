using System.Security.Cryptography;
using System.Text;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Common;

namespace Ent77.Infrastructure.Security;

/// <summary>
/// Link tokens: 256 random bits in base64url, kept as SHA-256 (hex). SMS codes: 6 random digits, kept as
/// HMAC-SHA256 under the code key (a plain hash of six digits would be guessed offline at once).
/// </summary>
public sealed class RecoverySecrets(CodeKey key) : IRecoverySecrets
{
    public OneTimeSecret NewLinkToken()
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new OneTimeSecret(token, HashLinkToken(token));
    }

    public string HashLinkToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public OneTimeSecret NewSmsCode()
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return new OneTimeSecret(code, HashSmsCode(code));
    }

    public string HashSmsCode(string code) =>
        Convert.ToHexString(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes("sms:" + code)));
}

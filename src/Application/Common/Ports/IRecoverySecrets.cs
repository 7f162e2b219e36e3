namespace Ent77.Application.Common.Ports;

/// <summary>A secret to hand out once, and the hash that is kept.</summary>
public sealed record IssuedSecret(string Secret, string Hash);

/// <summary>
/// The secrets of recovery: 256-bit link tokens (base64url, kept as SHA-256) for e-mail links, and
/// 6-digit SMS codes (kept as a keyed hash, since six digits are easy to guess from a plain hash).
/// </summary>
public interface IRecoverySecrets
{
    IssuedSecret NewLinkToken();

    string HashLinkToken(string token);

    IssuedSecret NewSmsCode();

    string HashSmsCode(string code);
}

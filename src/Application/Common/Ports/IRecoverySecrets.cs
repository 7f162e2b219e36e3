using Ent77.Domain.Common;

namespace Ent77.Application.Common.Ports;

/// <summary>
/// The secrets of recovery: 256-bit link tokens (base64url, kept as SHA-256) for e-mail links, and
/// 6-digit SMS codes (kept as a keyed hash, since six digits are easy to guess from a plain hash).
/// </summary>
public interface IRecoverySecrets
{
    OneTimeSecret NewLinkToken();

    string HashLinkToken(string token);

    OneTimeSecret NewSmsCode();

    string HashSmsCode(string code);
}

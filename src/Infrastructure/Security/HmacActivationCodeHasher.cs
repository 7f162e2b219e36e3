using System.Security.Cryptography;
using System.Text;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;

namespace Ent77.Infrastructure.Security;

/// <summary>HMAC-SHA256 of the canonical code under a key kept outside the database (hex, upper case).</summary>
public sealed class HmacActivationCodeHasher(CodeKey key) : IActivationCodeHasher
{
    public string Hash(ActivationCodeValue code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Convert.ToHexString(HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(code.Canonical)));
    }
}

using Ent77.Domain.Accounts;

namespace Ent77.Application.Common.Ports;

/// <summary>Keyed hash (HMAC-SHA256) of an activation code; the key never sits in the database.</summary>
public interface IActivationCodeHasher
{
    string Hash(ActivationCodeValue code);
}

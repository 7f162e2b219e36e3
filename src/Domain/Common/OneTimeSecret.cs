namespace Ent77.Domain.Common;

/// <summary>
/// A secret handed out once (a reset link's token, an SMS code, an e-mail confirmation link's token) with the hash that
/// is kept. <see cref="Value"/> goes to the person in a message and nowhere else: it is never stored in clear, and
/// <see cref="ToString"/> does not show it, so that a logged event cannot leak it.
/// </summary>
public sealed class OneTimeSecret
{
    public OneTimeSecret(string value, string hash)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        ArgumentException.ThrowIfNullOrEmpty(hash);
        Value = value;
        Hash = hash;
    }

    /// <summary>The secret in clear, for the message that carries it.</summary>
    public string Value { get; }

    /// <summary>What is stored to recognise it.</summary>
    public string Hash { get; }

    public override string ToString() => "OneTimeSecret { Value = (hidden) }";
}

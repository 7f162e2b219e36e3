namespace Ent77.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is stable (clients and logs rely on it);
/// <see cref="Message"/> is the French text shown to people.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

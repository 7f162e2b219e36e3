namespace Ent77.Infrastructure.Persistence;

/// <summary>
/// The configured database cannot be used: out of reach, refusing the role, or badly configured. The message names
/// the setting to fix (<c>ConnectionStrings:Ent77</c>) and never shows its password.
/// </summary>
public sealed class DatabaseUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);

namespace Ent77.Application.Common.Exceptions;

/// <summary>The thing to create already exists (409).</summary>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

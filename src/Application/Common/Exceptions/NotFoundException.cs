namespace Ent77.Application.Common.Exceptions;

/// <summary>The thing named does not exist (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

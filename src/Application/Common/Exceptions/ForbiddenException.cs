namespace Ent77.Application.Common.Exceptions;

/// <summary>The signed-in person may not do this (403). Never says whether the target exists.</summary>
public sealed class ForbiddenException() : Exception("Votre compte n’a pas les droits nécessaires pour cette action.");

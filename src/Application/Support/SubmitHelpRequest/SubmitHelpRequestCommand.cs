using Ent77.Domain.Support;
using Mediator;

namespace Ent77.Application.Support.SubmitHelpRequest;

/// <summary>
/// The help form of the login page (anonymous). <paramref name="Website"/> is a honeypot hidden from people:
/// when a robot fills it the request looks accepted but nothing is stored or sent.
/// </summary>
public sealed record SubmitHelpRequestCommand(
    string? FirstName, string? LastName, string? Email, string? Phone, string? Uai, HelpRequestKind? Kind,
    string? StudentName, string? ClassName, string? Message, string? Website) : ICommand<string>;

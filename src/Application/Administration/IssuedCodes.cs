using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration;

/// <summary>A code handed out once, with who it is for (the import and re-issue answer).</summary>
public sealed record IssuedCodeDto(
    Guid Id,
    string Identifier,
    string FirstName,
    string LastName,
    Profile Profile,
    string? ClassName,
    string? ActivationCode,
    DateTimeOffset? ExpiresAt);

/// <summary>The codes of one issuance, for one school, to print or export.</summary>
public sealed record CodeBatch(string EstablishmentUai, string EstablishmentName, IReadOnlyList<IssuedCodeDto> Accounts);

/// <summary>
/// Writes a batch as CSV: <c>Identifiant;Code d'activation;Nom;Prénom;Classe;Profil;Expire le</c>, UTF-8 with
/// BOM, French profile names, dates <c>dd/MM/yyyy</c>, and every cell that starts with <c>= + - @</c>
/// (or a tab or carriage return) neutralised against formula injection.
/// </summary>
public interface ICodeCsvWriter
{
    Task WriteAsync(CodeBatch batch, Stream output, CancellationToken cancellationToken);
}

/// <summary>
/// Prints a batch as PDF letters, one A4 page per person: the school, the person's name and class,
/// identifier, code, expiry, the portal address, the activation steps in French, and a QR code that
/// opens the activation page with the identifier and code in the URL fragment.
/// </summary>
public interface IActivationLetterPrinter
{
    Task WriteAsync(CodeBatch batch, Stream output, CancellationToken cancellationToken);
}

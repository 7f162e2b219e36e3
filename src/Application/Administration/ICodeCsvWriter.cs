namespace Ent77.Application.Administration;

/// <summary>
/// Writes a batch as CSV: <c>Identifiant;Code d'activation;Nom;Prénom;Classe;Profil;Expire le</c>, UTF-8 with
/// BOM, French profile names, dates <c>dd/MM/yyyy</c>, and every cell that starts with <c>= + - @</c>
/// (or a tab or carriage return) neutralised against formula injection.
/// </summary>
public interface ICodeCsvWriter
{
    Task WriteAsync(CodeBatch batch, Stream output, CancellationToken cancellationToken);
}

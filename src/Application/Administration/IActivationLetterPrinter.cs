namespace Ent77.Application.Administration;

/// <summary>
/// Prints a batch as PDF letters, one A4 page per person: the school, the person's name and class,
/// identifier, code, expiry, the portal address, the activation steps in French, and a QR code that
/// opens the activation page with the identifier and code in the URL fragment.
/// </summary>
public interface IActivationLetterPrinter
{
    Task WriteAsync(CodeBatch batch, Stream output, CancellationToken cancellationToken);
}

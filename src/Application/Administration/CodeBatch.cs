namespace Ent77.Application.Administration;

/// <summary>The codes of one issuance, for one school, to print or export.</summary>
public sealed record CodeBatch(string EstablishmentUai, string EstablishmentName, IReadOnlyList<IssuedCodeDto> Accounts)
{
    /// <summary>
    /// The rows of the codes file and of the letters: every account but the leavers a synchronisation blocks (they get
    /// no code, so nothing to hand out; the JSON answer still lists them).
    /// </summary>
    public IEnumerable<IssuedCodeDto> HandedOut => Accounts.Where(a => a.Operation != ImportOperations.Left);
}

using Ent77.Application.Accounts;
using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration;

/// <summary>
/// Names a parent's children on what is handed out (import answers, letters): the children still at school, from the
/// accounts at hand or else read once for the whole batch.
/// </summary>
public sealed class FamilyDirectory(IAccountRepository accounts)
{
    /// <param name="issued">Each answer row with the account it is for (null on a dry run's new people).</param>
    /// <param name="atHand">Accounts already loaded or created by the caller (their children need no query).</param>
    public async Task<IReadOnlyList<IssuedCodeDto>> WithChildrenAsync(
        IReadOnlyList<(IssuedCodeDto Row, Account? Account)> issued, IEnumerable<Account> atHand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var parents = issued.Where(i => i.Account is { Profile: Profile.Parent, Children.Count: > 0 }).ToList();
        if (parents.Count == 0)
        {
            return [.. issued.Select(i => i.Row)];
        }

        var known = new Dictionary<AccountId, Account>();
        foreach (var account in atHand)
        {
            known.TryAdd(account.Id, account);
        }

        var missing = parents.SelectMany(p => p.Account!.Children).Select(c => c.ChildId).Where(id => !known.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var child in await accounts.FindManyForViewAsync(missing, cancellationToken))
            {
                known.TryAdd(child.Id, child);
            }
        }

        return [.. issued.Select(i => i.Account is { Profile: Profile.Parent, Children.Count: > 0 } parent
            ? i.Row with
            {
                Children = [.. parent.Children
                    .Select(c => known.GetValueOrDefault(c.ChildId))
                    .OfType<Account>()
                    .Where(c => c.BlockedReason != BlockReasons.LeftSchool)
                    .Select(FamilyMemberDto.Of)],
            }
            : i.Row)];
    }
}

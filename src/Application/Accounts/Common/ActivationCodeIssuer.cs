using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.Common;

/// <summary>Generates a code, gives the account its keyed hash, and returns the clear code once.</summary>
public sealed class ActivationCodeIssuer(IActivationCodeHasher hasher, IOptions<AccountRulesOptions> options)
{
    public IssuedActivationCode Issue(Account account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        var code = ActivationCodeValue.Generate();
        account.IssueActivationCode(hasher.Hash(code), now, options.Value.ActivationCodeValidity);
        return new IssuedActivationCode(code.Formatted, account.LiveCode(now)!.ExpiresAt);
    }
}

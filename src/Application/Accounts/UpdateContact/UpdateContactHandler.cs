using Ent77.Application.Common;
using Ent77.Application.Common.Exceptions;
using Ent77.Domain.Accounts;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.UpdateContact;

/// <summary>
/// Records the new details. What follows (a confirmation link for an address not confirmed yet, a word to the old address,
/// the audit row) is done by the handlers of <see cref="Domain.Accounts.Events.ContactDetailsChanged"/>.
/// </summary>
public sealed class UpdateContactHandler(
    IAccountRepository accounts,
    IPasswordHasher hasher,
    IOptions<AccountRulesOptions> rules,
    TimeProvider time) : ICommandHandler<UpdateContactCommand, bool>
{
    public async ValueTask<bool> Handle(UpdateContactCommand command, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(new AccountId(command.AccountId), cancellationToken)
            ?? throw new NotFoundException("Compte introuvable.");
        EmailAddress.TryCreate(command.Email, out var email);
        var mobile = string.IsNullOrWhiteSpace(command.MobilePhone) ? null : MobilePhone.Parse(command.MobilePhone).Phone;
        return account.UpdateContact(command.CurrentPassword!, hasher, rules.Value.Lockout, email!, mobile, time.GetUtcNow());
    }
}

namespace Ent77.Domain.Accounts;

/// <summary>What the person gives on the activation page, already parsed into value objects.</summary>
public sealed record ActivationDetails(
    string CodeHash,
    string Password,
    EmailAddress Email,
    MobilePhone? MobilePhone,
    string AcceptedTermsVersion);

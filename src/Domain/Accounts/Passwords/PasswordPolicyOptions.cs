namespace Ent77.Domain.Accounts.Passwords;

/// <summary>The knobs of the password rule (docs/DOMAIN.md "Password policy"); defaults are the ENT 77 rule.</summary>
public sealed record PasswordPolicyOptions
{
    public int MinLength { get; init; } = 8;

    public int MaxLength { get; init; } = 128;

    /// <summary>Names shorter than this (in letters) are not checked inside the password.</summary>
    public int MinNameLengthChecked { get; init; } = 3;
}

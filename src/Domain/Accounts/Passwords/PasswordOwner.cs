namespace Ent77.Domain.Accounts.Passwords;

/// <summary>Who the password is for: what it must not contain.</summary>
public sealed record PasswordOwner(string? Identifier, string? FirstName, string? LastName)
{
    public static PasswordOwner None { get; } = new(null, null, null);

    /// <summary>The owner as far as a typed identifier tells (its two parts stand for the names).</summary>
    public static PasswordOwner FromIdentifier(Identifier identifier)
    {
        var parts = identifier.Value.Split('.');
        return new PasswordOwner(identifier.Value, parts[0], parts[1].TrimEnd("0123456789".ToCharArray()));
    }
}

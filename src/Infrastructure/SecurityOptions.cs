namespace Ent77.Infrastructure;

/// <summary><c>Security:*</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Base64 key (at least 32 bytes) for the activation codes' HMAC. Never in the database.</summary>
    public string? CodeKey { get; set; }

    /// <summary>PBKDF2 iterations for personal passwords.</summary>
    public int PasswordIterations { get; set; } = 210_000;

    /// <summary>
    /// The least time a sign-in or activation failure takes to be answered, whatever failed (unknown identifier, wrong
    /// secret, locked account): above the slowest failure's own time, so that timing reveals nothing.
    /// </summary>
    public TimeSpan SignInFailureFloor { get; set; } = TimeSpan.FromMilliseconds(250);
}

namespace Ent77.Infrastructure.Security;

/// <summary><c>Security:PasswordHashConcurrency</c>: how many password hashes may run at once (default: the number of cores).</summary>
public sealed class PasswordHashingOptions
{
    public const string Section = "Security";

    /// <summary>At most this many hashes at once; the others wait in arrival order. 0 or less means the number of cores.</summary>
    public int PasswordHashConcurrency { get; set; }

    public int EffectiveConcurrency => PasswordHashConcurrency > 0 ? PasswordHashConcurrency : Environment.ProcessorCount;
}

namespace Ent77.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary><c>Database:*</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

/// <summary><c>Data:*</c>: where the embedded defaults keep their files.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>SQLite database, Hangfire file, development code key, mail pickup (default <c>./data</c>).</summary>
    public string Directory { get; set; } = "data";

    public string FullPath => Path.GetFullPath(Directory);
}

/// <summary><c>Security:*</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Base64 key (at least 32 bytes) for the activation codes' HMAC. Never in the database.</summary>
    public string? CodeKey { get; set; }

    /// <summary>PBKDF2 iterations for personal passwords.</summary>
    public int PasswordIterations { get; set; } = 210_000;
}

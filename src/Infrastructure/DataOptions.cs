namespace Ent77.Infrastructure;

/// <summary><c>Data:*</c>: where the embedded defaults keep their files.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>SQLite database, Hangfire file, development code key, mail pickup (default <c>./data</c>).</summary>
    public string Directory { get; set; } = "data";

    public string FullPath => Path.GetFullPath(Directory);
}

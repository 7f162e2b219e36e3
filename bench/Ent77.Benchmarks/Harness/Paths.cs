namespace Ent77.Benchmarks.Harness;

internal static class Paths
{
    /// <summary>The repository root (the folder with Ent77.sln), from the working directory or the binaries.</summary>
    public static string RepositoryRoot { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the benchmarks from inside the repository (no Ent77.sln found above).");

    public static string WebApiContentRoot => Path.Combine(RepositoryRoot, "src", "WebApi");

    public static string ResultsDirectory => Path.Combine(RepositoryRoot, "bench", "results");

    /// <summary>Where smoke runs write (ignored by git).</summary>
    public static string SmokeDirectory => Path.Combine(RepositoryRoot, "artifacts", "bench");

    public static string NewTempDirectory(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), "ent77-bench", $"{kind}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ent77.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

using System.Text.RegularExpressions;

namespace Ent77.Architecture.Tests;

/// <summary>
/// Files say what they hold: every C# file of <c>src/</c> (generated migrations aside) declares one top-level type, named
/// after the file. The only exception: a file of <c>WebApi/Endpoints</c> may also hold the records of its endpoints'
/// requests and responses, and non-public helpers of those endpoints.
/// </summary>
public sealed partial class SourceFileTests
{
    public static TheoryData<string> SourceFiles() => [.. Files()];

    private static List<string> Files() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot(), f).Replace('\\', '/'))
            .Where(f => !f.Contains("/Migrations/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void EachFile_HoldsOneTypeNamedAfterIt(string file) =>
        Assert.Empty(Problems(file, File.ReadAllText(Path.Combine(RepositoryRoot(), file))));

    [Fact]
    public void TheRule_SeesASecondTypeAndAMisnamedOne()
    {
        // Control: the scan must see what it forbids.
        const string twoTypes = "namespace X;\n\npublic sealed record Thing(int A);\n\n/// <summary>More.</summary>\ninternal sealed class Other;\n";
        Assert.Equal(["declares Other besides Thing"], Problems("src/Domain/Thing.cs", twoTypes));
        Assert.Equal(["declares no type named Thing (found: Stuff)"], Problems("src/Domain/Thing.cs", "namespace X;\n\npublic static class Stuff;\n"));
        Assert.Empty(Problems("src/WebApi/Endpoints/ThingEndpoints.cs",
            "namespace X;\n\npublic sealed record ThingRequest(int A);\n\npublic static class ThingEndpoints;\n\ninternal static class ThingFormats;\n"));
        Assert.NotEmpty(Problems("src/WebApi/Endpoints/ThingEndpoints.cs", "namespace X;\n\npublic static class ThingEndpoints;\n\npublic static class ThingFormats;\n"));
        Assert.Contains("src/Domain/Accounts/Account.cs", Files());
    }

    private static List<string> Problems(string file, string source)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var types = TopLevelType().Matches(source).Select(m => (Name: m.Groups["name"].Value, Public: m.Groups["access"].Value == "public", Record: m.Groups["kind"].Value.StartsWith("record", StringComparison.Ordinal))).ToList();
        if (types.Count == 0 && !source.Contains("namespace", StringComparison.Ordinal))
        {
            return []; // top-level statements
        }

        if (!types.Any(t => t.Name == name))
        {
            return [$"declares no type named {name} (found: {string.Join(", ", types.Select(t => t.Name))})"];
        }

        var endpoints = file.Contains("/WebApi/Endpoints/", StringComparison.Ordinal);
        return types
            .Where(t => t.Name != name && !(endpoints && (t.Record || !t.Public)))
            .Select(t => $"declares {t.Name} besides {name}")
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ent77.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Ent77.sln) was not found above the test's folder.");
    }

    [GeneratedRegex(@"^(?<access>public|internal|file)?\s*(?:(?:static|sealed|abstract|partial|readonly|ref)\s+)*(?<kind>class|record struct|record|struct|interface|enum)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}

using System.Reflection;

namespace Ent77.Domain.Accounts.Passwords;

/// <summary>
/// The most common passwords (49,233 entries, lower case), shipped inside the assembly. Source:
/// <c>@zxcvbn-ts/language-common</c> 4.1.3 <c>passwords.json</c> (MIT); see docs/THIRD-PARTY.md.
/// </summary>
public sealed class CommonPasswords
{
    private static readonly Lazy<CommonPasswords> Shipped = new(Load);

    private readonly HashSet<string> _entries;

    public CommonPasswords(IEnumerable<string> entries) =>
        _entries = new HashSet<string>(entries.Select(e => e.ToLowerInvariant()), StringComparer.Ordinal);

    public static CommonPasswords Default => Shipped.Value;

    public int Count => _entries.Count;

    public bool Contains(string password) => _entries.Contains(password.ToLowerInvariant());

    private static CommonPasswords Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ent77.Domain.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                entries.Add(line);
            }
        }

        return new CommonPasswords(entries);
    }
}

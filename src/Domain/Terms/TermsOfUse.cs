namespace Ent77.Domain.Terms;

/// <summary>One published version of the conditions générales d'utilisation (CGU). Immutable once published.</summary>
public sealed class TermsOfUse
{
    private TermsOfUse()
    {
    }

    public string Version { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string Content { get; private set; } = string.Empty;

    public DateTimeOffset PublishedAt { get; private set; }

    public static TermsOfUse Publish(string version, string title, string content, DateTimeOffset publishedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        return new TermsOfUse { Version = version, Title = title, Content = content, PublishedAt = publishedAt };
    }
}

namespace Ent77.Infrastructure;

/// <summary><c>App:*</c>.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    public string Name { get; set; } = "ENT 77";

    /// <summary>The address people use (links in e-mails and letters). Required in Production.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The public base URL without a trailing slash (a local default when unset).</summary>
    public string BaseUrl => string.IsNullOrWhiteSpace(PublicBaseUrl) ? "http://localhost:5077" : PublicBaseUrl.TrimEnd('/');
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.Extensions.FileProviders;

namespace Ent77.WebApi.Hosting;

/// <summary>
/// The one layout of every page (docs/adr/0010-one-layout-rendered-by-the-server.md). A page template in
/// <c>wwwroot</c> holds its own <c>&lt;title&gt;</c>, <c>&lt;meta name="description"&gt;</c> and scripts, then its
/// <c>&lt;main&gt;</c>; <c>_layout.html</c> gives the document around it (head, skip link, header, footer) and
/// <c>_nav.html</c> the navigation of signed-in pages; <c>{{partial.name}}</c> brings in <c>_name.html</c>. Placeholders <c>{{key}}</c> take the values of
/// <see cref="PageValues"/>, HTML-encoded; a key nobody knows, a missing template, a page without title or
/// description fail the page with the file's name (the browser tests render every page). Links to the static
/// assets are rewritten to their fingerprinted addresses. Everything but the per-request values (the terms, the
/// administration link) is composed once, on the page's first request (the command line, which shares the host,
/// never needs the templates).
/// </summary>
public sealed partial class PageLayout
{
    private const string LayoutMeta = "ent77-layout";
    private readonly IFileProvider _files;
    private readonly PageValues _values;
    private readonly IReadOnlyDictionary<string, string> _assets;
    private readonly bool _recompose;
    private readonly Dictionary<string, string> _composed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="files">The web root, where the templates are.</param>
    /// <param name="values">The values of the placeholders.</param>
    /// <param name="assets">Static asset path (e.g. <c>css/app.css</c>) → fingerprinted address.</param>
    /// <param name="recompose">Read the templates again on every request (Development: edits show at once).</param>
    public PageLayout(IFileProvider files, PageValues values, IReadOnlyDictionary<string, string> assets, bool recompose)
    {
        _files = files;
        _values = values;
        _assets = assets;
        _recompose = recompose;
    }

    /// <summary>The page as sent to <paramref name="user"/>.</summary>
    public async Task<string> RenderAsync(PageRoute route, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var composed = Composed(route);
        var dynamic = await _values.RequestValuesAsync(composed, user, cancellationToken);
        return dynamic.Count == 0 ? composed : Fill(composed, dynamic, route.Template, partial: false);
    }

    private string Composed(PageRoute route)
    {
        if (_recompose)
        {
            return Compose(route);
        }

        lock (_gate)
        {
            if (!_composed.TryGetValue(route.Path, out var page))
            {
                page = Compose(route);
                _composed[route.Path] = page;
            }

            return page;
        }
    }

    private string Compose(PageRoute route)
    {
        var template = Read(route.Template);
        var parts = PageParts().Match(template);
        if (!parts.Success)
        {
            throw new InvalidOperationException($"{route.Template}: a page template is its head elements, then one <main>…</main>.");
        }

        var head = parts.Groups["head"].Value;
        var layoutMeta = LayoutKind().Match(head);
        var kinds = layoutMeta.Success ? layoutMeta.Groups["kind"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        head = LayoutKind().Replace(head, string.Empty).Trim();
        if (!head.Contains("<title>", StringComparison.Ordinal) || !head.Contains("<meta name=\"description\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{route.Template}: every page has a <title> and a <meta name=\"description\">.");
        }

        var signedIn = kinds.Contains("compte");
        var slots = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["page.head"] = Fill(head, _values.Static, route.Template, partial: true),
            ["page.main"] = Fill(Partials(parts.Groups["main"].Value.Trim()), _values.Static, route.Template, partial: true),
            ["page.nav"] = signedIn ? Fill(MarkCurrent(Read("_nav.html"), route.Path).Trim(), _values.Static, "_nav.html", partial: true) : string.Empty,
            ["page.wrap"] = kinds.Contains("large") ? "wrap wide" : "wrap",
        };
        var layout = MarkCurrent(Read("_layout.html"), route.Path);
        var page = Fill(layout, new Dictionary<string, string>(_values.Static.Concat(slots)), "_layout.html", partial: true);
        return Fingerprint(page);
    }

    /// <summary>Replaces the placeholders; with <paramref name="partial"/>, the per-request ones are left for later.</summary>
    private static string Fill(string text, IReadOnlyDictionary<string, string> values, string source, bool partial) =>
        Placeholder().Replace(text, match =>
        {
            var key = match.Groups["key"].Value;
            if (values.TryGetValue(key, out var value))
            {
                return value;
            }

            return partial && PageValues.IsPerRequest(key)
                ? match.Value
                : throw new InvalidOperationException($"{source}: unknown placeholder {{{{{key}}}}}.");
        });

    /// <summary><c>{{partial.name}}</c> → the template <c>_name.html</c> (a piece shared by a few pages).</summary>
    private string Partials(string text) =>
        PartialPlaceholder().Replace(text, match => Read($"_{match.Groups["name"].Value}.html").Trim());

    /// <summary><c>aria-current="page"</c> on the header's and footer's link to this page.</summary>
    private static string MarkCurrent(string layout, string path) =>
        layout.Replace($"<a href=\"{path}\">", $"<a href=\"{path}\" aria-current=\"page\">", StringComparison.Ordinal);

    private string Fingerprint(string page) =>
        AssetLink().Replace(page, match =>
            _assets.TryGetValue(match.Groups["path"].Value, out var route) ? $"{match.Groups["attr"].Value}=\"/{route}\"" : match.Value);

    private string Read(string name)
    {
        var file = _files.GetFileInfo(name);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The page template {name} is missing from wwwroot.");
        }

        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }

    /// <summary>Text for HTML (attribute or element content): markup characters encoded, letters and accents kept.</summary>
    public static string Encode(string text) => Encoder.Encode(text);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    [GeneratedRegex(@"\{\{\s*(?<key>[A-Za-z0-9.]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{\s*partial\.(?<name>[a-z-]+)\s*\}\}")]
    private static partial Regex PartialPlaceholder();

    [GeneratedRegex(@"^(?<head>.*?)(?<main><main\b.*</main>)\s*$", RegexOptions.Singleline)]
    private static partial Regex PageParts();

    [GeneratedRegex("<meta name=\"" + LayoutMeta + "\" content=\"(?<kind>[^\"]*)\">\\s*")]
    private static partial Regex LayoutKind();

    [GeneratedRegex("\\b(?<attr>src|href)=\"/(?<path>[^\"?#]+)\"")]
    private static partial Regex AssetLink();
}

using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Ent77.TestSupport.Hosting;

/// <summary>
/// One browser's cookies behind the load balancer: kept from any instance's answers, sent to whichever instance the
/// next request reaches. Kept by hand because the session cookie is <c>Secure</c> and the instances speak plain HTTP
/// on loopback (in production TLS ends at the proxy), so a <see cref="System.Net.CookieContainer"/> would never send it.
/// </summary>
public sealed class SessionJar
{
    private readonly ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    /// <summary>Another jar holding the same cookies now (a cookie copied to another computer); the two then live apart.</summary>
    public SessionJar Copy()
    {
        var copy = new SessionJar();
        foreach (var (name, value) in _cookies)
        {
            copy._cookies[name] = value;
        }

        return copy;
    }

    public DelegatingHandler Handler(HttpMessageHandler inner) => new JarHandler(this) { InnerHandler = inner };

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var (name, content) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
            var expired = value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (content.Length == 0 || expired)
            {
                _cookies.TryRemove(name, out _);
            }
            else
            {
                _cookies[name] = content;
            }
        }
    }

    private sealed class JarHandler(SessionJar jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!jar._cookies.IsEmpty)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar._cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            jar.Keep(response);
            return response;
        }
    }
}

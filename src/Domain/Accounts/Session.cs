using System.Text;
using Ent77.Domain.Common;

namespace Ent77.Domain.Accounts;

/// <summary>
/// One signed-in session of an account, kept on the server so that it can be ended there: signing out deletes it,
/// and so do a password change (the other sessions), a reset and a block (all of them). The cookie only carries its
/// id. Its own small aggregate: an account may have many, and a session check reads one row.
/// </summary>
public sealed class Session : AggregateRoot<SessionId>
{
    public const int MaxDeviceLength = 60;

    private Session()
    {
    }

    public AccountId AccountId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>When the session ends unless used again (browser session) or for good (remembered session).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public bool RememberMe { get; private set; }

    /// <summary>A short label of the browser and system (« Firefox sur Windows »), never the full User-Agent.</summary>
    public string Device { get; private set; } = string.Empty;

    /// <summary>
    /// Opens a session for <paramref name="account"/>. « Se souvenir de moi » is refused to any account that holds an
    /// administration role, whatever was asked: its sessions are always browser sessions.
    /// </summary>
    public static Session Start(Account account, bool rememberMe, string? userAgent, SessionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(policy);
        var remembered = rememberMe && !account.HoldsAdministrationRole;
        return new Session
        {
            Id = SessionId.New(),
            AccountId = account.Id,
            CreatedAt = now,
            LastSeenAt = now,
            RememberMe = remembered,
            ExpiresAt = remembered ? now + policy.RememberMeLifetime : Min(now + policy.IdleTimeout, now + policy.AbsoluteTimeout),
            Device = DeviceLabel(userAgent),
        };
    }

    public bool IsLive(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>
    /// A request used the session: true when that is worth writing down (the last one written is at least
    /// <see cref="SessionPolicy.ActivityResolution"/> old); a browser session's end moves with it, never past its
    /// absolute limit.
    /// </summary>
    public bool RecordActivity(SessionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!IsLive(now) || now - LastSeenAt < policy.ActivityResolution)
        {
            return false;
        }

        LastSeenAt = now;
        if (!RememberMe)
        {
            ExpiresAt = Min(now + policy.IdleTimeout, CreatedAt + policy.AbsoluteTimeout);
        }

        Touch();
        return true;
    }

    /// <summary>
    /// « Chrome sur Android », « Firefox sur Windows », « Safari sur iPhone »…: the browser and the system read from
    /// a User-Agent, in at most <see cref="MaxDeviceLength"/> characters; « Appareil inconnu » when neither is recognised.
    /// Nothing else of the header is kept (it is long, partly free text and identifying).
    /// </summary>
    public static string DeviceLabel(string? userAgent)
    {
        var ua = userAgent ?? string.Empty;
        string? browser = Contains(ua, "Edg/") || Contains(ua, "EdgA/") || Contains(ua, "EdgiOS/") ? "Edge"
            : Contains(ua, "OPR/") || Contains(ua, "Opera") ? "Opera"
            : Contains(ua, "SamsungBrowser/") ? "Samsung Internet"
            : Contains(ua, "Firefox/") || Contains(ua, "FxiOS/") ? "Firefox"
            : Contains(ua, "Chrome/") || Contains(ua, "CriOS/") || Contains(ua, "Chromium/") ? "Chrome"
            : Contains(ua, "Safari/") && Contains(ua, "Version/") ? "Safari"
            : null;
        string? system = Contains(ua, "Android") ? "Android"
            : Contains(ua, "iPhone") ? "iPhone"
            : Contains(ua, "iPad") ? "iPad"
            : Contains(ua, "CrOS") ? "ChromeOS"
            : Contains(ua, "Windows") ? "Windows"
            : Contains(ua, "Mac OS X") || Contains(ua, "Macintosh") ? "macOS"
            : Contains(ua, "Linux") ? "Linux"
            : null;
        var label = (browser, system) switch
        {
            (null, null) => "Appareil inconnu",
            ({ } b, null) => b,
            (null, { } s) => $"Navigateur sur {s}",
            ({ } b, { } s) => $"{b} sur {s}",
        };
        return Truncate(label);
    }

    private static bool Contains(string value, string part) => value.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string label)
    {
        var builder = new StringBuilder(label.Length);
        foreach (var c in label.Where(c => !char.IsControl(c)))
        {
            builder.Append(c);
        }

        return builder.Length <= MaxDeviceLength ? builder.ToString() : builder.ToString(0, MaxDeviceLength);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

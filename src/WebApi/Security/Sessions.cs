using System.Globalization;
using System.Security.Claims;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Accounts.CheckSession;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Ent77.WebApi.Security;

/// <summary>
/// Sessions (docs/SECURITY.md "Sessions"): cookie <c>__Host-ent77</c> (Secure, HttpOnly, SameSite=Lax, Path=/) naming a
/// session row on the server. Without « Se souvenir de moi »: a browser-session cookie, 30 minutes idle, 12 hours
/// absolute. With it (never for an administrator: the server decides): persistent, 30 days absolute. On every request
/// the row must exist and be live, and the account active with the security stamp the cookie carries
/// (<see cref="CheckSessionQuery"/>): a session ended anywhere is refused everywhere at its next request.
/// </summary>
public static class Sessions
{
    public const string CookieName = "__Host-ent77";
    public const string PlatformAdminPolicy = "PlatformAdmin";
    public const string StampClaim = "ent77:stamp";
    public const string SessionClaim = "ent77:session";
    public const string RoleScopeClaim = "ent77:role";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
    public static readonly TimeSpan RememberMeLifetime = TimeSpan.FromDays(30);
    private const string CreatedItem = "ent77.created";

    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized,
                "Authentification requise.", "Connectez-vous pour accéder à cette page.");
            options.Events.OnRedirectToAccessDenied = context => WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden,
                "Accès refusé.", "Votre compte n’a pas les droits nécessaires pour cette action.");
            options.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((options, time) => options.TimeProvider = time);
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformAdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(nameof(Domain.Accounts.Role.PlatformAdmin)));
        return services;
    }

    /// <summary>Issues the session cookie for a signed-in account; persistent only when the server kept « Se souvenir de moi ».</summary>
    public static Task SignInAsync(HttpContext context, SessionTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ticket);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var rememberMe = ticket.RememberMe;
        var properties = new AuthenticationProperties
        {
            IsPersistent = rememberMe,
            AllowRefresh = !rememberMe,
            ExpiresUtc = rememberMe ? now + RememberMeLifetime : null,
        };
        properties.Items[CreatedItem] = now.ToString("O", CultureInfo.InvariantCulture);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(ticket), properties);
    }

    /// <summary>Re-issues this session's cookie with a new ticket (after a password change), keeping its kind and its age.</summary>
    public static async Task RenewAsync(HttpContext context, SessionTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = current.Properties ?? new AuthenticationProperties();
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(ticket), properties);
    }

    private static ClaimsPrincipal Principal(SessionTicket ticket)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, ticket.AccountId.ToString()),
            new(SessionClaim, ticket.SessionId.ToString()),
            new(StampClaim, ticket.SecurityStamp),
        };
        claims.AddRange(ticket.Roles.Select(r => r.Role).Distinct().Select(role => new Claim(ClaimTypes.Role, role)));
        claims.AddRange(ticket.Roles.Where(r => r.Uai is not null).Select(r => new Claim(RoleScopeClaim, $"{r.Role}:{r.Uai}")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The server-side session the cookie names.</summary>
    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>The signed-in account as the actor of an administrative message (the endpoint requires a session).</summary>
    public static Application.Administration.Access.Actor Actor(this ClaimsPrincipal user) =>
        Application.Administration.Access.Actor.Account(user.AccountId() ?? throw new InvalidOperationException("An administration endpoint runs without a session."));

    /// <summary>
    /// Ends sessions past their absolute limit, and any whose row is gone or expired, whose account changed its stamp,
    /// was blocked or removed.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var created = context.Properties.Items.TryGetValue(CreatedItem, out var raw)
            && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : DateTimeOffset.MinValue;
        var limit = context.Properties.IsPersistent ? RememberMeLifetime : AbsoluteTimeout;
        var accountId = context.Principal?.AccountId();
        var sessionId = context.Principal?.SessionId();
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var valid = now - created < limit && accountId is not null && sessionId is not null && stamp is not null
            && await context.HttpContext.RequestServices.GetRequiredService<ISender>()
                .Send(new CheckSessionQuery(sessionId.Value, accountId.Value, stamp), context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task WriteProblem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}

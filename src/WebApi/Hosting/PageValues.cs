using System.Globalization;
using System.Security.Claims;
using Ent77.Application.Common;
using Ent77.Application.Terms.GetCurrentTerms;
using Ent77.Infrastructure.Support;
using Ent77.WebApi.Security;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.WebApi.Hosting;

/// <summary>
/// The values the page templates show (<c>{{key}}</c>), each taken from where the code keeps it, so that a page
/// never states a number of its own: the lockout and the code validity from <c>Security:Lockout</c> and
/// <c>ActivationCodes:Validity</c>, the session lifetimes from <see cref="Sessions"/>, the help requests'
/// retention from <c>Support:Retention</c>, the operator from <c>Operator:*</c>. Per-request values: the
/// terms in force (<c>terms.*</c>) and whether the signed-in person sees the administration link.
/// </summary>
public sealed class PageValues
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly IServiceScopeFactory _scopes;

    public PageValues(
        IConfiguration configuration,
        IOptions<OperatorOptions> operatorOptions,
        IOptions<AccountRulesOptions> accountRules,
        IOptions<SupportOptions> support,
        IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(operatorOptions);
        ArgumentNullException.ThrowIfNull(accountRules);
        ArgumentNullException.ThrowIfNull(support);
        _scopes = scopes;
        var op = operatorOptions.Value;
        op.Validate();
        var rules = accountRules.Value;
        var smsEnabled = configuration.GetValue("Sms:Enabled", false);
        var text = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app.name"] = configuration["App:Name"] is { Length: > 0 } name ? name : "ENT 77",
            ["operator.name"] = op.Name,
            ["operator.address"] = op.Address,
            ["operator.contactEmail"] = op.ContactEmail,
            ["operator.publicationDirector"] = op.PublicationDirector,
            ["operator.dpoEmail"] = op.DpoEmail,
            ["operator.hostName"] = op.HostName,
            ["operator.hostAddress"] = op.HostAddress,
            ["operator.accessibilityStatus"] = op.AccessibilityStatus,
            ["operator.accessibilityStatementDate"] = op.AccessibilityStatementDate.ToString("d MMMM yyyy", French),
            ["lockout.maxFailures"] = rules.LockoutMaxFailures.ToString(French),
            ["lockout.duration"] = Duration(rules.LockoutDuration),
            ["activationCodes.validity"] = Duration(rules.ActivationCodeValidity),
            ["sessions.idle"] = Duration(Sessions.IdleTimeout),
            ["sessions.absolute"] = Duration(Sessions.AbsoluteTimeout),
            ["sessions.rememberMe"] = Duration(Sessions.RememberMeLifetime),
            ["support.retention"] = Duration(support.Value.Retention),
            ["mobile.purpose"] = smsEnabled
                ? "Il sert à recevoir par SMS un code pour changer votre mot de passe si vous le perdez."
                : "Il servira à recevoir par SMS un code pour changer votre mot de passe perdu, quand ce service ouvrira.",
        };
        Static = text.ToDictionary(pair => pair.Key, pair => PageLayout.Encode(pair.Value), StringComparer.Ordinal);
    }

    /// <summary>The values known at start-up, already HTML-encoded.</summary>
    public IReadOnlyDictionary<string, string> Static { get; }

    /// <summary>Keys whose value depends on the request (left in the composed page, filled when it is sent).</summary>
    public static bool IsPerRequest(string key) => key.StartsWith("terms.", StringComparison.Ordinal) || key == "nav.adminHidden";

    /// <summary>The per-request values the composed page asks for.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RequestValuesAsync(string page, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (page.Contains("{{nav.adminHidden}}", StringComparison.Ordinal))
        {
            var administrator = user.IsInRole(nameof(Domain.Accounts.Role.EstablishmentAdmin)) || user.IsInRole(nameof(Domain.Accounts.Role.PlatformAdmin));
            values["nav.adminHidden"] = administrator ? string.Empty : " hidden";
        }

        if (page.Contains("{{terms.", StringComparison.Ordinal))
        {
            await using var scope = _scopes.CreateAsyncScope();
            var terms = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetCurrentTermsQuery(), cancellationToken);
            var published = Domain.Common.SchoolCalendar.InParis(terms.PublishedAt);
            values["terms.title"] = PageLayout.Encode(terms.Title);
            values["terms.version"] = PageLayout.Encode(terms.Version);
            values["terms.published"] = PageLayout.Encode(published.ToString("d MMMM yyyy", French));
            values["terms.h2"] = TermsHtml.Render(terms.Content, topLevel: 2);
            values["terms.h3"] = TermsHtml.Render(terms.Content, topLevel: 3);
        }

        return values;
    }

    /// <summary>A duration as a French text: « 15 minutes », « 12 heures », « 30 jours », « 1 jour ».</summary>
    public static string Duration(TimeSpan duration)
    {
        static string Plural(int n, string unit) => string.Create(French, $"{n} {unit}{(n > 1 ? "s" : string.Empty)}");
        if (duration.TotalDays >= 1 && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return Plural((int)duration.TotalDays, "jour");
        }

        if (duration.TotalHours >= 1 && duration.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return Plural((int)duration.TotalHours, "heure");
        }

        return Plural((int)Math.Ceiling(duration.TotalMinutes), "minute");
    }
}

using System.Globalization;

namespace Ent77.WebApi.Hosting;

/// <summary>
/// <c>Operator:*</c>: who runs the service, as the legal pages say it (« Mentions légales », « Données
/// personnelles », « Accessibilité »). The defaults are those of the Seine-et-Marne ENT; another operator sets
/// its own. See README (configuration) and docs/PAGES.md.
/// </summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>The three statuses RGAA allows in an accessibility statement (and in the footer's link).</summary>
    public static readonly IReadOnlyList<string> AccessibilityStatuses = ["non conforme", "partiellement conforme", "totalement conforme"];

    /// <summary>The body that publishes the service and is responsible for the processing of personal data.</summary>
    public string Name { get; set; } = "Département de Seine-et-Marne";

    public string Address { get; set; } = "Hôtel du Département, 12 rue des Saints-Pères, 77010 Melun Cedex";

    /// <summary>Where people write about the service, its accessibility and their data.</summary>
    public string ContactEmail { get; set; } = "contact-ent@ent77.fr";

    public string PublicationDirector { get; set; } = "Le président du Conseil départemental de Seine-et-Marne";

    /// <summary>The data protection officer (délégué à la protection des données).</summary>
    public string DpoEmail { get; set; } = "dpo@ent77.fr";

    public string HostName { get; set; } = "Département de Seine-et-Marne, direction des systèmes d’information";

    public string HostAddress { get; set; } = "Hôtel du Département, 12 rue des Saints-Pères, 77010 Melun Cedex";

    /// <summary>« non conforme » until a full RGAA audit says otherwise (RGAA: without an audit, the site is not conformant).</summary>
    public string AccessibilityStatus { get; set; } = "non conforme";

    /// <summary>The date of the accessibility statement (ISO, e.g. 2026-09-01).</summary>
    public DateOnly AccessibilityStatementDate { get; set; } = new(2026, 9, 1);

    /// <summary>Refuses a status RGAA does not know, naming the key.</summary>
    public void Validate()
    {
        if (!AccessibilityStatuses.Contains(AccessibilityStatus, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Operator:AccessibilityStatus doit valoir « {string.Join(" », « ", AccessibilityStatuses)} » (reçu : « {AccessibilityStatus} »)."));
        }

        foreach (var (key, value) in new[] { ("Name", Name), ("Address", Address), ("ContactEmail", ContactEmail), ("DpoEmail", DpoEmail), ("HostName", HostName) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException($"Operator:{key} ne peut pas être vide : les pages légales l’affichent.");
            }
        }
    }
}

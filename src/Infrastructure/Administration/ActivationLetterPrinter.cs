using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Ent77.Infrastructure.Administration;

/// <summary>
/// The activation letters as one PDF: an A4 page in French per account that has a code (accounts without one
/// are skipped), with the school, the person, the identifier, the code and its expiry, the portal address, the
/// activation steps, a privacy warning and a QR code that opens the activation page with the identifier and
/// the code in the URL fragment (<see cref="ActivationLink"/>). A batch with nothing to print gives a single
/// page that says so. Fonts are the embedded DejaVu Sans (<see cref="EmbeddedFontResolver"/>).
/// </summary>
public sealed class ActivationLetterPrinter(IOptions<AppOptions> options) : IActivationLetterPrinter
{
    /// <summary>A family of more children than this is rare; the letter keeps its layout.</summary>
    private const int MaxChildrenShown = 4;

    private const double Margin = 56; // 2 cm
    private const double QrSize = 128;

    private static readonly XColor Ink = XColor.FromArgb(0x1F, 0x29, 0x37);
    private static readonly XColor Muted = XColor.FromArgb(0x5B, 0x63, 0x70);
    private static readonly XColor Accent = XColor.FromArgb(0x1D, 0x4E, 0x89);
    private static readonly XColor Warning = XColor.FromArgb(0xB4, 0x23, 0x18);
    private static readonly byte[] Black = [0, 0, 0];
    private static readonly byte[] White = [255, 255, 255];

    /// <summary>
    /// The address the QR code opens: <c>{baseUrl}/activation#identifier=…&amp;code=…</c>. The values travel in the
    /// fragment, which browsers never send to a server (so never in access logs), and are escaped.
    /// </summary>
    public static string ActivationLink(string baseUrl, string identifier, string code)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(code);
        return $"{baseUrl.TrimEnd('/')}/activation#identifier={Uri.EscapeDataString(identifier)}&code={Uri.EscapeDataString(code)}";
    }

    public async Task WriteAsync(CodeBatch batch, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(output);
        EmbeddedFontResolver.Install();

        var app = options.Value;
        using var document = new PdfDocument();
        document.Info.Title = $"Codes d’activation {app.Name} — {batch.EstablishmentName}";
        document.Info.Author = app.Name;
        document.Info.Creator = app.Name;

        var fonts = new Fonts();
        var printed = 0;
        foreach (var account in batch.HandedOut)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrEmpty(account.ActivationCode))
            {
                continue;
            }

            DrawLetter(document, fonts, app, batch, account, account.ActivationCode);
            printed++;
        }

        if (printed == 0)
        {
            DrawNothingToPrint(document, fonts, app, batch);
        }

        // PDFsharp writes synchronously: render in memory, then copy asynchronously (a response body refuses sync I/O).
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static void DrawLetter(PdfDocument document, Fonts fonts, AppOptions app, CodeBatch batch, IssuedCodeDto account, string rawCode)
    {
        var code = ActivationCodeValue.TryParse(rawCode, out var parsed) ? parsed.Formatted : rawCode;
        var portal = app.BaseUrl;
        var page = NewPage(document);
        using var gfx = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - 2 * Margin;
        var y = DrawHeader(gfx, fonts, app, batch, width);

        y += 26;
        gfx.DrawString($"Activation de votre compte {app.Name}", fonts.Title, new XSolidBrush(Accent), Margin, y, XStringFormats.TopLeft);
        y += 34;
        var name = $"{account.FirstName} {account.LastName}";
        gfx.DrawString(name, Fit(gfx, name, fonts.Name, width), new XSolidBrush(Ink), Margin, y, XStringFormats.TopLeft);
        y += 22;
        if (!string.IsNullOrWhiteSpace(account.ClassName))
        {
            var className = $"Classe : {account.ClassName}";
            gfx.DrawString(className, Fit(gfx, className, fonts.Body, width), new XSolidBrush(Ink), Margin, y, XStringFormats.TopLeft);
            y += 16;
        }

        gfx.DrawString($"Profil : {FrenchLabels.Profile(account.Profile)}", fonts.Body, new XSolidBrush(Ink), Margin, y, XStringFormats.TopLeft);
        y += 16;
        foreach (var child in account.Children.Take(MaxChildrenShown))
        {
            // A parent's letter says whose parent it is for (docs/IMPORTS.md "Families").
            var line = $"Responsable légal de {child.FirstName} {child.LastName}" + (string.IsNullOrWhiteSpace(child.ClassName) ? string.Empty : $", classe {child.ClassName}");
            gfx.DrawString(line, Fit(gfx, line, fonts.Body, width), new XSolidBrush(Ink), Margin, y, XStringFormats.TopLeft);
            y += 16;
        }

        y += 12;

        // The credentials box: identifier, code and expiry on the left, the QR code on the right.
        const double padding = 16;
        var boxHeight = QrSize + 2 * padding;
        gfx.DrawRoundedRectangle(new XPen(Accent, 1.2), new XSolidBrush(XColor.FromArgb(0xF1, 0xF5, 0xFA)), Margin, y, width, boxHeight, 12, 12);
        var left = Margin + padding;
        var top = y + padding;
        var columnWidth = width - 3 * padding - QrSize; // identifiers can be 60 characters long: shrink rather than overlap the QR code
        gfx.DrawString("Identifiant", fonts.Label, new XSolidBrush(Muted), left, top, XStringFormats.TopLeft);
        gfx.DrawString(account.Identifier, Fit(gfx, account.Identifier, fonts.Identifier, columnWidth), new XSolidBrush(Ink), left, top + 13, XStringFormats.TopLeft);
        gfx.DrawString("Code d’activation", fonts.Label, new XSolidBrush(Muted), left, top + 44, XStringFormats.TopLeft);
        gfx.DrawString(code, Fit(gfx, code, fonts.Code, columnWidth), new XSolidBrush(Ink), left, top + 57, XStringFormats.TopLeft);
        if (account.ExpiresAt is { } expiresAt)
        {
            gfx.DrawString($"Code valable jusqu’au {FrenchLabels.Date(expiresAt)}", fonts.Body, new XSolidBrush(Warning), left, top + 102, XStringFormats.TopLeft);
        }

        DrawQrCode(gfx, ActivationLink(portal, account.Identifier, code), Margin + width - padding - QrSize, top);
        y += boxHeight + 20;

        gfx.DrawString("Adresse du portail : ", fonts.Body, new XSolidBrush(Ink), Margin, y, XStringFormats.TopLeft);
        var labelWidth = gfx.MeasureString("Adresse du portail : ", fonts.Body).Width;
        gfx.DrawString(portal, fonts.BodyBold, new XSolidBrush(Accent), Margin + labelWidth, y, XStringFormats.TopLeft);
        y += 30;

        gfx.DrawString("Pour activer votre compte", fonts.Heading, new XSolidBrush(Ink), Margin, y, XStringFormats.TopLeft);
        y += 24;
        string[] steps =
        [
            $"Ouvrez {portal} dans votre navigateur, ou scannez le QR code ci-dessus avec votre téléphone.",
            "Saisissez votre identifiant et, dans le champ mot de passe, le code d’activation (majuscules et tirets facultatifs).",
            "Choisissez votre mot de passe personnel (8 caractères au moins, avec au moins une lettre et un chiffre), indiquez votre e-mail personnel, acceptez les conditions d’utilisation, puis validez.",
            "Le code ne sert qu’une fois : ensuite, connectez-vous avec votre identifiant et votre mot de passe. Si le code a expiré ou si ce courrier est perdu, demandez un nouveau code à votre établissement.",
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            gfx.DrawString($"{i + 1}.", fonts.BodyBold, new XSolidBrush(Accent), Margin, y, XStringFormats.TopLeft);
            y = DrawWrapped(gfx, steps[i], fonts.Body, Ink, Margin + 18, y, width - 18, 15) + 8;
        }

        y += 10;
        var warning = $"Ce courrier est strictement personnel. Conservez-le en lieu sûr et ne communiquez votre code à personne : ni votre établissement ni {app.Name} ne vous le demanderont.";
        var warningLines = Wrap(gfx, warning, fonts.BodyBold, width - 2 * 12);
        var warningHeight = warningLines.Count * 15 + 2 * 10;
        gfx.DrawRectangle(new XPen(Warning, 1.2), new XSolidBrush(XColor.FromArgb(0xFD, 0xF2, 0xF1)), Margin, y, width, warningHeight);
        DrawLines(gfx, warningLines, fonts.BodyBold, Warning, Margin + 12, y + 10, 15);

        DrawFooter(gfx, fonts, app, batch, page);
    }

    private static void DrawNothingToPrint(PdfDocument document, Fonts fonts, AppOptions app, CodeBatch batch)
    {
        var page = NewPage(document);
        using var gfx = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - 2 * Margin;
        var y = DrawHeader(gfx, fonts, app, batch, width) + 26;
        gfx.DrawString("Aucun courrier à imprimer", fonts.Title, new XSolidBrush(Accent), Margin, y, XStringFormats.TopLeft);
        DrawWrapped(gfx, "Ce lot ne contient aucun compte avec un code d’activation : il n’y a aucun courrier à imprimer.", fonts.Body, Ink, Margin, y + 34, width, 15);
        DrawFooter(gfx, fonts, app, batch, page);
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        return page;
    }

    /// <summary>The app name and the school with its UAI, then a rule; returns the y below it.</summary>
    private static double DrawHeader(XGraphics gfx, Fonts fonts, AppOptions app, CodeBatch batch, double width)
    {
        var y = Margin;
        gfx.DrawString(app.Name, fonts.Brand, new XSolidBrush(Accent), Margin, y, XStringFormats.TopLeft);
        gfx.DrawString($"UAI {batch.EstablishmentUai}", fonts.Label, new XSolidBrush(Muted), Margin + width, y + 4, XStringFormats.TopRight);
        y += 24;
        y = DrawWrapped(gfx, batch.EstablishmentName, fonts.Heading, Ink, Margin, y, width, 17);
        y += 6;
        gfx.DrawLine(new XPen(Accent, 0.8), Margin, y, Margin + width, y);
        return y;
    }

    private static void DrawFooter(XGraphics gfx, Fonts fonts, AppOptions app, CodeBatch batch, PdfPage page)
    {
        var y = page.Height.Point - Margin + 16;
        gfx.DrawString($"{app.Name} — {batch.EstablishmentName} ({batch.EstablishmentUai})", fonts.Small, new XSolidBrush(Muted), page.Width.Point / 2, y, XStringFormats.TopCenter);
    }

    private static void DrawQrCode(XGraphics gfx, string link, double x, double y)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        using var qr = new PngByteQRCode(data);

        // Explicit RGB colours give a 1-bit palette PNG, which PDFsharp's PNG reader takes (not the 1-bit greyscale default).
        var png = qr.GetGraphic(8, Black, White, drawQuietZones: true);
        using var stream = new MemoryStream(png, writable: false);
        using var image = XImage.FromStream(stream);
        image.Interpolate = false; // keep the modules sharp when scaled
        gfx.DrawImage(image, x, y, QrSize, QrSize);
    }

    /// <summary>The font, or a smaller one of the same style (down to 7 pt), so that the text fits on one line.</summary>
    private static XFont Fit(XGraphics gfx, string text, XFont font, double width)
    {
        var measured = gfx.MeasureString(text, font).Width;
        if (measured <= width)
        {
            return font;
        }

        var size = Math.Max(7, Math.Floor(font.Size * width / measured * 10) / 10);
        return new XFont(font.FontFamily.Name, size, font.Style);
    }

    private static double DrawWrapped(XGraphics gfx, string text, XFont font, XColor color, double x, double y, double width, double lineHeight) =>
        DrawLines(gfx, Wrap(gfx, text, font, width), font, color, x, y, lineHeight);

    private static double DrawLines(XGraphics gfx, IReadOnlyList<string> lines, XFont font, XColor color, double x, double y, double lineHeight)
    {
        var brush = new XSolidBrush(color);
        foreach (var line in lines)
        {
            gfx.DrawString(line, font, brush, x, y, XStringFormats.TopLeft);
            y += lineHeight;
        }

        return y;
    }

    /// <summary>Greedy word wrap; a word longer than the line is left whole on its own line.</summary>
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    private sealed class Fonts
    {
        public XFont Brand { get; } = new(EmbeddedFontResolver.FamilyName, 18, XFontStyleEx.Bold);
        public XFont Title { get; } = new(EmbeddedFontResolver.FamilyName, 18, XFontStyleEx.Bold);
        public XFont Heading { get; } = new(EmbeddedFontResolver.FamilyName, 13, XFontStyleEx.Bold);
        public XFont Name { get; } = new(EmbeddedFontResolver.FamilyName, 15, XFontStyleEx.Bold);
        public XFont Body { get; } = new(EmbeddedFontResolver.FamilyName, 10.5, XFontStyleEx.Regular);
        public XFont BodyBold { get; } = new(EmbeddedFontResolver.FamilyName, 10.5, XFontStyleEx.Bold);
        public XFont Label { get; } = new(EmbeddedFontResolver.FamilyName, 9, XFontStyleEx.Regular);
        public XFont Identifier { get; } = new(EmbeddedFontResolver.FamilyName, 16, XFontStyleEx.Bold);
        public XFont Code { get; } = new(EmbeddedFontResolver.FamilyName, 26, XFontStyleEx.Bold);
        public XFont Small { get; } = new(EmbeddedFontResolver.FamilyName, 8, XFontStyleEx.Regular);
    }
}

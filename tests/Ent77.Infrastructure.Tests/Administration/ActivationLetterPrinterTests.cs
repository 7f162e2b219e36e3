using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Administration;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace Ent77.Infrastructure.Tests.Administration;

public sealed class ActivationLetterPrinterTests
{
    private const string School = "Collège Les Étangs";
    private static readonly DateTimeOffset Expiry = new(2025, 3, 30, 22, 30, 0, TimeSpan.Zero); // 31/03/2025 in Paris

    private static ActivationLetterPrinter Printer() =>
        new(Options.Create(new AppOptions { Name = "ENT 77", PublicBaseUrl = "https://ent77.example.fr/" }));

    private static IssuedCodeDto Account(string identifier, string first = "Jean", string last = "Dupont", string? code = "ABCD-EFGH-JKMN", string? className = "3e B", Profile profile = Profile.Student) =>
        new(Guid.NewGuid(), identifier, first, last, profile, className, code, Expiry);

    private static async Task<byte[]> PrintAsync(params IssuedCodeDto[] accounts)
    {
        using var output = new MemoryStream();
        await Printer().WriteAsync(new CodeBatch("0771234Y", School, accounts), output, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    [Fact]
    public async Task Pdf_HasOneA4PagePerAccountWithACode_WithEverythingNeededToActivate()
    {
        var bytes = await PrintAsync(
            Account("jean.dupont"),
            Account("marc.martin", "Marc", "Martin", code: null),
            Account("helene.noelle", "Hélène", "Nœlle", code: "0123-4567-89AB", className: null, profile: Profile.Parent));

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(2, pdf.NumberOfPages);

        var first = pdf.GetPage(1);
        Assert.Equal(595, first.Width, 0);
        Assert.Equal(842, first.Height, 0);
        var text = first.Text;
        Assert.Contains("jean.dupont", text, StringComparison.Ordinal);
        Assert.Contains("ABCD-EFGH-JKMN", text, StringComparison.Ordinal);
        Assert.Contains(School, text, StringComparison.Ordinal);
        Assert.Contains("0771234Y", text, StringComparison.Ordinal);
        Assert.Contains("Jean Dupont", text, StringComparison.Ordinal);
        Assert.Contains("Classe : 3e B", text, StringComparison.Ordinal);
        Assert.Contains("Profil : Élève", text, StringComparison.Ordinal);
        Assert.Contains("Code valable jusqu’au 31/03/2025", text, StringComparison.Ordinal);
        Assert.Contains("https://ent77.example.fr", text, StringComparison.Ordinal);
        Assert.Contains("8 caractères au moins", text, StringComparison.Ordinal);
        Assert.Contains("acceptez les conditions", text, StringComparison.Ordinal);
        Assert.Contains("strictement personnel", text, StringComparison.Ordinal);
        Assert.DoesNotContain("marc.martin", text, StringComparison.Ordinal);
        Assert.Single(first.GetImages()); // the QR code

        var second = pdf.GetPage(2).Text;
        Assert.Contains("helene.noelle", second, StringComparison.Ordinal);
        Assert.Contains("Hélène Nœlle", second, StringComparison.Ordinal);
        Assert.Contains("0123-4567-89AB", second, StringComparison.Ordinal);
        Assert.Contains("Profil : Responsable légal", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Classe :", second, StringComparison.Ordinal);
        Assert.Contains("Code valable jusqu’au", second, StringComparison.Ordinal);
        Assert.Contains(School, second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQrCode_OfEachLetter_OpensTheActivationPage_WithItsIdentifierAndCodeInTheFragment()
    {
        var bytes = await PrintAsync(Account("jean.dupont"), Account("helene.noelle", "Hélène", "Nœlle", code: "0123-4567-89AB"));

        using var pdf = PdfDocument.Open(bytes);
        var links = pdf.GetPages().Select(page => DecodeQr(Assert.Single(page.GetImages()))).ToList();

        Assert.Equal(
            [
                "https://ent77.example.fr/activation#identifier=jean.dupont&code=ABCD-EFGH-JKMN",
                "https://ent77.example.fr/activation#identifier=helene.noelle&code=0123-4567-89AB",
            ],
            links);
        foreach (var link in links.Select(l => new Uri(l)))
        {
            Assert.Equal(Uri.UriSchemeHttps, link.Scheme);
            Assert.Equal("/activation", link.AbsolutePath);
            Assert.Empty(link.Query); // nothing in the query string: the secret never reaches a server log
        }
    }

    /// <summary>Reads the QR code of a page's image as a phone would: the pixels, binarised, decoded by ZXing.</summary>
    private static string DecodeQr(UglyToad.PdfPig.Content.IPdfImage image)
    {
        Assert.True(image.TryGetPng(out var png), "the QR code image cannot be read back as PNG");
        var pixels = StbImageSharp.ImageResult.FromMemory(png, StbImageSharp.ColorComponents.RedGreenBlueAlpha);
        var source = new ZXing.RGBLuminanceSource(pixels.Data, pixels.Width, pixels.Height, ZXing.RGBLuminanceSource.BitmapFormat.RGBA32);
        var result = new ZXing.QrCode.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(source)));
        Assert.NotNull(result);
        return result.Text;
    }

    [Fact]
    public async Task Pdf_FiftyAccounts_FiftyPages_EachWithItsOwnIdentifierAndCode()
    {
        var accounts = Enumerable.Range(0, 50)
            .Select(i => Account($"eleve.{i:00}", code: $"ABCD-EFGH-{i:00}XY"))
            .ToArray();

        var bytes = await PrintAsync(accounts);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(50, pdf.NumberOfPages);
        foreach (var page in pdf.GetPages())
        {
            var i = page.Number - 1;
            Assert.Contains($"eleve.{i:00}", page.Text, StringComparison.Ordinal);
            Assert.Contains($"ABCD-EFGH-{i:00}XY", page.Text, StringComparison.Ordinal);
            Assert.Contains("Code valable jusqu’au", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pdf_EmptyBatch_IsAValidOnePageDocumentSayingThereIsNothingToPrint()
    {
        var bytes = await PrintAsync();

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("Aucun courrier à imprimer", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains(School, pdf.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_BatchWithoutAnyCode_IsTheNothingToPrintPage()
    {
        var bytes = await PrintAsync(Account("jean.dupont", code: null), Account("marc.martin", code: null));

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("Aucun courrier à imprimer", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("jean.dupont", pdf.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_WritesOnlyAsynchronously_LikeAResponseBody()
    {
        using var output = new AsyncOnlyStream();

        await Printer().WriteAsync(new CodeBatch("0771234Y", School, [Account("jean.dupont")]), output, TestContext.Current.CancellationToken);

        using var pdf = PdfDocument.Open(output.ToArray());
        Assert.Equal(1, pdf.NumberOfPages);
    }

    [Fact]
    public void FontResolver_CanBeInstalledAgainAndAgain_FromManyThreads()
    {
        Parallel.For(0, 16, _ => EmbeddedFontResolver.Install());
        EmbeddedFontResolver.Install();

        Assert.True(PdfSharp.Fonts.GlobalFontSettings.FontResolver is EmbeddedFontResolver
            || PdfSharp.Fonts.GlobalFontSettings.FallbackFontResolver is EmbeddedFontResolver);
        Assert.NotNull(EmbeddedFontResolver.Instance.GetFont(EmbeddedFontResolver.Instance.ResolveTypeface("Arial", bold: true, italic: false)!.FaceName));
        Assert.NotEqual(
            EmbeddedFontResolver.Instance.ResolveTypeface("Any", bold: true, italic: false)!.FaceName,
            EmbeddedFontResolver.Instance.ResolveTypeface("Any", bold: false, italic: false)!.FaceName);
    }

    [Fact]
    public void ActivationLink_CarriesTheIdentifierAndCodeInTheFragment()
    {
        var link = ActivationLetterPrinter.ActivationLink("https://ent77.example.fr/", "jean.dupont", "ABCD-EFGH-JKMN");

        Assert.Equal("https://ent77.example.fr/activation#identifier=jean.dupont&code=ABCD-EFGH-JKMN", link);
        var uri = new Uri(link);
        Assert.Equal(string.Empty, uri.Query);
        Assert.Equal("/activation", uri.AbsolutePath);
        Assert.Equal("#identifier=jean.dupont&code=ABCD-EFGH-JKMN", uri.Fragment);
    }

    [Fact]
    public void ActivationLink_EscapesTheValues()
    {
        var link = ActivationLetterPrinter.ActivationLink("https://ent77.example.fr", "a b&c=d#é", "X?Y/Z");

        Assert.Equal("https://ent77.example.fr/activation#identifier=a%20b%26c%3Dd%23%C3%A9&code=X%3FY%2FZ", link);
        Assert.DoesNotContain("?", link, StringComparison.Ordinal);
    }
}

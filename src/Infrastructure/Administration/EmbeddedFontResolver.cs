using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Ent77.Infrastructure.Administration;

/// <summary>
/// PDFsharp has no fonts of its own on Linux (and a production container may have none at all): this resolver
/// serves the DejaVu Sans files embedded in the assembly for every family name asked for — bold gets the bold
/// file, italic is simulated. PDFsharp accepts one resolver per process, installed by <see cref="Install"/>.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static bool _installed;

    private static readonly Lazy<byte[]> Regular = new(() => Load("Ent77.Infrastructure.Fonts.DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> Bold = new(() => Load("Ent77.Infrastructure.Fonts.DejaVuSans-Bold.ttf"));

    private EmbeddedFontResolver()
    {
    }

    /// <summary>The one instance (PDFsharp wants the same resolver every time it is set).</summary>
    public static EmbeddedFontResolver Instance { get; } = new();

    /// <summary>
    /// Makes PDFsharp use the embedded fonts; safe to call any number of times from any thread. When another
    /// resolver was installed first, ours becomes the fallback (used for the families that one does not know).
    /// </summary>
    public static void Install()
    {
        if (Volatile.Read(ref _installed))
        {
            return;
        }

        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver && GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }

            Volatile.Write(ref _installed, true);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, italic ? XStyleSimulations.ItalicSimulation : XStyleSimulations.None);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => Regular.Value,
        BoldFace => Bold.Value,
        _ => null,
    };

    private static byte[] Load(string resource)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded font {resource} is missing from the assembly.");
        using var copy = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

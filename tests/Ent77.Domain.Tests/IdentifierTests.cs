using System.Text;
using System.Text.RegularExpressions;
using Ent77.Domain.Accounts;
using Ent77.Domain.Common;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ent77.Domain.Tests;

public sealed partial class IdentifierTests
{
    [Theory]
    [InlineData("Hélène", "Dupont", "helene.dupont")]
    [InlineData("HÉLÈNE", "DUPONT", "helene.dupont")]
    [InlineData("Jean Pierre", "Dupont", "jean-pierre.dupont")]
    [InlineData("Jean-Pierre", "Dupont", "jean-pierre.dupont")]
    [InlineData("  Jean  -  Pierre  ", "Dupont", "jean-pierre.dupont")]
    [InlineData("Jean_Pierre", "Dupont", "jean-pierre.dupont")]
    [InlineData("Awa", "N'Diaye", "awa.ndiaye")]
    [InlineData("Awa", "N’Diaye", "awa.ndiaye")]
    [InlineData("Zoé", "Le Bœuf", "zoe.le-boeuf")]
    [InlineData("Œdipe", "Roi", "oedipe.roi")]
    [InlineData("Lætitia", "Cæsar", "laetitia.caesar")]
    [InlineData("Johann", "Strauß", "johann.strauss")]
    [InlineData("François", "Çelik", "francois.celik")]
    [InlineData("Anaïs", "d'Artagnan-Lévêque", "anais.dartagnan-leveque")]
    public void BaseFor_NormalisesEachName(string firstName, string lastName, string expected) =>
        Assert.Equal(expected, Identifier.BaseFor(firstName, lastName).Value);

    [Fact]
    public void BaseFor_WithLongNames_CutsEachPartTo30Characters()
    {
        var identifier = Identifier.BaseFor(new string('a', 40), new string('b', 31));

        Assert.Equal(new string('a', 30) + "." + new string('b', 30), identifier.Value);
    }

    [Fact]
    public void BaseFor_WhenTheCutEndsOnAHyphen_DropsTheHyphen()
    {
        // 29 letters, a hyphen at position 30, then more letters.
        var identifier = Identifier.BaseFor(new string('a', 29) + "-bcd", "Dupont");

        Assert.Equal(new string('a', 29) + ".dupont", identifier.Value);
    }

    [Fact]
    public void BaseFor_WithAPartOfExactly30Characters_KeepsItWhole()
    {
        var identifier = Identifier.BaseFor(new string('a', 30), "Dupont");

        Assert.Equal(new string('a', 30) + ".dupont", identifier.Value);
    }

    [Theory]
    [InlineData("'")]
    [InlineData("---")]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData("李")]
    [InlineData("!?.")]
    public void BaseFor_WhenFirstNameHasNoUsableLetter_Throws(string firstName)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Identifier.BaseFor(firstName, "Dupont"));

        Assert.Equal("identifier", ex.Field);
        Assert.Equal("identifier.empty_first_name", ex.Code);
        Assert.Equal(["identifier.empty_first_name"], ex.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("'")]
    [InlineData("李")]
    public void BaseFor_WhenLastNameHasNoUsableLetter_Throws(string lastName)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Identifier.BaseFor("Jean", lastName));

        Assert.Equal("identifier.empty_last_name", ex.Code);
        Assert.Equal(["identifier.empty_last_name"], ex.Errors.Select(e => e.Code));
    }

    [Fact]
    public void BaseFor_WhenBothNamesHaveNoUsableLetter_ReportsBoth()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Identifier.BaseFor("’", null!));

        Assert.Equal(["identifier.empty_first_name", "identifier.empty_last_name"], ex.Errors.Select(e => e.Code));
        Assert.All(ex.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void FirstFree_WhenBaseIsFree_ReturnsTheBase()
    {
        var identifier = Identifier.BaseFor("Jean", "Dupont");

        Assert.Equal("jean.dupont", identifier.FirstFree(_ => false).Value);
    }

    [Fact]
    public void FirstFree_WhenBaseIsTaken_AppendsTwo()
    {
        var taken = new HashSet<string> { "jean.dupont" };

        Assert.Equal("jean.dupont2", Identifier.BaseFor("Jean", "Dupont").FirstFree(taken.Contains).Value);
    }

    [Fact]
    public void FirstFree_WhenBaseAndTwoAreTaken_AppendsThree()
    {
        var taken = new HashSet<string> { "jean.dupont", "jean.dupont2" };

        Assert.Equal("jean.dupont3", Identifier.BaseFor("Jean", "Dupont").FirstFree(taken.Contains).Value);
    }

    [Fact]
    public void FirstFree_TakesTheFirstGapAndSkipsTakenNumbers()
    {
        var taken = new HashSet<string> { "jean.dupont", "jean.dupont2", "jean.dupont3", "jean.dupont5" };

        Assert.Equal("jean.dupont4", Identifier.BaseFor("Jean", "Dupont").FirstFree(taken.Contains).Value);
    }

    [Fact]
    public void FirstFree_AfterANumber_StartsAboveIt_AndSaysWhichNumberItGave()
    {
        var taken = new HashSet<string> { "jean.dupont", "jean.dupont2", "jean.dupont4" };
        var baseIdentifier = Identifier.BaseFor("Jean", "Dupont");

        Assert.Equal("jean.dupont3", baseIdentifier.FirstFree(taken.Contains, after: 2, out var three).Value);
        Assert.Equal(3, three);
        Assert.Equal("jean.dupont5", baseIdentifier.FirstFree(taken.Contains, after: 3, out var five).Value);
        Assert.Equal(5, five);
        Assert.Equal("jean.dupont2", baseIdentifier.FirstFree(_ => false, after: 1, out var two).Value);
        Assert.Equal(2, two);
        Assert.Equal("jean.dupont", baseIdentifier.FirstFree(_ => false, after: 0, out var one).Value);
        Assert.Equal(1, one);
    }

    [Fact]
    public void FirstFree_WhenOnlyANumberedOneIsTaken_ReturnsTheBase()
    {
        var taken = new HashSet<string> { "jean.dupont2" };

        Assert.Equal("jean.dupont", Identifier.BaseFor("Jean", "Dupont").FirstFree(taken.Contains).Value);
    }

    [Theory]
    [InlineData(" Hélène.Dupont ", "helene.dupont")]
    [InlineData("helene.dupont", "helene.dupont")]
    [InlineData("HELENE.DUPONT2", "helene.dupont2")]
    [InlineData("Jean Pierre.Dupont", "jean-pierre.dupont")]
    [InlineData("awa.n'diaye", "awa.ndiaye")]
    public void TryParse_NormalisesTypedInputLikeAGeneratedIdentifier(string input, string expected)
    {
        Assert.True(Identifier.TryParse(input, out var identifier));
        Assert.Equal(expected, identifier.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("heleneDupont")]
    [InlineData("helene.du.pont")]
    [InlineData(".dupont")]
    [InlineData("helene.")]
    [InlineData("'.dupont")]
    public void TryParse_WhenInputCannotBeAnIdentifier_ReturnsFalse(string? input)
    {
        Assert.False(Identifier.TryParse(input, out var identifier));
        Assert.Null(identifier);
    }

    [Fact]
    public void TryParse_WhenInputIsTooLong_ReturnsFalse()
    {
        var atLimit = new string('a', 100) + "." + new string('b', Identifier.MaxInputLength - 101);
        var overLimit = atLimit + "b";

        Assert.True(Identifier.TryParse(atLimit, out _));
        Assert.False(Identifier.TryParse(overLimit, out _));
    }

    [Fact]
    public void FromStored_KeepsTheValueAsWritten() =>
        Assert.Equal("Jean.Dupont2", Identifier.FromStored("Jean.Dupont2").Value);

    [Fact]
    public void Identifiers_WithTheSameValue_AreEqual() =>
        Assert.Equal(Identifier.BaseFor("Hélène", "Dupont"), Identifier.FromStored("helene.dupont"));

    // ---- Properties -------------------------------------------------------------------------

    /// <summary>French-looking names with accents, ligatures, separators, digits and some noise.</summary>
    private static readonly Gen<string> Names = Gen.OneOf(
            Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".ToCharArray()).Select(c => c.ToString()),
            Gen.Elements("àâäçéèêëîïôöùûüÿñÀÂÇÉÈÊËÎÏÔÙÛÜŸœŒæÆßẞ".ToCharArray()).Select(c => c.ToString()),
            Gen.Elements(" ", "-", "  ", "‐", "‑", "–", "—", "_", "\t"),
            Gen.Elements("'", "’", ".", ",", "(", ")", "!", "@", "李", "Ω", "ﬁ", "ĳ", "K", "😀", "\u0301", "İ"),
            Gen.Choose(0x20, 0xD7FF).Select(c => ((char)c).ToString()))
        .ListOf()
        .Select(parts => string.Concat(parts));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PartPattern();

    [Property]
    public Property NormalizePart_IsIdempotent() =>
        Prop.ForAll(Names.ToArbitrary(), name =>
        {
            var once = Identifier.NormalizePart(name);
            return Identifier.NormalizePart(once) == once;
        });

    [Property]
    public Property NormalizePart_IsIdempotent_OnAnyWellFormedString() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null && IsWellFormed(s)), name =>
        {
            var once = Identifier.NormalizePart(name);
            return Identifier.NormalizePart(once) == once;
        });

    [Property]
    public Property BaseFor_YieldsWellFormedPartsOrThrowsADomainValidationException() =>
        Prop.ForAll(Names.ToArbitrary(), Names.ToArbitrary(), (firstName, lastName) =>
        {
            Identifier identifier;
            try
            {
                identifier = Identifier.BaseFor(firstName, lastName);
            }
            catch (DomainValidationException ex)
            {
                // Only when a part really is empty.
                return ex.Errors.Count > 0
                    && (Identifier.NormalizePart(firstName).Length == 0 || Identifier.NormalizePart(lastName).Length == 0);
            }

            var parts = identifier.Value.Split('.');
            return parts.Length == 2
                && parts.All(p => p.Length <= Identifier.MaxPartLength && PartPattern().IsMatch(p));
        });

    [Property]
    public Property TryParse_OfAGeneratedIdentifier_GivesItBack() =>
        Prop.ForAll(Names.ToArbitrary(), Names.ToArbitrary(), (firstName, lastName) =>
        {
            var first = Identifier.NormalizePart(firstName);
            var last = Identifier.NormalizePart(lastName);
            if (first.Length == 0 || last.Length == 0)
            {
                return true;
            }

            var identifier = Identifier.BaseFor(firstName, lastName);
            return Identifier.TryParse(identifier.Value.ToUpperInvariant(), out var parsed) && parsed == identifier;
        });

    private static bool IsWellFormed(string s)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(s);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}

public sealed class MalformedTextTests
{
    [Fact]
    public void TryParse_WithALoneSurrogate_IsFalseNotAnException()
    {
        Assert.False(Ent77.Domain.Accounts.Identifier.TryParse("\ud800.\udc00", out _));
        Assert.True(Ent77.Domain.Accounts.Identifier.TryParse("jean\ud800.dupont", out var parsed));
        Assert.Equal("jean.dupont", parsed!.Value);
    }
}

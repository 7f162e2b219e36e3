using Ent77.Application.Administration.SchoolExports;
using Ent77.Domain.Accounts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ent77.Application.Tests.SchoolExports;

public sealed class PersonNameCasingTests
{
    [Theory]
    [InlineData("ISABELLE", "Isabelle")]
    [InlineData("JEAN-PIERRE", "Jean-Pierre")]
    [InlineData("MARIE ÈVE", "Marie Ève")]
    [InlineData("ÉLODIE", "Élodie")]
    [InlineData("NŒMIE", "Nœmie")]
    [InlineData("N'GOLO", "N'Golo")]
    [InlineData("N’GOLO", "N’Golo")]
    [InlineData("THI  THU", "Thi Thu")]
    [InlineData(" ANNE-SOPHIE ", "Anne-Sophie")]
    [InlineData("zoé", "Zoé")] // all in lower case: written as a first name too
    [InlineData("Zoé", "Zoé")] // mixed case: as typed
    [InlineData("Marie-ange", "Marie-ange")]
    [InlineData("McKENZIE", "McKENZIE")]
    [InlineData("J", "J")]
    [InlineData("JEAN2", "Jean2")]
    [InlineData("", "")]
    [InlineData(" \t ", "")]
    public void FirstNames_InCapitals_AreWrittenAsFirstNames_OthersAsTyped(string given, string expected) =>
        Assert.Equal(expected, PersonNameCasing.FirstName(given));

    [Theory]
    [InlineData("LEFÈVRE", "LEFÈVRE")] // letters print family names in capitals: kept
    [InlineData("  DE   LA FONTAINE ", "DE LA FONTAINE")]
    [InlineData("Dupont", "Dupont")]
    [InlineData("N'DIAYE", "N'DIAYE")]
    [InlineData("Le\u00A0Goff", "Le Goff")] // a no-break space is white space
    [InlineData("Lefe\u0300vre", "Lefèvre")] // decomposed (NFD) text composed
    [InlineData(null, "")]
    public void FamilyNames_AreKeptAsGiven_OnlyTheirSpacesTidied(string? given, string expected) =>
        Assert.Equal(expected, PersonNameCasing.LastName(given));

    /// <summary>Names of the exports: letters of every case and accent, the separators names have, some noise and any character.</summary>
    private static readonly Gen<string> Names = Gen.OneOf(
            Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()).Select(c => c.ToString()),
            Gen.Elements("àâäçéèêëîïôöùûüÿñÀÂÇÉÈÊËÎÏÔÙÛÜŸœŒæÆßẞ".ToCharArray()).Select(c => c.ToString()),
            Gen.Elements(" ", "-", "  ", "\t", "\u00A0", "'", "’", "ʼ", "‐", "–"),
            Gen.Elements("ſ", "ı", "İ", "µ", "K", "ǅ", "ﬁ", "ĳ", "\u0301", "Ω", "李", "😀", "0", "7"),
            Gen.Choose(0x20, 0xD7FF).Select(c => ((char)c).ToString()))
        .ListOf()
        .Select(parts => string.Concat(parts));

    [Property(MaxTest = 500)]
    public Property Casing_NeverChangesTheIdentifierANameGives() =>
        Prop.ForAll(Names.ToArbitrary(), name =>
            Identifier.NormalizePart(PersonNameCasing.FirstName(name)) == Identifier.NormalizePart(name)
            && Identifier.NormalizePart(PersonNameCasing.LastName(name)) == Identifier.NormalizePart(name));

    [Property(MaxTest = 500)]
    public Property Casing_IsIdempotent_AndLeavesNoStraySpace() =>
        Prop.ForAll(Names.ToArbitrary(), name =>
        {
            var first = PersonNameCasing.FirstName(name);
            var last = PersonNameCasing.LastName(name);
            return PersonNameCasing.FirstName(first) == first && PersonNameCasing.LastName(last) == last
                && first == first.Trim() && !first.Contains("  ", StringComparison.Ordinal) && !first.Any(c => char.IsWhiteSpace(c) && c != ' ');
        });

    [Property(MaxTest = 300)]
    public Property AFirstNameInCapitals_StartsEachPartWithACapital_AndTheRestInLowerCase() =>
        Prop.ForAll(
            Gen.Elements("jean", "pierre", "élodie", "ève", "nœmie", "anaïs", "golo", "thu").ArrayOf().Where(a => a.Length > 0)
                .SelectMany(parts => Gen.Elements("-", " ", "'").ArrayOf(parts.Length - 1).Select(separators => (parts, separators)))
                .ToArbitrary(),
            input =>
            {
                var (parts, separators) = input;
                var upper = string.Concat(parts.Select((p, i) => p.ToUpperInvariant() + (i < separators.Length ? separators[i] : "")));
                var expected = string.Concat(parts.Select((p, i) => char.ToUpperInvariant(p[0]) + p[1..] + (i < separators.Length ? separators[i] : "")));
                return PersonNameCasing.FirstName(upper) == expected;
            });
}

using System.Text;
using System.Text.RegularExpressions;
using Ent77.Domain.Accounts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ent77.Domain.Tests;

public sealed partial class ActivationCodeValueTests
{
    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex PrintedForm();

    [Fact]
    public void Alphabet_IsCrockfordBase32()
    {
        Assert.Equal(32, ActivationCodeValue.Alphabet.Length);
        Assert.Equal(32, ActivationCodeValue.Alphabet.Distinct().Count());
        Assert.DoesNotContain('I', ActivationCodeValue.Alphabet);
        Assert.DoesNotContain('L', ActivationCodeValue.Alphabet);
        Assert.DoesNotContain('O', ActivationCodeValue.Alphabet);
        Assert.DoesNotContain('U', ActivationCodeValue.Alphabet);
    }

    [Fact]
    public void Generate_Gives12SymbolsOfTheCrockfordAlphabet()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = ActivationCodeValue.Generate();

            Assert.Equal(12, code.Canonical.Length);
            Assert.All(code.Canonical, c => Assert.Contains(c, ActivationCodeValue.Alphabet));
        }
    }

    [Fact]
    public void Generate_UsesEverySymbolOfTheAlphabet()
    {
        // 1,000 codes are 12,000 symbols: each of the 32 symbols shows up unless the generator is biased.
        var seen = new HashSet<char>();
        for (var i = 0; i < 1_000; i++)
        {
            seen.UnionWith(ActivationCodeValue.Generate().Canonical);
        }

        Assert.Equal(ActivationCodeValue.Alphabet.OrderBy(c => c), seen.OrderBy(c => c));
    }

    [Fact]
    public void Generate_TwoCodesDiffer()
    {
        var codes = Enumerable.Range(0, 1_000).Select(_ => ActivationCodeValue.Generate().Canonical).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.NotEqual(ActivationCodeValue.Generate(), ActivationCodeValue.Generate());
    }

    [Fact]
    public void Formatted_IsThreeGroupsOfFourSeparatedByHyphens()
    {
        var code = ActivationCodeValue.Generate();

        Assert.Matches(PrintedForm(), code.Formatted);
        Assert.Equal(code.Canonical, code.Formatted.Replace("-", string.Empty, StringComparison.Ordinal));
        Assert.Equal(code.Formatted, code.ToString());
    }

    [Fact]
    public void Formatted_OfAParsedCode_SplitsItInGroupsOfFour()
    {
        Assert.True(ActivationCodeValue.TryParse("7K3M9QABCDEF", out var code));

        Assert.Equal("7K3M-9QAB-CDEF", code.Formatted);
    }

    [Theory]
    [InlineData("7K3M-9QAB-CDEF", "7K3M9QABCDEF")]
    [InlineData("7k3m-9qab-cdef", "7K3M9QABCDEF")]
    [InlineData("  7K3M 9QAB CDEF  ", "7K3M9QABCDEF")]
    [InlineData("7K3M9QABCDEF", "7K3M9QABCDEF")]
    [InlineData("7-K-3-M-9-Q-A-B-C-D-E-F", "7K3M9QABCDEF")]
    [InlineData("7K3M–9QAB‐CDEF", "7K3M9QABCDEF")]
    [InlineData("OoIi-Ll00-1111", "001111001111")]
    [InlineData("ABCD-EFGH-JKMN", "ABCDEFGHJKMN")]
    [InlineData("PQRS-TVWX-YZ01", "PQRSTVWXYZ01")]
    public void TryParse_IgnoresCaseSpacesAndHyphensAndReadsLookAlikes(string input, string canonical)
    {
        Assert.True(ActivationCodeValue.TryParse(input, out var code));
        Assert.Equal(canonical, code.Canonical);
    }

    [Fact]
    public void TryParse_OfTheFormattedForm_GivesTheSameCode()
    {
        var code = ActivationCodeValue.Generate();

        Assert.True(ActivationCodeValue.TryParse(code.Formatted, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData("ABCD-EFGH-JKMU")]
    [InlineData("UUUU-UUUU-UUUU")]
    [InlineData("ABCD-EFGH-JK!M")]
    [InlineData("ABCD_EFGH_JKMN")]
    [InlineData("ABCD.EFGH.JKMN")]
    [InlineData("ABCD-EFGH-JKMÉ")]
    [InlineData("ABCD-EFGH-JKM٣")]
    [InlineData("ABCD-EFGH-JKMＡ")]
    public void TryParse_WithASymbolOutsideTheAlphabet_ReturnsFalse(string input)
    {
        Assert.False(ActivationCodeValue.TryParse(input, out var code));
        Assert.Null(code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("----")]
    [InlineData("ABCD-EFGH-JKM")]
    [InlineData("A")]
    [InlineData("ABCD-EFGH-JKMNP")]
    [InlineData("ABCD-EFGH-JKMN-PQRS")]
    public void TryParse_WithTooFewOrTooManySymbols_ReturnsFalse(string? input) =>
        Assert.False(ActivationCodeValue.TryParse(input, out _));

    [Fact]
    public void TryParse_WhenInputIsLongerThanTheLimit_ReturnsFalseEvenIfTheSymbolsAreRight()
    {
        var atLimit = "ABCDEFGHJKMN".PadRight(ActivationCodeValue.MaxInputLength);

        Assert.True(ActivationCodeValue.TryParse(atLimit, out _));
        Assert.False(ActivationCodeValue.TryParse(atLimit + " ", out _));
    }

    // ---- Properties -------------------------------------------------------------------------

    private static readonly Gen<string> Canonicals =
        Gen.Elements(ActivationCodeValue.Alphabet.ToCharArray()).ArrayOf(ActivationCodeValue.Length).Select(cs => new string(cs));

    /// <summary>How a person may type one symbol: any case, and O for 0, I or L for 1.</summary>
    private static Gen<string> TypedSymbol(char symbol) => symbol switch
    {
        '0' => Gen.Elements("0", "O", "o"),
        '1' => Gen.Elements("1", "I", "i", "L", "l"),
        _ => Gen.Elements(symbol.ToString(), char.ToLowerInvariant(symbol).ToString()),
    };

    /// <summary>What a person may put between symbols (at most 3 characters so the input stays under the limit).</summary>
    private static readonly Gen<string> Separators =
        Gen.Elements("", "", "", " ", "-", "  ", " - ", "‐", "–", "\t", "--");

    private static readonly Gen<(string Canonical, string Typed)> TypedCodes =
        from canonical in Canonicals
        from symbols in Gen.CollectToArray(canonical, TypedSymbol)
        from separators in Separators.ArrayOf(ActivationCodeValue.Length + 1)
        select (canonical, Interleave(separators, symbols));

    [Property]
    public Property TryParse_OfAnyFormattingOfACode_GivesTheCanonicalCode() =>
        Prop.ForAll(TypedCodes.ToArbitrary(), pair =>
            ActivationCodeValue.TryParse(pair.Typed, out var code) && code.Canonical == pair.Canonical);

    [Property]
    public Property TryParse_OfAnyFormattingOfAGeneratedCode_GivesItBack() =>
        Prop.ForAll(Separators.ArrayOf(ActivationCodeValue.Length + 1).ToArbitrary(), separators =>
        {
            var code = ActivationCodeValue.Generate();
            var typed = Interleave(separators, code.Canonical.Select(c => c switch
            {
                '0' => "o",
                '1' => "l",
                _ => char.ToLowerInvariant(c).ToString(),
            }).ToArray());
            return ActivationCodeValue.TryParse(typed, out var parsed) && parsed == code;
        });

    private static string Interleave(string[] separators, string[] symbols)
    {
        var builder = new StringBuilder(separators[0]);
        for (var i = 0; i < symbols.Length; i++)
        {
            builder.Append(symbols[i]).Append(separators[i + 1]);
        }

        return builder.ToString();
    }
}

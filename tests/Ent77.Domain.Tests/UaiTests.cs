using Ent77.Domain.Establishments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ent77.Domain.Tests;

public sealed class UaiTests
{
    [Theory]
    [InlineData("0771234Y", "0771234Y")]
    [InlineData(" 0771234Y ", "0771234Y")]
    [InlineData("0771234y", "0771234Y")]
    [InlineData("0000000A", "0000000A")]
    [InlineData("0000022Z", "0000022Z")]
    [InlineData("0000023A", "0000023A")]
    [InlineData("9999999P", "9999999P")]
    public void Parse_WithTheRightCheckLetter_IsValid(string input, string value)
    {
        var parse = Uai.Parse(input);

        Assert.Equal(UaiProblem.None, parse.Problem);
        Assert.Equal(value, parse.Uai!.Value);
        Assert.Equal(value, parse.Uai.ToString());
    }

    [Theory]
    [InlineData("0771234A")]
    [InlineData("0771234Z")]
    [InlineData("0771234I")]
    [InlineData("0771234O")]
    public void Parse_WithAWrongCheckLetter_IsRefused(string input)
    {
        var parse = Uai.Parse(input);

        Assert.Equal(UaiProblem.WrongCheckLetter, parse.Problem);
        Assert.Null(parse.Uai);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0771234")]
    [InlineData("077123Y")]
    [InlineData("07712345Y")]
    [InlineData("0771234YY")]
    [InlineData("A771234Y")]
    [InlineData("077 1234Y")]
    [InlineData("07712341")]
    [InlineData("0771234-")]
    [InlineData("0771234É")]
    [InlineData("077١234Y")]
    public void Parse_Malformed_IsRefused(string? input)
    {
        var parse = Uai.Parse(input);

        Assert.Equal(UaiProblem.Malformed, parse.Problem);
        Assert.Null(parse.Uai);
    }

    [Fact]
    public void CheckLetterOf_IsTheLetterOfTheSevenDigitsModulo23()
    {
        Assert.Equal("ABCDEFGHJKLMNPRSTUVWXYZ", Uai.CheckLetters);
        Assert.Equal('Y', Uai.CheckLetterOf("0771234")); // 771234 mod 23 = 21
        Assert.Equal('A', Uai.CheckLetterOf("0000000"));
        Assert.Equal('Z', Uai.CheckLetterOf("0000022"));
        Assert.Equal('A', Uai.CheckLetterOf("0000023"));
    }

    [Fact]
    public void TryCreate_TellsWhetherTheUaiIsValid()
    {
        Assert.True(Uai.TryCreate("0771234Y", out var uai));
        Assert.Equal("0771234Y", uai.Value);
        Assert.False(Uai.TryCreate("0771234A", out var wrong));
        Assert.Null(wrong);
    }

    [Fact]
    public void Uais_WithTheSameValue_AreEqual() =>
        Assert.Equal(Uai.FromStored("0771234Y"), Uai.Parse("0771234y").Uai);

    // ---- Properties -------------------------------------------------------------------------

    private static readonly Arbitrary<string> SevenDigits =
        Gen.Choose(0, 9_999_999).Select(n => n.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).ToArbitrary();

    [Property]
    public Property Parse_DigitsWithTheirCheckLetter_IsValid() =>
        Prop.ForAll(SevenDigits, digits =>
        {
            var letter = Uai.CheckLetterOf(digits);
            var parse = Uai.Parse(digits + letter);
            return Uai.CheckLetters.Contains(letter, StringComparison.Ordinal)
                && letter == Uai.CheckLetters[(int)(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 23)]
                && parse.Problem == UaiProblem.None
                && parse.Uai!.Value == digits + letter;
        });

    [Property]
    public Property Parse_DigitsWithAnyOtherLetter_IsAWrongCheckLetter() =>
        Prop.ForAll(SevenDigits, Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()).ToArbitrary(), (digits, letter) =>
        {
            if (letter == Uai.CheckLetterOf(digits))
            {
                return true;
            }

            var parse = Uai.Parse(digits + letter);
            return parse.Problem == UaiProblem.WrongCheckLetter && parse.Uai is null;
        });
}

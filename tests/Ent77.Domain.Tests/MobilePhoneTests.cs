using Ent77.Domain.Accounts;

namespace Ent77.Domain.Tests;

public sealed class MobilePhoneTests
{
    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("0612345678", "+33612345678")]
    [InlineData("06.12.34.56.78", "+33612345678")]
    [InlineData("06-12-34-56-78", "+33612345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+33612345678", "+33612345678")]
    [InlineData("0033 6 12 34 56 78", "+33612345678")]
    [InlineData("+33 7 81 23 45 67", "+33781234567")]
    [InlineData("07 81 23 45 67", "+33781234567")]
    public void Parse_FrenchMobile_IsStoredInE164(string input, string e164)
    {
        var parse = MobilePhone.Parse(input);

        Assert.Equal(MobilePhoneProblem.None, parse.Problem);
        Assert.Equal(e164, parse.Phone!.E164);
        Assert.Equal(e164, parse.Phone.ToString());
    }

    [Theory]
    [InlineData("01 23 45 67 89")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("04 78 12 34 56")]
    [InlineData("01 64 87 12 34")]
    public void Parse_Landline_IsNotMobile(string input)
    {
        var parse = MobilePhone.Parse(input);

        Assert.Equal(MobilePhoneProblem.NotMobile, parse.Problem);
        Assert.Null(parse.Phone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("pas de téléphone")]
    [InlineData("06 12")]
    [InlineData("06 12 34 56 78 90 12")]
    [InlineData("+33 6 12 34 56 78 9")]
    [InlineData("00 00 00 00 00")]
    public void Parse_Garbage_IsMalformed(string? input)
    {
        var parse = MobilePhone.Parse(input);

        Assert.Equal(MobilePhoneProblem.Malformed, parse.Problem);
        Assert.Null(parse.Phone);
    }

    [Fact]
    public void Parse_InputOverTheLimit_IsMalformed()
    {
        var padded = "06 12 34 56 78".PadLeft(MobilePhone.MaxInputLength + 1);

        Assert.Equal(MobilePhoneProblem.Malformed, MobilePhone.Parse(padded).Problem);
    }

    [Fact]
    public void TryCreate_TellsWhetherTheNumberIsAMobile()
    {
        Assert.True(MobilePhone.TryCreate("06 12 34 56 78", out var phone));
        Assert.Equal("+33612345678", phone.E164);
        Assert.False(MobilePhone.TryCreate("01 23 45 67 89", out var landline));
        Assert.Null(landline);
        Assert.False(MobilePhone.TryCreate("garbage", out _));
    }

    [Fact]
    public void Phones_WithTheSameNumber_AreEqual() =>
        Assert.Equal(MobilePhone.FromStored("+33612345678"), MobilePhone.Parse("06 12 34 56 78").Phone);
}

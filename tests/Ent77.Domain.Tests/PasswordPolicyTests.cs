using System.Text;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Domain.Common;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rules = Ent77.Domain.Accounts.Passwords.PasswordPolicy.Codes;

namespace Ent77.Domain.Tests;

public sealed class PasswordPolicyTests
{
    private const string Emoji = "😀";

    private static readonly PasswordPolicy Policy = PasswordPolicy.Default;
    private static readonly PasswordOwner Helene = new("helene.dupont", "Hélène", "Dupont");

    private static string[] CodesOf(string password, PasswordOwner? owner = null) =>
        [.. Policy.Check(password, owner ?? PasswordOwner.None).Select(e => e.Code).Order(StringComparer.Ordinal)];

    private static string[] Expected(params string[] codes) => [.. codes.Order(StringComparer.Ordinal)];

    // ---- Each rule on its own -----------------------------------------------------------------

    [Theory]
    [InlineData("Zorglub-Quintessence-7")]
    [InlineData("Violette-2012")]
    [InlineData("Été-2024ñ")]
    [InlineData("密码密码密码密码1")]
    [InlineData("Пароль-2024")]
    [InlineData("x1x1x1x1")]
    [InlineData("correct horse battery staple 9")]
    public void Check_GoodPassword_BreaksNoRule(string password) =>
        Assert.Empty(Policy.Check(password, Helene));

    [Fact]
    public void Check_SevenCharacters_IsTooShort() =>
        Assert.Equal(Expected(Rules.TooShort), CodesOf("Xq7#pz2"));

    [Fact]
    public void Check_EightCharacters_IsLongEnough() =>
        Assert.Empty(CodesOf("Xq7#pz2w"));

    [Fact]
    public void Check_129Characters_IsTooLong()
    {
        var password = "Zorglub-7" + new string('x', 120);
        Assert.Equal(129, password.Length);

        Assert.Equal(Expected(Rules.TooLong), CodesOf(password));
    }

    [Fact]
    public void Check_128Characters_IsAccepted()
    {
        var password = "Zorglub-7" + new string('x', 119);
        Assert.Equal(128, password.Length);

        Assert.Empty(CodesOf(password));
    }

    [Fact]
    public void Check_WithoutLetter_BreaksNoLetter() =>
        Assert.Equal(Expected(Rules.NoLetter), CodesOf("8261-9374-55"));

    [Fact]
    public void Check_WithoutDigit_BreaksNoDigit() =>
        Assert.Equal(Expected(Rules.NoDigit), CodesOf("Zorglub-Quintessence"));

    [Fact]
    public void Check_NonLatinLettersAndDigits_Count()
    {
        Assert.Empty(CodesOf("ΑΒΓΔΕΖΗ٣"));
        Assert.Equal(Expected(Rules.NoDigit), CodesOf("ΑΒΓΔΕΖΗΘ"));
    }

    [Fact]
    public void Check_CommonPassword_IsRefused()
    {
        Assert.True(CommonPasswords.Default.Contains("azerty123"));

        Assert.Equal(Expected(Rules.Common), CodesOf("azerty123"));
    }

    [Theory]
    [InlineData("Azerty123")]
    [InlineData("AZERTY123")]
    [InlineData("aZeRtY123")]
    public void Check_CommonPassword_IgnoresCase(string password)
    {
        Assert.True(CommonPasswords.Default.Contains(password));

        Assert.Equal(Expected(Rules.Common), CodesOf(password));
    }

    [Theory]
    [InlineData("azerty")]
    [InlineData("SOLEIL")]
    public void Check_CommonPasswordWithoutDigit_ReportsBothRules(string password) =>
        Assert.Equal(Expected(Rules.TooShort, Rules.NoDigit, Rules.Common), CodesOf(password));

    [Fact]
    public void Check_UsesTheGivenCommonPasswordList()
    {
        var policy = new PasswordPolicy(new PasswordPolicyOptions(), new CommonPasswords(["zorglub-quintessence-7"]));

        Assert.Contains(policy.Check("Zorglub-Quintessence-7", PasswordOwner.None), e => e.Code == Rules.Common);
        Assert.DoesNotContain(policy.Check("azerty123", PasswordOwner.None), e => e.Code == Rules.Common);
    }

    [Theory]
    [InlineData("HELENE.DUPONT-2024")]
    [InlineData("2024helene.dupont")]
    [InlineData("Hélène.Dupont-2024")]
    public void Check_ContainingTheIdentifier_IsRefused(string password) =>
        Assert.Contains(Rules.ContainsIdentifier, CodesOf(password, Helene));

    [Theory]
    [InlineData("xxhelenexx1")]
    [InlineData("xxHÉLÈNExx1")]
    [InlineData("xxHeLeNexx1")]
    [InlineData("1234dupont")]
    [InlineData("1234DÜPONT")]
    public void Check_ContainingFirstOrLastName_IsRefusedIgnoringCaseAndAccents(string password) =>
        Assert.Equal(Expected(Rules.ContainsName), CodesOf(password, Helene));

    [Fact]
    public void Check_ContainingAnyPartOfACompoundName_IsRefused()
    {
        var owner = new PasswordOwner("jean-pierre.le-goff", "Jean-Pierre", "Le Goff");

        Assert.Equal(Expected(Rules.ContainsName), CodesOf("xxpierre-2024", owner));
        Assert.Equal(Expected(Rules.ContainsName), CodesOf("xxgoff-2024x", owner));
        // "Le" has only two letters: not checked.
        Assert.Empty(CodesOf("xxle-2024-zz", owner));
    }

    [Fact]
    public void Check_NamesOfThreeLetters_AreChecked()
    {
        var owner = new PasswordOwner("lea.roy", "Léa", "Roy");

        Assert.Equal(Expected(Rules.ContainsName), CodesOf("xxleaxx-2024", owner));
        Assert.Equal(Expected(Rules.ContainsName), CodesOf("xxroyxx-2024", owner));
    }

    [Fact]
    public void Check_NamesShorterThanThreeLetters_AreNotChecked()
    {
        var owner = new PasswordOwner("li.wu", "Li", "Wu");

        Assert.Empty(CodesOf("xxlixxwuxx-2024", owner));
    }

    [Fact]
    public void Check_WithoutOwner_ChecksNoName() =>
        Assert.Empty(CodesOf("xxhelenexx1", PasswordOwner.None));

    [Fact]
    public void Check_PasswordNotContainingTheNames_IsAccepted() =>
        Assert.Empty(CodesOf("Hel-ene-Du-pont-1", Helene));

    [Fact]
    public void Check_WithOwnerFromTypedIdentifier_ChecksItsParts()
    {
        var owner = PasswordOwner.FromIdentifier(Identifier.FromStored("jean.dupont2"));

        Assert.Equal(new PasswordOwner("jean.dupont2", "jean", "dupont"), owner);
        Assert.Contains(Rules.ContainsName, CodesOf("xxdupontxx-2024", owner));
        Assert.Contains(Rules.ContainsIdentifier, CodesOf("xxjean.dupont2xx-2024", owner));
    }

    // ---- Several rules at once ----------------------------------------------------------------

    [Fact]
    public void Check_Abc_ReportsTooShortAndNoDigitTogether()
    {
        var codes = CodesOf("abc");

        Assert.Contains(Rules.TooShort, codes);
        Assert.Contains(Rules.NoDigit, codes);
        Assert.DoesNotContain(Rules.NoLetter, codes);
    }

    [Fact]
    public void Check_Empty_ReportsEveryLengthAndCharacterRule() =>
        Assert.Equal(Expected(Rules.TooShort, Rules.NoLetter, Rules.NoDigit), CodesOf(string.Empty));

    [Fact]
    public void Check_ShortNameWithoutDigit_ReportsEveryBrokenRule() =>
        Assert.Equal(Expected(Rules.TooShort, Rules.NoDigit, Rules.ContainsName), CodesOf("Dupont!", Helene));

    [Fact]
    public void Check_LongPasswordWithoutDigitContainingTheName_ReportsEveryBrokenRule()
    {
        var password = "Hélène" + new string('x', 130);

        Assert.Equal(Expected(Rules.TooLong, Rules.NoDigit, Rules.ContainsName), CodesOf(password, Helene));
    }

    [Fact]
    public void Check_EveryBrokenRule_HasItsOwnFrenchMessage()
    {
        var errors = Policy.Check(string.Empty, Helene);

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(errors.Count, errors.Select(e => e.Message).Distinct().Count());
    }

    // ---- Unicode length -----------------------------------------------------------------------

    [Fact]
    public void Check_CountsEmojiAsOneCharacterEach_AtTheMinimum()
    {
        // 6 emoji + "a1" = 8 characters (14 UTF-16 code units): long enough.
        Assert.Empty(CodesOf(Repeat(Emoji, 6) + "a1"));
        // 5 emoji + "a1" = 7 characters although 12 UTF-16 code units: too short.
        Assert.Equal(Expected(Rules.TooShort), CodesOf(Repeat(Emoji, 5) + "a1"));
    }

    [Fact]
    public void Check_CountsEmojiAsOneCharacterEach_AtTheMaximum()
    {
        // 126 emoji + "a1" = 128 characters (254 UTF-16 code units): accepted.
        Assert.Empty(CodesOf(Repeat(Emoji, 126) + "a1"));
        Assert.Equal(Expected(Rules.TooLong), CodesOf(Repeat(Emoji, 127) + "a1"));
    }

    [Fact]
    public void Check_EightEmojiWithALetterAndADigit_IsAccepted() =>
        Assert.Empty(CodesOf(Repeat(Emoji, 8) + "a1"));

    [Fact]
    public void Check_EightEmojiAlone_HasNoLetterNorDigit() =>
        Assert.Equal(Expected(Rules.NoLetter, Rules.NoDigit), CodesOf(Repeat(Emoji, 8)));

    [Fact]
    public void Check_UsesTheConfiguredLengths()
    {
        var policy = new PasswordPolicy(new PasswordPolicyOptions { MinLength = 12, MaxLength = 20 }, CommonPasswords.Default);

        Assert.Contains(policy.Check("Zorglub-7xy", PasswordOwner.None), e => e.Code == Rules.TooShort);
        Assert.Empty(policy.Check("Zorglub-7xyz", PasswordOwner.None));
        Assert.Contains(policy.Check("Zorglub-7xyz-abcdefgh", PasswordOwner.None), e => e.Code == Rules.TooLong);
    }

    // ---- Enforce and Describe -----------------------------------------------------------------

    [Fact]
    public void Enforce_WhenARuleIsBroken_ThrowsOnThePasswordFieldWithEveryError()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Policy.Enforce("abc", Helene));

        Assert.Equal("password", ex.Field);
        Assert.Equal(Policy.Check("abc", Helene), ex.Errors);
        Assert.Equal(ex.Errors[0].Code, ex.Code);
    }

    [Fact]
    public void Enforce_WhenNoRuleIsBroken_DoesNotThrow() =>
        Policy.Enforce("Violette-2012", Helene);

    [Fact]
    public void Describe_ListsEveryRuleInOrder()
    {
        var rules = Policy.Describe();

        Assert.Equal(
            [Rules.TooShort, Rules.TooLong, Rules.NoLetter, Rules.NoDigit, Rules.Common, Rules.ContainsIdentifier, Rules.ContainsName],
            rules.Select(r => r.Code));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
        Assert.Contains("8", rules[0].Message, StringComparison.Ordinal);
        Assert.Contains("128", rules[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ShowsTheConfiguredLengths()
    {
        var rules = new PasswordPolicy(new PasswordPolicyOptions { MinLength = 12, MaxLength = 64 }, CommonPasswords.Default).Describe();

        Assert.Contains("12", rules[0].Message, StringComparison.Ordinal);
        Assert.Contains("64", rules[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsTheEnt77Rule()
    {
        Assert.Equal(8, Policy.Options.MinLength);
        Assert.Equal(128, Policy.Options.MaxLength);
        Assert.Equal(3, Policy.Options.MinNameLengthChecked);
    }

    // ---- Properties ---------------------------------------------------------------------------

    /// <summary>Well-formed text mixing ASCII, accented letters, digits, symbols and astral characters.</summary>
    private static readonly Gen<string> Passwords = Gen.OneOf(
            Gen.Elements("abcXYZ0123456789-_ !éÉñœß".ToCharArray()).Select(c => c.ToString()),
            Gen.Elements(Emoji, "𝒜", "𝟘", "密", "٣", "\u0301"),
            Gen.Choose(0x20, 0xD7FF).Select(c => ((char)c).ToString()))
        .ListOf()
        .Select(parts => string.Concat(parts))
        .Select(s => s.Length % 3 == 0 ? string.Concat(Enumerable.Repeat(s, 5)) : s);

    [Property]
    public Property Check_LengthRules_FollowTheCountOfUnicodeScalarValues() =>
        Prop.ForAll(Passwords.ToArbitrary(), password =>
        {
            var runes = password.EnumerateRunes().Count();
            var codes = CodesOf(password);
            return codes.Contains(Rules.TooShort) == (runes < 8) && codes.Contains(Rules.TooLong) == (runes > 128);
        });

    [Property]
    public Property Check_WhateverFollowsThe128thCharacter_StaysTooLong() =>
        Prop.ForAll(Passwords.ToArbitrary(), password =>
        {
            // Never truncated: whatever follows the 128th character, a longer password stays too long.
            var longer = "Zorglub-7" + new string('x', 120) + password;
            return CodesOf(longer).Contains(Rules.TooLong);
        });

    [Property]
    public Property Check_ReportsACodeAtMostOnce() =>
        Prop.ForAll(Passwords.ToArbitrary(), password =>
        {
            var codes = CodesOf(password, Helene);
            return codes.Distinct().Count() == codes.Length;
        });

    private static string Repeat(string value, int count) => new StringBuilder().Insert(0, value, count).ToString();
}

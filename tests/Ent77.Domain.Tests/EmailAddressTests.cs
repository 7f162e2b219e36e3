using Ent77.Domain.Accounts;

namespace Ent77.Domain.Tests;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("helene.dupont@example.fr")]
    [InlineData("Helene.Dupont@Example.FR")]
    [InlineData("parent+ent77@mail.example.org")]
    [InlineData("o'brien@example.co.uk")]
    [InlineData("a@b.fr")]
    public void TryCreate_ValidAddress_IsKeptAsTyped(string input)
    {
        Assert.True(EmailAddress.TryCreate(input, out var email));
        Assert.Equal(input, email.Value);
        Assert.Equal(input, email.ToString());
    }

    [Theory]
    [InlineData("  Helene.Dupont@Example.fr  ", "Helene.Dupont@Example.fr")]
    [InlineData("\thelene@example.fr\n", "helene@example.fr")]
    public void TryCreate_TrimsButKeepsTheCase(string input, string expected)
    {
        Assert.True(EmailAddress.TryCreate(input, out var email));
        Assert.Equal(expected, email.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("helene.dupont.example.fr")]
    [InlineData("helene@")]
    [InlineData("@example.fr")]
    [InlineData("helene@localhost")]
    [InlineData("helene@example.")]
    [InlineData("helene@.fr")]
    [InlineData("helene dupont@example.fr")]
    [InlineData("helene@exa mple.fr")]
    [InlineData("helene@@example.fr")]
    [InlineData("Hélène Dupont <helene@example.fr>")]
    [InlineData("\"Helene\"<helene@example.fr>")]
    [InlineData("<helene@example.fr>")]
    [InlineData("helene@[192.168.0.1]")]
    [InlineData("helene@example.fr\u0000")]
    [InlineData("helene@example.fr, paul@example.fr")]
    public void TryCreate_InvalidAddress_IsRefused(string? input)
    {
        Assert.False(EmailAddress.TryCreate(input, out var email));
        Assert.Null(email);
    }

    [Fact]
    public void TryCreate_AtMost254Characters_IsAccepted()
    {
        var address = Address(EmailAddress.MaxLength);

        Assert.True(EmailAddress.TryCreate(address, out var email));
        Assert.Equal(254, email.Value.Length);
    }

    [Fact]
    public void TryCreate_Over254Characters_IsRefused() =>
        Assert.False(EmailAddress.TryCreate(Address(EmailAddress.MaxLength + 1), out _));

    [Fact]
    public void Addresses_WithTheSameValue_AreEqual() =>
        Assert.Equal(EmailAddress.FromStored("a@b.fr"), EmailAddress.TryCreate(" a@b.fr ", out var email) ? email : null);

    /// <summary>An address of exactly <paramref name="length"/> characters: a 64-character local part and labels of at most 63.</summary>
    private static string Address(int length)
    {
        var local = new string('a', 64);
        var remaining = length - local.Length - 1 - ".fr".Length;
        var labels = new List<string>();
        while (remaining > 0)
        {
            var size = Math.Min(63, remaining);
            if (remaining - size == 1)
            {
                size--; // leave room for "." + at least one letter
            }

            labels.Add(new string('b', size));
            remaining -= size + 1;
        }

        var address = $"{local}@{string.Join('.', labels)}.fr";
        return address.Length == length ? address : throw new InvalidOperationException($"Built {address.Length} characters, wanted {length}.");
    }
}

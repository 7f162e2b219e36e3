using Ent77.Domain.Terms;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

public sealed class TermsOfUseTests
{
    [Fact]
    public void Publish_KeepsVersionTitleContentAndDate()
    {
        var terms = TermsOfUse.Publish("2026-09", "Conditions générales d'utilisation", "Texte", Now);

        Assert.Equal("2026-09", terms.Version);
        Assert.Equal("Conditions générales d'utilisation", terms.Title);
        Assert.Equal("Texte", terms.Content);
        Assert.Equal(Now, terms.PublishedAt);
    }

    [Theory]
    [InlineData("", "Titre", "Texte")]
    [InlineData("2026-09", " ", "Texte")]
    [InlineData("2026-09", "Titre", "")]
    public void Publish_WithABlankPart_Throws(string version, string title, string content) =>
        Assert.ThrowsAny<ArgumentException>(() => TermsOfUse.Publish(version, title, content, Now));
}

using Ent77.Domain.Common;
using Ent77.Domain.Establishments;
using Ent77.Domain.Establishments.Events;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

public sealed class EstablishmentTests
{
    private static readonly Uai Tilleuls = Uai.Parse("0771234Y").Uai!;

    [Fact]
    public void Create_KeepsTheUaiAndTrimsTheNames()
    {
        var establishment = Establishment.Create(Tilleuls, "  Collège Les Tilleuls ", " Melun ", Now);

        Assert.Equal(Tilleuls, establishment.Uai);
        Assert.Equal("Collège Les Tilleuls", establishment.Name);
        Assert.Equal("Melun", establishment.City);
        Assert.Equal(Now, establishment.CreatedAt);
        Assert.NotEqual(default, establishment.Id);
    }

    [Fact]
    public void Create_RaisesEstablishmentCreated()
    {
        var establishment = Establishment.Create(Tilleuls, "Collège Les Tilleuls", "Melun", Now);

        var created = Assert.IsType<EstablishmentCreated>(Assert.Single(establishment.DomainEvents));
        Assert.Equal(establishment.Id, created.EstablishmentId);
        Assert.Equal("0771234Y", created.Uai);
        Assert.Equal(Now, created.OccurredAt);
    }

    [Fact]
    public void Create_WithoutCity_KeepsAnEmptyCity() =>
        Assert.Equal(string.Empty, Establishment.Create(Tilleuls, "Collège Les Tilleuls", null!, Now).City);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Create_WithBlankName_Throws(string? name)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Establishment.Create(Tilleuls, name!, "Melun", Now));

        Assert.Equal("name", ex.Field);
        Assert.Equal("establishment.name_required", ex.Code);
    }

    [Fact]
    public void Create_WithoutUai_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Establishment.Create(null!, "Collège Les Tilleuls", "Melun", Now));

    [Fact]
    public void Create_GivesEachEstablishmentItsOwnId() =>
        Assert.NotEqual(
            Establishment.Create(Tilleuls, "A", "Melun", Now).Id,
            Establishment.Create(Tilleuls, "A", "Melun", Now).Id);
}

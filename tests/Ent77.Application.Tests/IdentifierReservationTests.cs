using Ent77.Application.Accounts.Common;
using Ent77.Domain.Accounts;

namespace Ent77.Application.Tests;

public sealed class IdentifierReservationTests
{
    [Fact]
    public void Next_HandsOutTheFreeIdentifiersOfEachBaseInOrder_SkippingThoseTaken()
    {
        var reservation = new IdentifierReservation(["jean.dupont", "jean.dupont3", "marie.curie2"]);
        var jean = Identifier.BaseFor("Jean", "Dupont");
        var marie = Identifier.BaseFor("Marie", "Curie");

        var given = new[] { jean, marie, jean, marie, jean, jean }.Select(b => reservation.Next(b).Value).ToList();

        Assert.Equal(["jean.dupont2", "marie.curie", "jean.dupont4", "marie.curie3", "jean.dupont5", "jean.dupont6"], given);
    }

    [Fact]
    public void Next_ForManyPeopleOfOneBase_GivesEveryNumberOnce()
    {
        var reservation = new IdentifierReservation(["jean.dupont7"]);
        var jean = Identifier.BaseFor("Jean", "Dupont");

        var given = Enumerable.Range(0, 1_000).Select(_ => reservation.Next(jean).Value).ToList();

        Assert.Equal(["jean.dupont", .. Enumerable.Range(2, 1_000).Where(n => n != 7).Select(n => $"jean.dupont{n}")], given);
    }
}

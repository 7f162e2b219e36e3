using Ent77.Domain.Accounts;
using Ent77.Domain.Common;
using Ent77.Domain.Establishments;
using Ent77.Domain.Support;
using Ent77.Domain.Support.Events;

namespace Ent77.Domain.Tests;

public sealed class HelpRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Admin = Guid.NewGuid();

    private static HelpRequest Submit(EmailAddress? email = null, string? phone = "+33612345678") =>
        HelpRequest.Submit(EstablishmentId.New(), HelpRequestKind.Activation, new Requester(" Sophie ", "Dupont", email, phone), "Hélène", "6e A", "Code perdu", Now);

    [Fact]
    public void Submit_GivesAReadableReference_AndOpensTheRequest()
    {
        var request = Submit();

        Assert.Matches("^AIDE-[0-9A-HJKMNP-TV-Z]{6}$", request.Reference);
        Assert.Equal(HelpRequestStatus.Open, request.Status);
        Assert.Equal("Sophie", request.Requester.FirstName);
        Assert.IsType<HelpRequestSubmitted>(Assert.Single(request.DomainEvents));
    }

    [Fact]
    public void Submit_WithoutAnyContact_Fails()
    {
        var error = Assert.Throws<DomainValidationException>(() => Submit(email: null, phone: null));
        Assert.Equal(HelpRequest.Errors.ContactRequired, error.Code);
    }

    [Fact]
    public void Lifecycle_OpenInProgressResolved()
    {
        var request = Submit();

        request.Start(Admin, Now);
        request.Resolve(Admin, "Code réémis", Now.AddHours(1));

        Assert.Equal(HelpRequestStatus.Resolved, request.Status);
        Assert.Equal(Admin, request.ClosedBy);
        Assert.Equal("Code réémis", request.Note);
        Assert.True(request.IsClosed);
    }

    [Fact]
    public void Close_WithoutStarting_OrTwice_OrWithoutNote_Fails()
    {
        var request = Submit();
        Assert.Equal(HelpRequest.Errors.NotInProgress, Assert.Throws<InvalidTransitionException>(() => request.Reject(Admin, "non", Now)).Code);

        request.Start(Admin, Now);
        Assert.Equal(HelpRequest.Errors.NotOpen, Assert.Throws<InvalidTransitionException>(() => request.Start(Admin, Now)).Code);
        Assert.Equal(HelpRequest.Errors.NoteRequired, Assert.Throws<DomainValidationException>(() => request.Resolve(Admin, " ", Now)).Code);

        request.Reject(Admin, "Doublon", Now);
        Assert.Throws<InvalidTransitionException>(() => request.Resolve(Admin, "oui", Now));
        Assert.Throws<InvalidTransitionException>(() => request.Start(Admin, Now));
    }

    [Fact]
    public void Purge_OnlyClosedRequestsOlderThanTheRetention()
    {
        var open = Submit();
        var closed = Submit();
        closed.Start(Admin, Now);
        closed.Resolve(Admin, "Fait", Now);
        var retention = TimeSpan.FromDays(365);

        Assert.False(HelpRequest.DueForPurge(Now.AddDays(365), retention).Compile()(closed));
        Assert.True(HelpRequest.DueForPurge(Now.AddDays(366), retention).Compile()(closed));
        Assert.False(HelpRequest.DueForPurge(Now.AddDays(1000), retention).Compile()(open));
    }
}

using Ent77.Application.Administration.Access;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Establishments.AddEstablishment;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using NSubstitute;

namespace Ent77.Application.Tests;

public sealed class EstablishmentTests
{
    private readonly Ports _ports = new();

    [Fact]
    public async Task AddEstablishment_WhenTheUaiExists_IsAConflict()
    {
        var handler = new AddEstablishmentHandler(_ports.Establishments, _ports.Time);

        var error = await Assert.ThrowsAsync<ConflictException>(async () =>
            await handler.Handle(new AddEstablishmentCommand(Actor.Operator, "0771234y", "Autre", "Meaux"), default));

        Assert.Equal("establishment.exists", error.Code);
        _ports.Establishments.DidNotReceive().Add(Arg.Any<Establishment>());
    }

    [Theory]
    [InlineData("0771234A", "lettre de contrôle")]
    [InlineData("77-1234", "7 chiffres")]
    public void AddEstablishment_Validator_ExplainsWhatIsWrongWithTheUai(string uai, string expected)
    {
        var result = new AddEstablishmentValidator().Validate(new AddEstablishmentCommand(Actor.Operator, uai, "Collège", "Melun"));

        Assert.Contains(result.Errors, e => e.PropertyName == "Uai" && e.ErrorMessage.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task IssueAdministrator_CreatesAPendingStaffAdministratorOfTheSchool_WithTheNextFreeIdentifier()
    {
        _ports.Accounts.TakenIdentifiersAsync(Arg.Any<IReadOnlyCollection<Identifier>>(), Arg.Any<CancellationToken>())
            .Returns(new HashSet<string> { "claire.martin", "claire.martin2" });
        Account? added = null;
        _ports.Accounts.Add(Arg.Do<Account>(a => added = a));
        var handler = new IssueAdministratorHandler(_ports.Establishments, _ports.Accounts, new IdentifierAllocator(_ports.Accounts), _ports.Issuer, _ports.Publisher, _ports.Time);

        var issued = await handler.Handle(new IssueAdministratorCommand(Actor.Operator, "0771234Y", "Claire", "Martin"), default);

        Assert.Equal("claire.martin3", issued.Identifier);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", issued.ActivationCode);
        Assert.NotNull(added);
        Assert.Equal(Profile.Staff, added.Profile);
        Assert.Equal(_ports.Establishment.Id, added.EstablishmentId);
        Assert.Equal([new RoleGrant(Role.EstablishmentAdmin, _ports.Establishment.Id)], added.Roles);
        Assert.True(added.LiveCode(_ports.Time.GetUtcNow())!.Matches("H:" + issued.ActivationCode.Replace("-", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task IssuePlatformAdministrator_BelongsToNoSchool_AndHoldsOnlyThePlatformRole()
    {
        Account? added = null;
        _ports.Accounts.Add(Arg.Do<Account>(a => added = a));
        var handler = new IssueAdministratorHandler(_ports.Establishments, _ports.Accounts, new IdentifierAllocator(_ports.Accounts), _ports.Issuer, _ports.Publisher, _ports.Time);

        var issued = await handler.Handle(new IssueAdministratorCommand(Actor.Operator, null, "Yves", "Carpentier", PlatformAdmin: true), default);

        Assert.Equal("yves.carpentier", issued.Identifier);
        Assert.NotNull(added);
        Assert.Null(added.EstablishmentId);
        Assert.Equal([new RoleGrant(Role.PlatformAdmin, null)], added.Roles);
        Assert.Equal(AccountStatus.Pending, added.Status);
        await _ports.Establishments.DidNotReceiveWithAnyArgs().FindByUaiAsync(default!, default);
    }

    [Fact]
    public void IssuePlatformAdministrator_WithAUai_IsRefusedByTheValidator()
    {
        var result = new IssueAdministratorValidator().Validate(new IssueAdministratorCommand(Actor.Operator, "0771234Y", "Yves", "Carpentier", PlatformAdmin: true));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Uai", error.PropertyName);
        Assert.Contains("aucun établissement", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAdministrator_ForAnUnknownSchool_IsNotFound()
    {
        var handler = new IssueAdministratorHandler(_ports.Establishments, _ports.Accounts, new IdentifierAllocator(_ports.Accounts), _ports.Issuer, _ports.Publisher, _ports.Time);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await handler.Handle(new IssueAdministratorCommand(Actor.Operator, "0770001H", "Claire", "Martin"), default));
    }
}

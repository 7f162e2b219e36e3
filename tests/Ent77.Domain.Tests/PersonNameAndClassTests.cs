using Ent77.Domain.Accounts;
using Ent77.Domain.Common;
using Ent77.Domain.Support;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

/// <summary>Names and classes: one rule each (docs/DOMAIN.md "Names and classes"), kept by the aggregates that hold them.</summary>
public sealed class PersonNameAndClassTests
{
    [Theory]
    [InlineData(null, PersonNameProblem.Empty)]
    [InlineData("   ", PersonNameProblem.Empty)]
    [InlineData(" Hélène ", PersonNameProblem.None)]
    public void PersonName_Check_SaysWhatIsWrong(string? input, PersonNameProblem expected) =>
        Assert.Equal(expected, PersonName.Check(input));

    [Fact]
    public void PersonName_IsTrimmed_AndAtMostItsLength()
    {
        Assert.Equal("Hélène", PersonName.Create("  Hélène ", "firstName").Value);
        Assert.Equal(PersonNameProblem.None, PersonName.Check(" " + new string('a', PersonName.MaxLength) + " "));
        Assert.Equal(PersonNameProblem.TooLong, PersonName.Check(new string('a', PersonName.MaxLength + 1)));
        var error = Assert.Throws<DomainValidationException>(() => PersonName.Create(new string('a', PersonName.MaxLength + 1), "lastName"));
        Assert.Equal(("lastName", "person_name.too_long"), (error.Field, error.Code));
    }

    [Fact]
    public void ClassName_BlankIsNoClass_AndALongOneIsRefused()
    {
        Assert.Null(ClassName.FromOptional("  "));
        Assert.Equal("6e A", ClassName.FromOptional(" 6e A ")!.Value);
        Assert.True(ClassName.Fits(new string('c', ClassName.MaxLength)));
        Assert.False(ClassName.Fits(new string('c', ClassName.MaxLength + 1)));
        Assert.Equal("class_name.too_long", Assert.Throws<DomainValidationException>(() => ClassName.FromOptional(new string('c', ClassName.MaxLength + 1))).Code);
    }

    [Theory]
    [InlineData("", "Dupont", null, null, "firstName")]
    [InlineData("Hélène", "  ", null, null, "lastName")]
    [InlineData("Hélène", "Dupont", "x51", null, "className")]
    [InlineData("Hélène", "Dupont", null, "x65", "externalId")]
    public void CreatePending_RefusesWhatBreaksARule(string firstName, string lastName, string? className, string? externalId, string field)
    {
        var person = new PersonDetails(firstName, lastName, Profile.Student, Long(className), null, Long(externalId));

        var error = Assert.Throws<DomainValidationException>(() => Account.CreatePending(Identifier.BaseFor("Hélène", "Dupont"), person, School, Now));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void UpdateFromRoster_ChangesNothing_WhenANameBreaksTheRule()
    {
        var account = Account.CreatePending(
            Identifier.BaseFor("Hélène", "Dupont"), new PersonDetails("Hélène", "Dupont", Profile.Student, "6e A", null, "E-1"), School, Now);

        Assert.Throws<DomainValidationException>(() =>
            account.UpdateFromRoster(new PersonDetails("Léa", new string('a', PersonName.MaxLength + 1), Profile.Student, "5e B", null, "E-1")));

        Assert.Equal(("Hélène", "Dupont", "6e A"), (account.FirstName, account.LastName, account.ClassName));
    }

    [Fact]
    public void HelpRequest_KeepsTheNameAndClassRules()
    {
        var requester = new Requester("Hélène", "Dupont", null, "0612345678");

        Assert.Equal("firstName", Assert.Throws<DomainValidationException>(() =>
            HelpRequest.Submit(School, HelpRequestKind.Activation, requester with { FirstName = " " }, null, null, "Aide", Now)).Field);
        Assert.Equal("className", Assert.Throws<DomainValidationException>(() =>
            HelpRequest.Submit(School, HelpRequestKind.Activation, requester, null, new string('c', ClassName.MaxLength + 1), "Aide", Now)).Field);
    }

    /// <summary>« x51 » is a text of 51 characters; anything else is itself.</summary>
    private static string? Long(string? spec) => spec is ['x', .. var length] ? new string('x', int.Parse(length, System.Globalization.CultureInfo.InvariantCulture)) : spec;
}

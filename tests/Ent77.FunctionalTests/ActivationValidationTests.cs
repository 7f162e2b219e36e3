using System.Net;
using System.Net.Http.Json;
using Ent77.Domain.Accounts.Passwords;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>
/// docs/DOMAIN.md (password policy, contact details, terms) and docs/API.md: every invalid field of the activation form
/// gives a 400 problem whose <c>errors</c> are keyed by camelCase field name, in French; nothing is written.
/// </summary>
public sealed class ActivationValidationTests : FunctionalTest
{
    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "short password", "password", "Le mot de passe doit contenir au moins 8 caractères." },
        { "no digit", "password", "Le mot de passe doit contenir au moins un chiffre." },
        { "no letter", "password", "Le mot de passe doit contenir au moins une lettre." },
        { "common password", "password", "Ce mot de passe fait partie des plus courants : choisissez-en un autre." },
        { "password containing the identifier", "password", "Le mot de passe ne doit pas contenir votre identifiant." },
        { "password containing the last name", "password", "Le mot de passe ne doit contenir ni votre prénom ni votre nom." },
        { "confirmation mismatch", "passwordConfirmation", "Les deux mots de passe ne sont pas identiques." },
        { "missing confirmation", "passwordConfirmation", "Confirmez le mot de passe." },
        { "bad e-mail", "email", "L’adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr)." },
        { "blank e-mail", "email", "Saisissez une adresse e-mail personnelle : elle sert à retrouver un mot de passe perdu." },
        { "no e-mail at all", "email", "Saisissez une adresse e-mail personnelle : elle sert à retrouver un mot de passe perdu." },
        { "landline mobile", "mobilePhone", "Indiquez un numéro de téléphone mobile (06 ou 07), pas une ligne fixe." },
        { "malformed mobile", "mobilePhone", "Le numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78)." },
        { "terms not accepted", "acceptTerms", "Vous devez accepter les conditions générales d’utilisation." },
    };

    [Fact]
    public void TheCommonPasswordUsedHere_IsInTheShippedList()
    {
        Assert.True(CommonPasswords.Default.Contains("azerty123"));
        Assert.True(CommonPasswords.Default.Contains("AZERTY123"));
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task OneInvalidField_Gives400WithThatFieldOnly_AndWritesNothing(string kind, string field, string message)
    {
        var client = Factory.CreateApiClient();
        var pending = await Factory.CreatePendingAccountAsync();
        var auditBefore = await Factory.CountAuditEventsAsync();
        var hashesBefore = Factory.Hasher.Hashes;

        var response = await client.PostAsJsonAsync("/api/activation", Build(kind, pending));

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "Certaines informations sont invalides.");
        var errors = Http.Errors(problem);
        var (key, messages) = Assert.Single(errors);
        Assert.Equal(field, key);
        Assert.Equal([message], messages);
        Assert.Empty(Http.SetCookies(response));

        await Factory.AssertStillPendingAsync(pending);
        Assert.Equal(auditBefore, await Factory.CountAuditEventsAsync());
        Assert.Equal(hashesBefore, Factory.Hasher.Hashes);

        // The code still works afterwards.
        var retry = await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Fact]
    public async Task EverythingWrongAtOnce_EveryFieldIsListedInOne400()
    {
        var client = Factory.CreateApiClient();
        var pending = await Factory.CreatePendingAccountAsync();
        var auditBefore = await Factory.CountAuditEventsAsync();

        var response = await client.PostAsJsonAsync("/api/activation", Requests.Activation(
            pending.Identifier, pending.Code, password: "abc", confirmation: "abd", email: "pas-une-adresse", mobilePhone: "12ab", acceptTerms: false));

        var errors = Http.Errors(await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "Certaines informations sont invalides."));
        Assert.Equal(["acceptTerms", "email", "mobilePhone", "password", "passwordConfirmation"], errors.Keys.Order(StringComparer.Ordinal));
        // Every broken password rule is reported, each with its own message.
        Assert.Contains("Le mot de passe doit contenir au moins 8 caractères.", errors["password"]);
        Assert.Contains("Le mot de passe doit contenir au moins un chiffre.", errors["password"]);
        Assert.Equal(2, errors["password"].Length);
        Assert.Equal(["Les deux mots de passe ne sont pas identiques."], errors["passwordConfirmation"]);
        Assert.Equal(["L’adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr)."], errors["email"]);
        Assert.Equal(["Le numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78)."], errors["mobilePhone"]);
        Assert.Equal(["Vous devez accepter les conditions générales d’utilisation."], errors["acceptTerms"]);

        await Factory.AssertStillPendingAsync(pending);
        Assert.Equal(auditBefore, await Factory.CountAuditEventsAsync());
    }

    [Fact]
    public async Task ValidFormWithoutMobile_IsAccepted_AndTheMobileStaysEmpty()
    {
        var client = Factory.CreateApiClient();
        var pending = await Factory.CreatePendingAccountAsync();

        var response = await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code, mobilePhone: null, email: "  helene.parent@example.fr "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var account = await Factory.LoadAccountAsync(pending.Id);
        Assert.Null(account.MobilePhone);
        Assert.Equal("helene.parent@example.fr", account.Email!.Value);
        Assert.Equal("2026-09", account.AcceptedTermsVersion);
        Assert.Equal(Factory.Time.GetUtcNow(), account.TermsAcceptedAt);
    }

    private static object Build(string kind, PendingAccount p) => kind switch
    {
        "short password" => Requests.Activation(p.Identifier, p.Code, "Vi0let"),
        "no digit" => Requests.Activation(p.Identifier, p.Code, "Violettes-sans"),
        "no letter" => Requests.Activation(p.Identifier, p.Code, "2012-2013-14"),
        "common password" => Requests.Activation(p.Identifier, p.Code, "azerty123"),
        "password containing the identifier" => Requests.Activation(p.Identifier, p.Code, "Hélène.Dupont1"),
        "password containing the last name" => Requests.Activation(p.Identifier, p.Code, "xxDUPONT-2012"),
        "confirmation mismatch" => Requests.Activation(p.Identifier, p.Code, "Violette-2012", confirmation: "Violette-2013"),
        "missing confirmation" => Requests.Activation(p.Identifier, p.Code, "Violette-2012", confirmation: string.Empty),
        "bad e-mail" => Requests.Activation(p.Identifier, p.Code, email: "helene.parent@"),
        "blank e-mail" => Requests.Activation(p.Identifier, p.Code, email: "  "),
        "no e-mail at all" => Requests.Activation(p.Identifier, p.Code, email: null!),
        "landline mobile" => Requests.Activation(p.Identifier, p.Code, mobilePhone: "01 64 00 00 00"),
        "malformed mobile" => Requests.Activation(p.Identifier, p.Code, mobilePhone: "12ab"),
        "terms not accepted" => Requests.Activation(p.Identifier, p.Code, acceptTerms: false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

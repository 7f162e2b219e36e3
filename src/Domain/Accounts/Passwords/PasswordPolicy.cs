using System.Text;
using Ent77.Domain.Common;

namespace Ent77.Domain.Accounts.Passwords;

/// <summary>
/// The one place where the password rule lives. Length is counted in Unicode scalar values; any
/// character is accepted and nothing is ever truncated. Every broken rule is reported at once.
/// </summary>
public sealed class PasswordPolicy(PasswordPolicyOptions options, CommonPasswords commonPasswords)
{
    public static class Codes
    {
        public const string TooShort = "password.too_short";
        public const string TooLong = "password.too_long";
        public const string NoLetter = "password.no_letter";
        public const string NoDigit = "password.no_digit";
        public const string Common = "password.common";
        public const string ContainsIdentifier = "password.contains_identifier";
        public const string ContainsName = "password.contains_name";
    }

    public PasswordPolicyOptions Options { get; } = options;

    public static PasswordPolicy Default { get; } = new(new PasswordPolicyOptions(), CommonPasswords.Default);

    /// <summary>The rules in words, in the order they are checked (for clients that show a checklist).</summary>
    public IReadOnlyList<DomainError> Describe() =>
    [
        new(Codes.TooShort, $"Au moins {Options.MinLength} caractères."),
        new(Codes.TooLong, $"Au plus {Options.MaxLength} caractères."),
        new(Codes.NoLetter, "Au moins une lettre."),
        new(Codes.NoDigit, "Au moins un chiffre."),
        new(Codes.Common, "Pas un mot de passe courant."),
        new(Codes.ContainsIdentifier, "Ne contient pas votre identifiant."),
        new(Codes.ContainsName, "Ne contient ni votre prénom ni votre nom."),
    ];

    public IReadOnlyList<DomainError> Check(string password, PasswordOwner owner)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(owner);
        var errors = new List<DomainError>();
        var length = 0;
        bool hasLetter = false, hasDigit = false;
        foreach (var rune in password.EnumerateRunes())
        {
            length++;
            hasLetter |= Rune.IsLetter(rune);
            hasDigit |= Rune.IsDigit(rune);
        }

        if (length < Options.MinLength)
        {
            errors.Add(new(Codes.TooShort, $"Le mot de passe doit contenir au moins {Options.MinLength} caractères."));
        }

        if (length > Options.MaxLength)
        {
            errors.Add(new(Codes.TooLong, $"Le mot de passe doit contenir au plus {Options.MaxLength} caractères."));
        }

        if (!hasLetter)
        {
            errors.Add(new(Codes.NoLetter, "Le mot de passe doit contenir au moins une lettre."));
        }

        if (!hasDigit)
        {
            errors.Add(new(Codes.NoDigit, "Le mot de passe doit contenir au moins un chiffre."));
        }

        if (length <= Options.MaxLength && commonPasswords.Contains(password))
        {
            errors.Add(new(Codes.Common, "Ce mot de passe fait partie des plus courants : choisissez-en un autre."));
        }

        var folded = TextNormalization.Fold(password);
        if (!string.IsNullOrEmpty(owner.Identifier) && folded.Contains(owner.Identifier, StringComparison.Ordinal))
        {
            errors.Add(new(Codes.ContainsIdentifier, "Le mot de passe ne doit pas contenir votre identifiant."));
        }
        else if (NameTokens(owner).Any(token => folded.Contains(token, StringComparison.Ordinal)))
        {
            errors.Add(new(Codes.ContainsName, "Le mot de passe ne doit contenir ni votre prénom ni votre nom."));
        }

        return errors;
    }

    /// <summary>Throws <see cref="DomainValidationException"/> on the field <c>password</c> when a rule is broken.</summary>
    public void Enforce(string password, PasswordOwner owner)
    {
        var errors = Check(password, owner);
        if (errors.Count > 0)
        {
            throw new DomainValidationException("password", errors);
        }
    }

    private IEnumerable<string> NameTokens(PasswordOwner owner) =>
        new[] { owner.FirstName, owner.LastName }
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .SelectMany(name => TextNormalization.Fold(name!)
                .Split(c => !char.IsLetter(c)))
            .Where(token => token.Length >= Options.MinNameLengthChecked)
            .Distinct();
}

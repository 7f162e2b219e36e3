using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace Ent77.Domain.Accounts;

/// <summary>
/// A mobile number parsed with libphonenumber (default region FR), stored in E.164
/// (<c>06 12 34 56 78</c> → <c>+33612345678</c>). Landlines and malformed numbers are refused.
/// </summary>
public sealed record MobilePhone
{
    public const string DefaultRegion = "FR";
    public const int MaxInputLength = 32;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private MobilePhone(string e164) => E164 = e164;

    public string E164 { get; }

    public override string ToString() => E164;

    public static MobilePhoneParse Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return new MobilePhoneParse(null, MobilePhoneProblem.Malformed);
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(input, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return new MobilePhoneParse(null, MobilePhoneProblem.Malformed);
        }

        if (!Util.IsValidNumber(number))
        {
            return new MobilePhoneParse(null, MobilePhoneProblem.Malformed);
        }

        var type = Util.GetNumberType(number);
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return new MobilePhoneParse(null, MobilePhoneProblem.NotMobile);
        }

        return new MobilePhoneParse(new MobilePhone(Util.Format(number, PhoneNumberFormat.E164)), MobilePhoneProblem.None);
    }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out MobilePhone? phone)
    {
        phone = Parse(input).Phone;
        return phone is not null;
    }

    public static MobilePhone FromStored(string e164) => new(e164);

    /// <summary>Any valid number, mobile or landline (default region FR), in E.164; null when it is not one.</summary>
    public static string? AnyNumberToE164(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(input, DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}

public enum MobilePhoneProblem
{
    None,
    Malformed,
    NotMobile,
}

public readonly record struct MobilePhoneParse(MobilePhone? Phone, MobilePhoneProblem Problem);

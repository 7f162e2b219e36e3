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
        if (!TryParseValid(input, out var number))
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
    public static string? AnyNumberToE164(string? input) =>
        TryParseValid(input, out var number) ? Util.Format(number, PhoneNumberFormat.E164) : null;

    /// <summary>The one reading of a typed number: not too long, parsable (default region FR), and a valid number.</summary>
    private static bool TryParseValid(string? input, [NotNullWhen(true)] out PhoneNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return false;
        }

        try
        {
            number = Util.Parse(input, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return false;
        }

        return Util.IsValidNumber(number);
    }
}

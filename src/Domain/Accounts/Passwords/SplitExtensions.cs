namespace Ent77.Domain.Accounts.Passwords;

internal static class SplitExtensions
{
    public static IEnumerable<string> Split(this string value, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || isSeparator(value[i]))
            {
                if (i > start)
                {
                    yield return value[start..i];
                }

                start = i + 1;
            }
        }
    }
}

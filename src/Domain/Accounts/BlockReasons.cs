namespace Ent77.Domain.Accounts;

/// <summary>Why an account was blocked, when it was not by hand (shown in lists and audit rows).</summary>
public static class BlockReasons
{
    /// <summary>A synchronisation with the school's exports found the person gone (docs/IMPORTS.md "Synchronisation").</summary>
    public const string LeftSchool = "a quitté l’établissement";
}

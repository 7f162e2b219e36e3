namespace Ent77.Application.Administration.SchoolExports;

/// <summary>Why an exported person is a leaver rather than someone to create.</summary>
public enum LeavingReason
{
    /// <summary>A student whose <c>DATE_SORTIE</c> is set and not in the future.</summary>
    LeftSchool,

    /// <summary>A student in the division <c>Inactifs</c>.</summary>
    InactiveDivision,

    /// <summary>A legal guardian whose children have all left.</summary>
    NoChildInSchool,
}

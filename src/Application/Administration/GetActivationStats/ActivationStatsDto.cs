namespace Ent77.Application.Administration.GetActivationStats;

/// <summary>
/// Activation rates: overall, by profile, by class (the accounts of the class: its students), and
/// <see cref="ParentsByClass"/>: for each class, the parents linked to its students (« Parents de 6e A »), a parent of
/// children in two classes counted in both. Parents with children are not in <see cref="ByClass"/>'s « (sans classe) ».
/// </summary>
public sealed record ActivationStatsDto(ActivationRateDto Overall, IReadOnlyList<ActivationRateDto> ByProfile, IReadOnlyList<ActivationRateDto> ByClass)
{
    public IReadOnlyList<ActivationRateDto> ParentsByClass { get; init; } = [];
}

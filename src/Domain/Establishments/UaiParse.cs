namespace Ent77.Domain.Establishments;

public readonly record struct UaiParse(Uai? Uai, UaiProblem Problem);

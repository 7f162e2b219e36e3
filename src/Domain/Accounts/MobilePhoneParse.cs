namespace Ent77.Domain.Accounts;

public readonly record struct MobilePhoneParse(MobilePhone? Phone, MobilePhoneProblem Problem);

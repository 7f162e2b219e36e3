namespace Ent77.Application.Administration.GetActivationStats;

public sealed record ActivationRateDto(string Group, int Total, int Active, int Pending, int Blocked, int ExpiredCodes, double Rate);

namespace Ent77.Domain.Support;

public enum HelpRequestStatus
{
    Open,
    InProgress,
    Resolved,
    Rejected,
}

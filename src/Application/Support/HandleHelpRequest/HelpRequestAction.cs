namespace Ent77.Application.Support.HandleHelpRequest;

public enum HelpRequestAction
{
    Start,
    Resolve,
    Reject,
}

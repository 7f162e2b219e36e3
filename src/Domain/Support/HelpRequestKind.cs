namespace Ent77.Domain.Support;

public enum HelpRequestKind
{
    Activation,
    LostPassword,
    Other,
}

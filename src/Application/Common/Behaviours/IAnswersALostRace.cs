namespace Ent77.Application.Common.Behaviours;

/// <summary>
/// A command whose answer to a race it keeps losing is not a 409 but an ordinary answer of its own (sign-in and
/// activation: the generic failure, since a 409 could only happen to a known account and would reveal it).
/// </summary>
public interface IAnswersALostRace<out TResponse>
{
    TResponse LostRaceAnswer { get; }
}

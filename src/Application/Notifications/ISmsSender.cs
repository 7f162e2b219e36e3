namespace Ent77.Application.Notifications;

/// <summary>Sends a text message to a mobile number in E.164 form. Throws when the gateway refuses it.</summary>
public interface ISmsSender
{
    Task SendAsync(string e164, string text, CancellationToken cancellationToken);
}

using Ent77.Application.Notifications;

namespace Ent77.Infrastructure.Notifications;

/// <summary>Development sink: each SMS becomes a text file under the data folder (<c>sms/</c>).</summary>
public sealed class FileSmsSender(string directory) : ISmsSender
{
    public string Directory { get; } = directory;

    public async Task SendAsync(string e164, string text, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, $"To: {e164}{Environment.NewLine}{Environment.NewLine}{text}{Environment.NewLine}", cancellationToken);
    }
}

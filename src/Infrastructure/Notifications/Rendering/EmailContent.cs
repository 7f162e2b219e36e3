namespace Ent77.Infrastructure.Notifications.Rendering;

/// <summary>A rendered e-mail: subject, plain text and HTML (French, branded with <c>App:Name</c>).</summary>
public sealed record EmailContent(string Subject, string Text, string Html);

namespace Ent77.WebApi.OpenApi;

/// <summary>
/// An answer that may also be a file (<paramref name="ContentTypes"/>) instead of its JSON body: <see cref="CommonAnswers"/>
/// documents those media types, as binary, beside the JSON one.
/// </summary>
public sealed record AlsoAnswersFiles(int StatusCode, params string[] ContentTypes);

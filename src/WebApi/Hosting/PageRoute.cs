namespace Ent77.WebApi.Hosting;

/// <summary>A clean address, its template in <c>wwwroot</c>, and who may see it.</summary>
public sealed record PageRoute(string Path, string Template, PageAccess Access = PageAccess.Anyone);

using Hangfire;

namespace Ent77.WebApi.Security;

/// <summary>The Hangfire dashboard at <c>/hangfire</c>, for PlatformAdmin only (anonymous 401, anyone else 403).</summary>
public static class JobsDashboard
{
    public const string Path = "/hangfire";

    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder routes)
    {
        // Access is decided by the endpoint's authorization policy; the dashboard's own filters would only
        // allow local requests, so they are replaced by none.
        routes.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
            AppPath = "/",
            DashboardTitle = "ENT 77 — tâches",
        }).RequireAuthorization(Sessions.PlatformAdminPolicy);
        return routes;
    }
}

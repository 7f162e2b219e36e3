using System.Net;
using System.Net.Http.Json;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.FunctionalTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>The Hangfire dashboard at /hangfire: PlatformAdmin only.</summary>
public sealed class JobsDashboardTests : FunctionalTest
{
    [Fact]
    public async Task Anonymous401_Student403_PlatformAdmin200()
    {
        await Factory.EnsureEstablishmentAsync();
        var anonymous = Factory.CreateApiClient();
        var student = Factory.CreateApiClient();
        await Factory.CreateActiveAccountAsync(student);
        var admin = Factory.CreateApiClient();
        var issued = await Factory.WithScopeAsync(sp => sp.GetRequiredService<ISender>()
            .Send(new IssueAdministratorCommand(Ent77Factory.Uai, "Claire", "Martin", PlatformAdmin: true)).AsTask());
        (await admin.PostAsJsonAsync("/api/activation", Requests.Activation(issued.Identifier, issued.ActivationCode, email: "claire@example.fr"))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync("/hangfire")).StatusCode);
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("ENT 77 — tâches", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

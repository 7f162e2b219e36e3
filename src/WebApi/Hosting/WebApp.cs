using System.Text.Json.Serialization;
using Ent77.Application;
using Ent77.Application.Common;
using Ent77.Application.Common.Behaviours;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Infrastructure;
using Ent77.WebApi.Development;
using Ent77.WebApi.Endpoints;
using Ent77.WebApi.Errors;
using Ent77.WebApi.OpenApi;
using Ent77.WebApi.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

namespace Ent77.WebApi.Hosting;

/// <summary>How the service is put together: services first, then the request pipeline and the API table.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // The static assets of a build that is not published (tests, `dotnet run` outside Development): the build's
        // manifest maps them to wwwroot and their compressed copies. A published service has them in its wwwroot.
        builder.WebHost.UseStaticWebAssets();
        StartupChecks.EnsureProductionSettings(builder.Configuration, builder.Environment);
        AddServices(builder.Services, builder.Configuration, builder.Environment);
        var app = builder.Build();
        UsePipeline(app);
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<AccountRulesOptions>(options =>
        {
            options.LockoutMaxFailures = configuration.GetValue("Security:Lockout:MaxFailures", options.LockoutMaxFailures);
            options.LockoutDuration = configuration.GetValue("Security:Lockout:Duration", options.LockoutDuration);
            options.ActivationCodeValidity = configuration.GetValue("ActivationCodes:Validity", options.ActivationCodeValidity);
        });
        services.Configure<PasswordPolicyOptions>(configuration.GetSection("PasswordPolicy"));
        services.Configure<RecoveryOptions>(options =>
        {
            configuration.GetSection("PasswordReset").Bind(options);
            options.SmsEnabled = configuration.GetValue("Sms:Enabled", false);
        });

        services.AddApplication();
        services.AddInfrastructure(configuration, environment);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Ent77.Application.DependencyInjection).Assembly];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(Ent77.Application.Administration.Access.AccessBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(PasswordHashingBehaviour<,>),
            ];
        });

        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSessions();
        services.AddEnt77RateLimiting(configuration);
        services.AddApiDocument();
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = RequestSizeMiddleware.DefaultLimit);
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(options =>
        {
            // Behind the reverse proxy that ends TLS: trust X-Forwarded-For/-Proto from the proxies listed in
            // ForwardedHeaders:KnownProxies only (by default, none but loopback), so a client cannot forge its IP.
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.Section));
        services.AddSingleton<PageValues>();
        services.AddEnt77Compression();
        services.AddScoped<DemoSeeder>();
        services.AddHostedService<DatabaseStartup>();
        services.AddEnt77Metrics(configuration);
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<HeadRequestsMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => Problems.WriteStatusCodePageAsync(context.HttpContext));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseEnt77Compression();
        app.UseRouting();
        app.UseMiddleware<RequestSizeMiddleware>();
        app.UseMiddleware<RequireRequestedWithMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapAuth();
        app.MapAccount();
        app.MapRecovery();
        app.MapAdministration();
        app.MapHelpRequests();
        app.MapPublic();
        app.MapJobsDashboard();
        app.MapPages();

        app.MapEnt77Metrics(app.Configuration);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs", options => options.WithTitle("ENT 77 — API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
    }
}

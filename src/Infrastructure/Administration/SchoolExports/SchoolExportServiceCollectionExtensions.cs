using Ent77.Application.Administration.SchoolExports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.Infrastructure.Administration.SchoolExports;

public static class SchoolExportServiceCollectionExtensions
{
    /// <summary>The SIECLE / STS-Web reader, with its caps bound from <c>SchoolExports:*</c>.</summary>
    public static IServiceCollection AddSchoolExportReader(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SchoolExportOptions>(configuration.GetSection(SchoolExportOptions.Section));
        services.AddSingleton<ISchoolExportReader, XmlSchoolExportReader>();
        return services;
    }
}

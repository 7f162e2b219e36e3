using Ent77.Application.Accounts.Common;
using Ent77.Application.Common;
using Ent77.Domain.Accounts.Passwords;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers validators and the application services. The mediator itself (source-generated) is
    /// added by the host, which lists the pipeline behaviours.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("fr");
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        services.AddOptions<AccountRulesOptions>();
        services.AddSingleton(sp => new PasswordPolicy(
            sp.GetService<Microsoft.Extensions.Options.IOptions<PasswordPolicyOptions>>()?.Value ?? new PasswordPolicyOptions(),
            CommonPasswords.Default));
        services.AddSingleton<ActivationCodeIssuer>();
        services.AddScoped<IdentifierAllocator>();
        services.AddScoped<Administration.HomonymCheck>();
        services.AddScoped<Administration.FamilyDirectory>();
        services.AddScoped<AccountViewReader>();
        services.AddScoped<Administration.Access.AdministratorContext>();
        return services;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VinylVault.Core.Configuration;

/// <summary>Data-annotation validation whose messages name the configuration key ("Discogs:MaxRequestsPerMinute").</summary>
public static class ConfigurationKeyValidation
{
    public static OptionsBuilder<TOptions> ValidateDataAnnotationsByKey<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new KeyNamingValidator<TOptions>(builder.Name, section));
        return builder;
    }

    private sealed class KeyNamingValidator<TOptions>(string name, string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? optionsName, TOptions options)
        {
            if (optionsName != name)
            {
                return ValidateOptionsResult.Skip;
            }

            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }

            return ValidateOptionsResult.Fail(results.Select(result =>
                $"{section}:{string.Join(", ", result.MemberNames)}: {result.ErrorMessage}"));
        }
    }
}

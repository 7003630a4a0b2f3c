using Microsoft.Extensions.Options;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

/// <summary>
/// Auth:ApiKey must have at least 32 characters (start-up fails otherwise); one that is long but plainly not random
/// (few distinct characters, like "password" four times) still starts, with a warning at start-up.
/// </summary>
internal sealed class BootstrapKeyCheck(IOptions<AuthOptions> options, ILogger<BootstrapKeyCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ApiKey is { Length: > 0 } key && !LooksRandom(key))
        {
            logger.LogWarning("Auth:ApiKey looks guessable ({Distinct} different characters): anyone who guesses it controls this vault. " +
                "Use a random key, for example the output of 'openssl rand -base64 32'", key.Distinct().Count());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A random key of 32 characters from base64 or hex has well over 16 distinct characters; words repeated do not.
    internal static bool LooksRandom(string key) => key.Distinct().Count() >= AuthOptions.MinApiKeyLength / 2;
}

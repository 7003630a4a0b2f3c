using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Configuration;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Security;

public static class SecurityRegistration
{
    public const string KeysDirectoryName = "keys";

    /// <summary>
    /// Data Protection with its key ring under Storage:DataDirectory/keys (owner-only), the owner account, API keys,
    /// and the encrypted Discogs credential store. Call after AddStorage: it stores configured credentials at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotationsByKey(AuthOptions.Section)
            .ValidateOnStart();
        builder.Services.AddDataProtection().SetApplicationName("VinylVault");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<VaultDatabase, ILoggerFactory>((o, database, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(OwnerOnlyDirectory(Path.Combine(database.DataDirectory, KeysDirectoryName)), logs));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IPasswordHasher<OwnerAccount>, PasswordHasher<OwnerAccount>>();
        builder.Services.AddSingleton<OwnerAccounts>();
        builder.Services.AddSingleton<ApiKeys>();

        // The client stack reads the account through IDiscogsAccount; this store takes over from the configuration
        // default whether AddDiscogs ran before (Replace) or runs after (its TryAdd sees this one).
        builder.Services.AddSingleton<DiscogsCredentialStore>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IDiscogsAccount>(s => s.GetRequiredService<DiscogsCredentialStore>()));
        builder.Services.AddHostedService<DiscogsCredentialStartup>();
        return builder;
    }

    // Data Protection writes each key file readable by its owner only; the directory gets the same treatment, so
    // nobody else on the machine can even list the ring.
    private static DirectoryInfo OwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var directory = Directory.CreateDirectory(path, OwnerOnly);
        File.SetUnixFileMode(path, OwnerOnly);
        return directory;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace VinylVault.Core.Exports;

public static class ExportRegistration
{
    /// <summary>The CSV and JSON exports of the collection, and the wantlist CSV. Needs AddStorage().</summary>
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CollectionCsvExport>();
        builder.Services.AddSingleton<CollectionJsonExport>();
        builder.Services.AddSingleton<WantlistCsvExport>();
        return builder;
    }
}

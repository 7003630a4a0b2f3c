using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace VinylVault.Core.Collection.Storage;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
internal sealed class DesignTimeVaultDbContextFactory : IDesignTimeDbContextFactory<VaultDbContext>
{
    public VaultDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<VaultDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Outbox;
using VinylVault.Core.Covers;
using VinylVault.Core.Sync;
using VinylVault.Core.Sync.Removal;
using VinylVault.Core.Wantlist;
using VinylVault.Core.Value;

namespace VinylVault.Core.Collection.Storage;

/// <summary>The local database. Entity configurations live next to their entities and are found by assembly scan.</summary>
public sealed class VaultDbContext(DbContextOptions<VaultDbContext> options) : DbContext(options)
{
    public DbSet<Release> Releases => Set<Release>();
    public DbSet<Artist> Artists => Set<Artist>();
    public DbSet<ReleaseArtist> ReleaseArtists => Set<ReleaseArtist>();
    public DbSet<Label> Labels => Set<Label>();
    public DbSet<ReleaseLabel> ReleaseLabels => Set<ReleaseLabel>();
    public DbSet<ReleaseFormat> ReleaseFormats => Set<ReleaseFormat>();
    public DbSet<ReleaseGenre> ReleaseGenres => Set<ReleaseGenre>();
    public DbSet<ReleaseStyle> ReleaseStyles => Set<ReleaseStyle>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<ReleaseImage> ReleaseImages => Set<ReleaseImage>();
    public DbSet<CollectionInstance> Instances => Set<CollectionInstance>();
    public DbSet<InstanceNote> InstanceNotes => Set<InstanceNote>();
    public DbSet<Folder> Folders => Set<Folder>();
    public DbSet<CustomField> CustomFields => Set<CustomField>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<HeldCopy> HeldCopies => Set<HeldCopy>();
    public DbSet<HeldWant> HeldWants => Set<HeldWant>();
    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();
    public DbSet<CoverFile> CoverFiles => Set<CoverFile>();
    public DbSet<WantedRelease> Wants => Set<WantedRelease>();
    public DbSet<ReleaseIdentifier> ReleaseIdentifiers => Set<ReleaseIdentifier>();
    public DbSet<ValueSnapshot> ValueSnapshots => Set<ValueSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VaultDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time zones: every DateTime is stored as UTC and read back with Kind=Utc.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

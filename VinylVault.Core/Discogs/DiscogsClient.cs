namespace VinylVault.Core.Discogs;

/// <summary>
/// What the rest of VinylVault asks of Discogs in its own words: a connection test, a search, the account's name.
/// The sync reads pages, folders and releases from <see cref="IDiscogsApi"/> itself. Everything goes through the one
/// rate limiter; failures are <see cref="DiscogsApiException"/> subtypes.
/// </summary>
public sealed class DiscogsClient(IDiscogsApi api, IDiscogsAccount account)
{
    private string? _username;

    /// <summary>One identity call: whether Discogs is reachable and accepts the token, in words for the user.</summary>
    public async Task<(bool Online, string Message)> TestConnectionAsync(CancellationToken cancellationToken)
    {
        using var lane = DiscogsLane.Interactive();
        try
        {
            var identity = await api.GetIdentityAsync(cancellationToken);
            _username = identity.Username;
            return (true, $"Connected as {identity.Username}");
        }
        catch (DiscogsAuthenticationException)
        {
            return (false, "Discogs rejected the token");
        }
        catch (DiscogsConnectionException exception)
        {
            return (false, exception.Message);
        }
        catch (DiscogsApiException exception)
        {
            return (false, $"Discogs unreachable: {exception.Message}");
        }
    }

    /// <summary>Releases matching <paramref name="query"/>, at most <paramref name="limit"/> (Discogs allows 1 to 100).</summary>
    /// <remarks>A person waits for the answer: the interactive lane, as for the account checks.</remarks>
    public async Task<SearchResults> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        using var lane = DiscogsLane.Interactive();
        return await api.SearchAsync(query, "release", limit, cancellationToken);
    }

    /// <summary>
    /// Releases carrying a barcode or catalogue number, at most <paramref name="limit"/>. Discogs' barcode search is
    /// inconsistent (it matches the barcode as a contributor entered it): the digits alone first, then the form as given.
    /// </summary>
    public async Task<SearchResults> SearchPrintedAsync(string? barcode, string? catno, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        using var lane = DiscogsLane.Interactive();
        if (string.IsNullOrWhiteSpace(barcode))
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(catno);
            return await api.SearchPrintedAsync(null, catno.Trim(), "release", limit, cancellationToken);
        }

        var printed = barcode.Trim();
        var digits = new string([.. printed.Where(char.IsAsciiDigit)]);
        var results = await api.SearchPrintedAsync(digits, catno, "release", limit, cancellationToken);
        return results.Results.Count > 0 || printed == digits
            ? results
            : await api.SearchPrintedAsync(printed, catno, "release", limit, cancellationToken);
    }

    /// <summary>The token's owner: an account check, in the interactive lane.</summary>
    public async Task<DiscogsIdentity> GetIdentityAsync(CancellationToken cancellationToken)
    {
        using var lane = DiscogsLane.Interactive();
        return await api.GetIdentityAsync(cancellationToken);
    }

    /// <summary>The configured username, else the token's owner (asked once per client instance).</summary>
    public async Task<string> GetUsernameAsync(CancellationToken cancellationToken) =>
        account.Username ?? _username ?? (_username = (await api.GetIdentityAsync(cancellationToken)).Username);
}

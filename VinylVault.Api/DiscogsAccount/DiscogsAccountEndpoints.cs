using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using VinylVault.Core.Discogs;
using VinylVault.Core.Security;

namespace VinylVault.Api.DiscogsAccount;

/// <summary>The Discogs account as the API shows it: never the token.</summary>
public sealed record DiscogsAccountView(string? Username, bool Connected, bool Online, string? Message);

public sealed class DiscogsAccountRequest
{
    [Required(AllowEmptyStrings = false, ErrorMessage = "username is required.")]
    [StringLength(100, ErrorMessage = "username must be at most 100 characters.")]
    public string? Username { get; init; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "token is required.")]
    [StringLength(200, ErrorMessage = "token must be at most 200 characters.")]
    public string? Token { get; init; }
}

/// <summary>GET/PUT/DELETE /api/account/discogs: the account the sync uses. A token is saved only after Discogs accepts it.</summary>
public static class DiscogsAccountEndpoints
{
    public static RouteGroupBuilder MapDiscogsAccountEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/account/discogs").WithTags("Discogs account");
        group.MapGet("/", Get);
        group.MapPut("/", Put);
        group.MapDelete("/", Delete);
        return api;
    }

    private static async Task<Ok<DiscogsAccountView>> Get(DiscogsCredentialStore store, DiscogsConnectivity connectivity, CancellationToken cancellationToken)
    {
        if (!store.HasAccount)
        {
            return TypedResults.Ok(new DiscogsAccountView(null, false, false, "No Discogs account is set up."));
        }

        var reachability = await connectivity.CheckAsync(cancellationToken);
        return TypedResults.Ok(new DiscogsAccountView(store.Username, true, reachability.Online, reachability.Problem));
    }

    private static async Task<Results<Ok<DiscogsAccountView>, ProblemHttpResult>> Put(
        DiscogsAccountRequest request, DiscogsCredentialStore store, DiscogsConnectivity connectivity, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var (username, token) = (request.Username!.Trim(), request.Token!.Trim());
        DiscogsIdentity identity;
        try
        {
            using (store.Try(username, token))
            {
                identity = await services.GetRequiredService<DiscogsClient>().GetIdentityAsync(cancellationToken);
            }
        }
        catch (DiscogsAuthenticationException ex)
        {
            connectivity.Reset();
            return Problem(StatusCodes.Status400BadRequest, "Discogs rejected the token.", $"Nothing was saved. Discogs said: {ex.Message}");
        }
        catch (DiscogsApiException ex)
        {
            connectivity.Reset();
            return Problem(StatusCodes.Status503ServiceUnavailable, "Discogs is unreachable.", $"Nothing was saved: {ex.Message}");
        }

        if (!string.Equals(identity.Username, username, StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status400BadRequest, "The token belongs to another Discogs user.",
                $"The token is Discogs user '{identity.Username}''s, not '{username}''s. Nothing was saved.");
        }

        await store.SaveAsync(identity.Username, token, baseUrl: null, cancellationToken);
        return TypedResults.Ok(new DiscogsAccountView(identity.Username, true, true, null));
    }

    private static async Task<NoContent> Delete(DiscogsCredentialStore store, DiscogsConnectivity connectivity, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(cancellationToken);
        connectivity.Reset();
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

public sealed record ApiKeyView(int Id, string Name, string Prefix, DateTime CreatedAt);

public sealed record ApiKeyList(IReadOnlyList<ApiKeyView> Items);

/// <summary>The new key itself is in <see cref="Key"/>, and only in this one answer.</summary>
public sealed record CreatedApiKey(int Id, string Name, string Prefix, DateTime CreatedAt, string Key);

public sealed class CreateApiKeyRequest
{
    [Required(AllowEmptyStrings = false, ErrorMessage = "name is required.")]
    [StringLength(ApiKeys.MaxNameLength, ErrorMessage = "name must be at most 100 characters.")]
    public string? Name { get; init; }
}

/// <summary>API keys for scripts, managed by the owner (or the bootstrap key); an issued key cannot mint others.</summary>
public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/keys").WithTags("API keys").RequireAuthorization(VaultAuth.ManageKeysPolicy);
        group.MapGet("/", List)
            .WithSummary("API keys")
            .WithDescription("The keys for scripts: id, name, prefix and creation time; never a key itself. 403 for a key that may not manage keys.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", Create)
            .WithSummary("Create an API key")
            .WithDescription("Creates a key for scripts; the answer (201) is the only time the key is shown. 400 names a bad name; 403 for a key that may not manage keys.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id:int}", Revoke)
            .WithSummary("Revoke an API key")
            .WithDescription("Revokes the key at once. 404 when there is no such key; 403 for a key that may not manage keys.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Ok<ApiKeyList>> List(ApiKeys keys, CancellationToken cancellationToken)
    {
        var list = await keys.ListAsync(cancellationToken);
        return TypedResults.Ok(new ApiKeyList([.. list.Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.CreatedAt))]));
    }

    private static async Task<Created<CreatedApiKey>> Create(CreateApiKeyRequest request, ApiKeys keys, CancellationToken cancellationToken)
    {
        var (key, secret) = await keys.CreateAsync(request.Name!, cancellationToken);
        return TypedResults.Created((string?)null, new CreatedApiKey(key.Id, key.Name, key.Prefix, key.CreatedAt, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(int id, ApiKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API key.", detail: $"There is no API key with id {id}.");
}

using System.Net;
using System.Text.Json;

namespace VinylVault.Tests.Api;

/// <summary>Assertions on answers as a script sees them: status, content type, and JSON read field by field.</summary>
public static class ApiAssert
{
    /// <summary>Asserts an RFC 7807 answer with the given status and a trace id, and no trace of a stack; returns its JSON.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("trace_id").GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        return json;
    }

    /// <summary>Asserts a 400 whose validation errors name <paramref name="parameter"/>.</summary>
    public static async Task ValidationProblemAsync(HttpResponseMessage response, string parameter)
    {
        var json = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = json.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var messages), $"No error for '{parameter}' in {errors}");
        Assert.NotEmpty(messages.EnumerateArray().Select(m => m.GetString()));
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Asserts the object has exactly these property names (the contract's, in snake_case), in any order.</summary>
    public static void HasFields(JsonElement json, params string[] names)
    {
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        var actual = json.EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(names.Order().ToArray(), actual);
    }
}

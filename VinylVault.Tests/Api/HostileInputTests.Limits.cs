using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace VinylVault.Tests.Api;

/// <summary>Bodies that are huge, deeply nested, not UTF-8, or sent a byte a second: a 4xx each, never a 5xx.</summary>
public sealed partial class HostileInputTests
{
    private static readonly (HttpMethod Method, string Path)[] JsonRoutes =
    [
        (HttpMethod.Post, "/api/sync/start"), (HttpMethod.Post, "/api/keys"), (HttpMethod.Put, "/api/account/discogs"),
        (HttpMethod.Post, "/api/sync/confirm-removal"),
    ];

    [Fact]
    public async Task Ten_megabyte_bodies_are_refused_before_they_are_read()
    {
        using var client = vault.App.CreateKeyClient();
        var tenMegabytes = new byte[10 * 1024 * 1024];
        Array.Fill(tenMegabytes, (byte)'x');
        foreach (var (method, path) in JsonRoutes)
        {
            // As curl sends a large body: Expect: 100-continue, so the refusal is read before the body is sent (without
            // it the server answers the same 413, then closes the connection on the rest of the body).
            using var request = new HttpRequestMessage(method, path) { Content = Json(tenMegabytes) };
            request.Headers.ExpectContinue = true;
            using var response = await client.SendAsync(request);
            if (path.EndsWith("confirm-removal", StringComparison.Ordinal))
            {
                await AssertNotAServerErrorAsync(response, $"{method} {path} 10 MB"); // takes no body, so never reads it
                continue;
            }

            // /api's RequestSizeLimit (64 KiB, HttpApi.MaxRequestBodyBytes) answers from Content-Length alone.
            await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }

        // Outside /api, a sign-in form of 10 MB: the form reader's limits refuse it.
        using var anonymous = vault.App.CreateAnonymousClient();
        anonymous.DefaultRequestHeaders.ExpectContinue = true;
        using var form = await VaultApp.PostFormAsync(anonymous, "/auth/signin", new() { ["user_name"] = "alice", ["password"] = new string('p', 10 * 1024 * 1024) });
        Assert.True(form.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError or HttpStatusCode.Redirect, $"10 MB sign-in form: {form.StatusCode}");
    }

    [Fact]
    public async Task Json_nested_ten_thousand_deep_and_invalid_utf8_are_bad_requests()
    {
        using var client = vault.App.CreateKeyClient();
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var bodies = new[]
        {
            Encoding.UTF8.GetBytes(deep),
            Encoding.UTF8.GetBytes("{\"force_full\": " + deep + "}"),
            Encoding.UTF8.GetBytes("{\"name\": " + new string('{', 5_000).Replace("{", "{\"a\":", StringComparison.Ordinal) + "1" + new string('}', 5_001)),
            [.. "{\"name\": \""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8],
            [.. "{\"username\": \"a"u8, 0xED, 0xA0, 0x80, .. "\", \"token\": \"b\"}"u8],
            [0xFF, 0xFE, 0x00, 0x7B, 0x00, 0x7D],
        };
        foreach (var (method, path) in JsonRoutes)
        {
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(method, path) { Content = Json(body) };
                using var response = await client.SendAsync(request);
                await AssertNotAServerErrorAsync(response, $"{method} {path} {Encoding.Latin1.GetString(body.AsSpan(0, Math.Min(40, body.Length)))}");
            }
        }

        foreach (var path in new[] { "/api/collection?q=%C3%28%FF", "/api/search?q=%ED%A0%80", "/api/releases/%FF%FE", "/api/collection?genre=%C0%AF" })
        {
            using var response = await client.GetAsync(path);
            await AssertNotAServerErrorAsync(response, $"GET {path}");
        }

        await IdleAsync();
    }

    [Fact]
    public async Task A_client_sending_one_byte_a_second_is_cut_off_with_a_408()
    {
        // Kestrel's MinRequestBodyDataRate (240 bytes/s after a 5 s grace period, the default) answers: the request
        // gets 408 and the connection is closed, so a slow client cannot hold a connection (or a thread) for long.
        using var socket = new TcpClient();
        await socket.ConnectAsync(vault.App.Address.Host, vault.App.Address.Port);
        var stream = socket.GetStream();
        var head = $"POST /api/sync/start HTTP/1.1\r\nHost: {vault.App.Address.Authority}\r\nAuthorization: Bearer {VaultApp.BootstrapKey}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var clock = Stopwatch.StartNew();
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        var reading = stream.ReadAsync(buffer).AsTask();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !reading.IsCompleted)
        {
            try
            {
                await stream.WriteAsync(" "u8.ToArray()); // whitespace: a JSON body that is never wrong, only never done
            }
            catch (IOException)
            {
                break; // the server closed the connection
            }

            await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        var read = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the slow client was held {clock.Elapsed.TotalSeconds:0} s");
        Assert.StartsWith("HTTP/1.1 408", answer.ToString(), StringComparison.Ordinal);
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}

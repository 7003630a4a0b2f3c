using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using VinylVault.Core.Security;

namespace VinylVault.Api.Http;

/// <summary>
/// Who is asking, and under which name. X-Forwarded-For/-Proto/-Host are believed only from Auth:KnownProxies; then
/// the Host must be a name this app answers to on a home network (localhost, an IP address, this machine's name,
/// *.local, *.lan, *.home.arpa, or Auth:AllowedHosts), else 400 before anything else runs. That stops DNS rebinding:
/// a page on attacker.example whose name later resolves to the Pi still sends "Host: attacker.example".
/// </summary>
public static class TrustedHosts
{
    private static readonly string[] HomeSuffixes = [".local", ".lan", ".home.arpa", ".localhost"];

    public static WebApplicationBuilder AddTrustedHosts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults trust loopback; here only what the owner names is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in auth.Value.KnownProxyNetworks())
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddSingleton<HostRule>();
        return builder;
    }

    /// <summary>First in the pipeline.</summary>
    public static WebApplication UseTrustedHosts(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var rule = app.Services.GetRequiredService<HostRule>();
        app.Use(async (context, next) =>
        {
            if (!rule.Allows(context.Request.Host))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "Unknown host name.",
                        Detail = "This VinylVault does not answer to that host name. Behind a reverse proxy or under a DNS name of your own, add it to Auth:AllowedHosts.",
                    },
                });
                return;
            }

            await next(context);
        });
        return app;
    }

    internal sealed class HostRule(IOptions<AuthOptions> options)
    {
        private readonly string[] _configured = [.. options.Value.AllowedHostNames()];
        private readonly string _machine = Dns.GetHostName().TrimEnd('.').ToLowerInvariant();

        public bool Allows(HostString host)
        {
            var name = host.HasValue ? host.Host.TrimEnd('.').ToLowerInvariant() : "";
            if (name.Length == 0)
            {
                return false;
            }

            if (name == "localhost" || name == _machine || name == _machine.Split('.')[0] ||
                IPAddress.TryParse(name.Trim('[', ']'), out _) || HomeSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
            {
                return true;
            }

            return _configured.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
                ? name.EndsWith(pattern[1..], StringComparison.Ordinal)
                : name == pattern);
        }
    }
}

using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Trygghet.Api.Infrastructure;

public static class Roles
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string Moderator = "moderator";
    public const string Actor = "actor";

    public static readonly string[] All = [Admin, Staff, Moderator, Actor];
}

/// <summary>The roles an endpoint admits; read by the authorization policy and by the OpenAPI document.</summary>
public sealed record RolesMetadata(IReadOnlyList<string> Roles);

public sealed class AuthOptions
{
    /// <summary>OIDC issuer (e.g. https://login.example.se/realms/stockholm). Production validates tokens against its keys.</summary>
    public string? Authority { get; set; }

    public string Audience { get; set; } = "trygghet-api";

    /// <summary>The app's OIDC client id at the provider (public client, authorization code with PKCE).</summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes the app asks the provider for.</summary>
    public string Scope { get; set; } = "openid profile";

    /// <summary>Development only: the symmetric key that signs tokens from <c>POST /api/v1/dev/token</c>.</summary>
    public string DevelopmentSigningKey { get; set; } = "trygghet-development-signing-key-not-for-production-use";

    public const string DevelopmentIssuer = "trygghet-development";
    public const string ActorIdClaim = "actor_id";
}

public static class AuthSetup
{
    public static IServiceCollection AddTrygghetAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = Settings.Read<AuthOptions>(configuration, "Auth");
        services.AddSettings<AuthOptions>(configuration, "Auth", SettingsRules.Auth, registerValue: false);
        services.AddSingleton(options);
        // No default scheme: only endpoints that require a role read the bearer token, so public reads pay nothing for it.
        services
            .AddAuthentication()
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.Audience = options.Audience;
                jwt.TokenValidationParameters.RoleClaimType = "role";
                jwt.TokenValidationParameters.NameClaimType = "sub";
                jwt.TokenValidationParameters.ValidAudience = options.Audience;
                if (environment.IsDevelopment() && string.IsNullOrEmpty(options.Authority))
                {
                    jwt.TokenValidationParameters.ValidIssuer = AuthOptions.DevelopmentIssuer;
                    jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentKey(options);
                }
                else
                {
                    jwt.Authority = options.Authority
                        ?? throw new InvalidOperationException("Auth__Authority must name the OIDC issuer outside Development.");
                    jwt.RequireHttpsMetadata = !environment.IsDevelopment();
                }
            });
        services.AddAuthorization();
        return services;
    }

    public static SymmetricSecurityKey DevelopmentKey(AuthOptions options) =>
        new(SHA256(options.DevelopmentSigningKey));

    private static byte[] SHA256(string text) => System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>Admits the given roles only; the roles also appear in the OpenAPI document.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireRole(roles))
            .WithMetadata(new RolesMetadata(roles));

    public static string IssueDevelopmentToken(AuthOptions options, string role, Guid? actorId, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = $"dev-{role}",
            ["role"] = role,
        };
        if (actorId is { } id) claims[AuthOptions.ActorIdClaim] = id.ToString();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.DevelopmentIssuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddHours(12).UtcDateTime,
            SigningCredentials = new SigningCredentials(DevelopmentKey(options), SecurityAlgorithms.HmacSha256),
        });
    }

    public static string Subject(this ClaimsPrincipal user) => user.FindFirstValue("sub") ?? "unknown";

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue("role");
}

public static class ActorClaims
{
    /// <summary>The actor an <c>actor</c> token speaks for; 403 without one.</summary>
    public static Guid RequireActorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AuthOptions.ActorIdClaim), out var id) ? id : throw new ForbiddenException(CommonTexts.NoActorId);
}

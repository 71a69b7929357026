using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Dev;

/// <summary>Role of a development token.</summary>
public enum DevRole
{
    Admin,
    Staff,
    Moderator,
    Actor,
}

/// <summary>What the development token should say.</summary>
/// <param name="Role">The role the token carries.</param>
/// <param name="ActorId">For the actor role: the actor the token speaks for.</param>
public sealed record DevTokenRequest(DevRole Role, Guid? ActorId = null);

/// <summary>A bearer token signed with the local development key.</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
public sealed record DevToken(string AccessToken, DateTimeOffset ExpiresAt);

public sealed class DevTokenRequestValidator : AbstractValidator<DevTokenRequest>
{
    public DevTokenRequestValidator()
    {
        RuleFor(r => r.Role).IsInEnum();
        RuleFor(r => r.ActorId).NotEqual(Guid.Empty);
    }
}

/// <summary>Development only: the route does not exist in any other environment.</summary>
public static class DevTokenEndpoints
{
    public static void MapDevToken(this IEndpointRouteBuilder api)
    {
        api.MapPost("/dev/token", CreateDevToken)
            .WithName(nameof(CreateDevToken))
            .WithTags("Development")
            .WithSummary("Development only: a bearer token for a role, signed with the local development key.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest);
    }

    public static async Task<Ok<DevToken>> CreateDevToken(DevTokenRequest request, IValidator<DevTokenRequest> validator, AuthOptions options,
        CancellationToken ct)
    {
        // The bearer handler checks lifetimes against the system clock, so tokens are issued on it too.
        var clock = TimeProvider.System;
        await validator.ValidateAndThrowAsync(request, ct);
        var role = request.Role.ToString().ToLowerInvariant();
        var token = AuthSetup.IssueDevelopmentToken(options, role, request.ActorId, clock);
        return TypedResults.Ok(new DevToken(token, clock.GetUtcNow().AddHours(12)));
    }
}

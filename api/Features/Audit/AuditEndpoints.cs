using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder api) =>
        api.MapGet("/audit", ListAuditLog).WithName(nameof(ListAuditLog)).WithTags("Audit")
            .WithSummary("The audit log of staff actions, newest first.")
            .RequireRoles(Roles.Admin)
            .ProducesProblems(StatusCodes.Status400BadRequest);

    /// <param name="entityType">Only entries about this kind of resource, e.g. <c>event</c>.</param>
    /// <param name="entityId">Only entries about this resource.</param>
    public static async Task<Ok<Page<AuditEntry>>> ListAuditLog(string? entityType, string? entityId, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAuditLogQuery(entityType, entityId, limit, cursor), ct));
}

using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

/// <summary>New population figure of an area.</summary>
/// <param name="Population" example="11940">Number of inhabitants.</param>
/// <param name="Year" example="2025">Year the figure refers to.</param>
public sealed record AreaPopulationUpdate(int Population, int Year);

public sealed record UpdateAreaPopulationCommand(string Slug, int ExpectedVersion, int Population, int Year) : ICommand<AreaDetail>;

public sealed class UpdateAreaPopulationValidator : AbstractValidator<UpdateAreaPopulationCommand>
{
    public UpdateAreaPopulationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Slug).AreaSlug();
        RuleFor(c => c.Population).InclusiveBetween(0, 10_000_000);
        RuleFor(c => c.Year).InclusiveBetween(1900, clock.GetUtcNow().Year + 1);
    }
}

public sealed class UpdateAreaPopulationHandler(DbSession db, AuditLog audit, TimeProvider clock, IMediator mediator)
    : ICommandHandler<UpdateAreaPopulationCommand, AreaDetail>
{
    public async ValueTask<AreaDetail> Handle(UpdateAreaPopulationCommand command, CancellationToken ct)
    {
        var updated = await db.ExecuteAsync("""
            update area
            set population = @Population, population_year = @Year, version = version + 1, updated_at = @Now
            where slug = @Slug and version = @ExpectedVersion
            """, new { command.Slug, command.Population, command.Year, command.ExpectedVersion, Now = clock.GetUtcNow() }, ct);
        if (updated == 0)
        {
            var exists = await db.QuerySingleOrDefaultAsync<bool>("select true from area where slug = @Slug", command, ct);
            throw exists ? new PreconditionFailedException(CommonTexts.Stale) : new NotFoundException(AreaTexts.NotFound, command.Slug);
        }
        await audit.WriteAsync("area.population.update", "area", command.Slug, new { command.Population, command.Year }, ct);
        return await mediator.Send(new GetAreaQuery(command.Slug), ct);
    }
}

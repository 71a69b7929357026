using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

/// <summary>The neighbourhood (stadsdel) containing a WGS84 point.</summary>
public sealed record LocateAreaQuery(double? Lat, double? Lon) : IQuery<AreaRef>;

public sealed class LocateAreaValidator : AbstractValidator<LocateAreaQuery>
{
    public LocateAreaValidator()
    {
        RuleFor(q => q.Lat).NotNull().InclusiveBetween(-90, 90);
        RuleFor(q => q.Lon).NotNull().InclusiveBetween(-180, 180);
    }
}

public sealed class LocateAreaHandler(AreaLocator locator) : IQueryHandler<LocateAreaQuery, AreaRef>
{
    public async ValueTask<AreaRef> Handle(LocateAreaQuery query, CancellationToken ct) =>
        await locator.LocateAsync(query.Lat!.Value, query.Lon!.Value, ct)
        ?? throw new NotFoundException(AreaTexts.OutsideDistrict);
}

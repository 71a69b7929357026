using System.Text.Json;
using FluentValidation;
using Trygghet.Api.Features.Areas;

namespace Trygghet.Api.Features.Events;

/// <summary>The rules of a planned event, shared by create and edit.</summary>
public sealed class EventInputValidator : AbstractValidator<EventInput>
{
    /// <summary>The most points a drawn route may have: a walk of a few kilometres needs far fewer.</summary>
    public const int MaxRoutePoints = 500;

    public EventInputValidator(AreaLocator locator)
    {
        RuleFor(e => e.Kind).IsInEnum();
        RuleFor(e => e.Title).NotEmpty().MaximumLength(200);
        RuleFor(e => e.AreaSlug).AreaSlug();
        RuleFor(e => e.Format).IsInEnum();
        RuleFor(e => e.ParticipationLevel).IsInEnum();
        RuleFor(e => e.EndsAt).GreaterThan(e => e.StartsAt).WithMessage(_ => EventTexts.EndsAfterStart.Format());
        RuleFor(e => e.EndsAt).Must((e, end) => end - e.StartsAt <= TimeSpan.FromHours(24))
            .WithMessage(_ => EventTexts.LastsAtMostADay.Format());
        RuleFor(e => e.Slug!).Matches("^[a-z0-9]+(-[a-z0-9]+)*$").MaximumLength(100).When(e => e.Slug is not null);
        RuleFor(e => e.Description).MaximumLength(10_000);
        RuleFor(e => e.Problem).MaximumLength(4_000);
        RuleFor(e => e.Place).MaximumLength(500);
        RuleFor(e => e.Method).MaximumLength(500);
        RuleFor(e => e.RemoteUrl!).MaximumLength(2_000)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            .WithMessage(_ => EventTexts.RemoteLinkHttps.Format())
            .When(e => !string.IsNullOrEmpty(e.RemoteUrl));
        RuleFor(e => e.CapacityOnSite).InclusiveBetween(0, 100_000);
        RuleFor(e => e.CapacityRemote).InclusiveBetween(0, 100_000);
        RuleFor(e => e.RegistrationDeadline).LessThanOrEqualTo(e => e.EndsAt).WithMessage(_ => EventTexts.DeadlineBeforeEnd.Format()).When(e => e.RegistrationDeadline is not null);
        RuleFor(e => e.Agenda).Must(a => a is null || a.Count <= 50).WithMessage(_ => EventTexts.AgendaAtMost.Format(50));
        RuleForEach(e => e.Agenda).ChildRules(item =>
        {
            item.RuleFor(i => i.Title).NotEmpty().MaximumLength(300);
            item.RuleFor(i => i.Minutes).InclusiveBetween(1, 600);
        });
        RuleFor(e => e.Venue!).ChildRules(venue =>
        {
            venue.RuleFor(v => v.Name).MaximumLength(200);
            venue.RuleFor(v => v.Address).MaximumLength(500);
            venue.RuleFor(v => v.AccessibilityNotes).MaximumLength(2_000);
            venue.RuleFor(v => v.Lat).InclusiveBetween(-90, 90);
            venue.RuleFor(v => v.Lon).InclusiveBetween(-180, 180);
            venue.RuleFor(v => v.Lon).NotNull().When(v => v.Lat is not null);
            venue.RuleFor(v => v.Lat).NotNull().When(v => v.Lon is not null);
        }).When(e => e.Venue is not null);
        RuleFor(e => e.Walk).Null().When(e => e.Kind == EventKind.Dialogue)
            .WithMessage(_ => EventTexts.WalkDetailsOnlyForWalks.Format());
        RuleFor(e => e.Walk).NotNull().When(e => e.Kind == EventKind.Walk);
        RuleFor(e => e.Walk!).ChildRules(walk =>
        {
            walk.RuleFor(w => w.MeetingPoint).NotEmpty().MaximumLength(500);
            walk.RuleFor(w => w.LightCondition).NotNull().IsInEnum();
            walk.RuleFor(w => w.MeetingLat).InclusiveBetween(-90, 90);
            walk.RuleFor(w => w.MeetingLon).InclusiveBetween(-180, 180);
            walk.RuleFor(w => w.Route).Must(r => r is null || IsLineString(r.Value))
                .WithMessage(_ => EventTexts.RouteLineString.Format())
                .DependentRules(() =>
                {
                    walk.RuleFor(w => w.Route).Must(r => r is null || r.Value.GetProperty("coordinates").GetArrayLength() <= MaxRoutePoints)
                        .WithMessage(_ => EventTexts.RouteAtMost.Format(MaxRoutePoints))
                        .DependentRules(() => walk.RuleFor(w => w.Route).CustomAsync(async (r, context, ct) =>
                        {
                            if (r is not null && await OutsideDistrictAsync(locator, r.Value, ct) is { } n)
                                context.AddFailure(EventTexts.RouteOutsideDistrict.Format(n));
                        }));
                });
            // The meeting point lies in the district, as the route does; checked once both coordinates are in range.
            walk.RuleFor(w => w.MeetingLat)
                .MustAsync(async (w, _, ct) => await locator.LocateAsync(w.MeetingLat!.Value, w.MeetingLon!.Value, ct) is not null)
                .WithMessage(_ => EventTexts.MeetingOutsideDistrict.Format())
                .When(w => w.MeetingLat is >= -90 and <= 90 && w.MeetingLon is >= -180 and <= 180);
        }).When(e => e.Walk is not null);
    }

    /// <summary>The number (from 1) of the first route point that no neighbourhood of the district holds, or null.</summary>
    private static async ValueTask<int?> OutsideDistrictAsync(AreaLocator locator, JsonElement lineString, CancellationToken ct)
    {
        var n = 0;
        foreach (var position in lineString.GetProperty("coordinates").EnumerateArray())
        {
            n++;
            if (await locator.LocateAsync(position[1].GetDouble(), position[0].GetDouble(), ct) is null) return n;
        }
        return null;
    }

    /// <summary>RFC 7946 LineString: at least two positions, each [lon, lat(, alt)] within range.</summary>
    public static bool IsLineString(JsonElement geometry)
    {
        if (geometry.ValueKind != JsonValueKind.Object
            || !geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "LineString"
            || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array
            || coordinates.GetArrayLength() is < 2 or > 10_000)
            return false;
        foreach (var position in coordinates.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3) return false;
            var values = position.EnumerateArray().ToList();
            if (values.Any(v => v.ValueKind != JsonValueKind.Number)) return false;
            if (Math.Abs(values[0].GetDouble()) > 180 || Math.Abs(values[1].GetDouble()) > 90) return false;
        }
        return true;
    }
}

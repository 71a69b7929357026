using Trygghet.Client;
using static Trygghet.Api.Tests.Support.ObservationInputs;

namespace Trygghet.Api.Tests.Features.Observations;

/// <summary>Assigning observations to the responsible actor and moving their follow-up on.</summary>
public sealed class ObservationFollowUpTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task The_follow_up_moves_forward_ends_with_a_note_and_refuses_the_rest()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var first = await staff.RecordObservationAsync(At(59.2846, 17.9694));
        var second = await staff.RecordObservationAsync(At(59.2846, 17.9694));
        async Task<int> Refused(Guid id, ObservationStatus status, string? note = null, Guid? duplicateOf = null) =>
            (await Assert.ThrowsAnyAsync<ApiException>(() =>
                staff.ChangeObservationStatusAsync(id, new StatusChangeRequest { Status = status, Note = note, DuplicateOf = duplicateOf }))).StatusCode;

        await staff.ChangeObservationStatusAsync(first.Id, new StatusChangeRequest { Status = ObservationStatus.Investigating });
        await staff.ChangeObservationStatusAsync(first.Id, new StatusChangeRequest { Status = ObservationStatus.InProgress, Note = "Beställt hos belysningsentreprenören." });
        Assert.Equal(409, await Refused(first.Id, ObservationStatus.Planned)); // never back
        Assert.Equal(409, await Refused(first.Id, ObservationStatus.InProgress)); // not to itself
        var fixedOne = await staff.ChangeObservationStatusAsync(first.Id, new StatusChangeRequest { Status = ObservationStatus.Fixed, Note = "Ny armatur på plats." });
        var closed = await staff.ChangeObservationStatusAsync(first.Id, new StatusChangeRequest { Status = ObservationStatus.Closed, Note = "Kontrollerad på kvällsvandring." });
        Assert.Equal(409, await Refused(first.Id, ObservationStatus.Investigating)); // out of an ended status

        Assert.Equal(400, await Refused(second.Id, ObservationStatus.NotResponsible)); // a note is required
        Assert.Equal(400, await Refused(second.Id, ObservationStatus.Duplicate, "Samma lampa.")); // the original is required
        Assert.Equal(422, await Refused(second.Id, ObservationStatus.Duplicate, "Samma lampa.", second.Id));
        var duplicate = await staff.ChangeObservationStatusAsync(second.Id,
            new StatusChangeRequest { Status = ObservationStatus.Duplicate, Note = "Samma lampa.", DuplicateOf = first.Id });

        Assert.NotNull(fixedOne);
        Assert.Equal([ObservationStatus.Reported, ObservationStatus.Investigating, ObservationStatus.InProgress, ObservationStatus.Fixed, ObservationStatus.Closed],
            closed.History.Select(h => h.Status));
        Assert.Equal("Kontrollerad på kvällsvandring.", closed.StatusNote);
        Assert.Equal((ObservationStatus.Duplicate, first.Id), (duplicate.Status, duplicate.DuplicateOf));
        var publicView = await Api.Client().GetObservationAsync(first.Id);
        Assert.Equal(5, publicView.History.Count);
        Assert.DoesNotContain("reporter", System.Text.Json.JsonSerializer.Serialize(publicView), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Actors_see_and_move_on_only_what_is_assigned_to_their_organisation_and_overdue_items_are_flagged()
    {
        var planner = await Planner.StaffAsync(Api);
        var (police, administration) = await planner.RequiredActorsAsync();
        var observation = await planner.Staff.RecordObservationAsync(At(59.2846, 17.9694, ObservationCategory.SightLines));
        var other = await planner.Staff.RecordObservationAsync(At(59.2846, 17.9694, ObservationCategory.Litter));
        var deadline = Time(Now.AddDays(10));
        await planner.Staff.AssignObservationAsync(observation.Id, new AssignRequest { ActorId = administration.Id, Deadline = deadline });
        var administrationClient = await Api.ClientAs(DevRole.Actor, administration.Id);
        var policeClient = await Api.ClientAs(DevRole.Actor, police.Id);

        var assigned = await administrationClient.ListAssignedObservationsAsync();
        var moved = await administrationClient.ChangeObservationStatusAsync(observation.Id, new StatusChangeRequest { Status = ObservationStatus.Planned, Note = "Buskarna klipps i maj." });
        var notTheirs = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            policeClient.ChangeObservationStatusAsync(observation.Id, new StatusChangeRequest { Status = ObservationStatus.InProgress }));
        var unassigned = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            administrationClient.ChangeObservationStatusAsync(other.Id, new StatusChangeRequest { Status = ObservationStatus.Investigating }));

        Assert.Equal(observation.Id, Assert.Single(assigned).Id);
        Assert.Empty(await policeClient.ListAssignedObservationsAsync());
        Assert.Equal("Hägersten-Älvsjö stadsdelsförvaltning", moved.Responsible);
        Assert.Equal((403, 403), (notTheirs.StatusCode, unassigned.StatusCode));
        Assert.False(moved.Overdue);

        Api.Clock.Set(Now.AddDays(12));
        var late = await Api.Client().GetObservationAsync(observation.Id);
        Assert.True(late.Overdue);
        Assert.Equal(observation.Id, Assert.Single((await Api.Client().ListObservationsAsync(overdue: true)).Items).Id);
        Assert.Equal(other.Id, Assert.Single((await Api.Client().ListObservationsAsync(overdue: false)).Items).Id);
    }

    private static DateTimeOffset Time(DateTimeOffset at) => new(at.Year, at.Month, at.Day, 0, 0, 0, TimeSpan.Zero);
}

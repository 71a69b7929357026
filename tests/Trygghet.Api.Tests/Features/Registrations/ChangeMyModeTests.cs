using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Registrations;

/// <summary>Changing between on site and remote through the manage link, and the waitlist it moves.</summary>
public sealed class ChangeMyModeTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    private Task AssertTallyAsync() => RegistrationTally.AssertMatchesRowsAsync(Fixture.Postgres.ConnectionString);

    [Fact]
    public async Task A_capacity_increase_promotes_the_waitlist_and_a_mode_change_needs_a_free_place()
    {
        var input = Planner.Dialogue(Now.AddDays(30));
        input.CapacityOnSite = 1;
        input.CapacityRemote = 1;
        var e = await Registrar.OpenAsync(Api, input);
        var first = await Api.RegisterAsync(e.Id, email: "first@example.se");
        var second = await Api.RegisterAsync(e.Id, email: "second@example.se");
        var remote = await Api.RegisterAsync(e.Id, RegistrationMode.Remote, email: "remote@example.se");
        Assert.Equal((RegistrationStatus.Waitlisted, 1), (second.Status, second.WaitlistPosition));

        // Remote → on site: no free place; the registration stays as it was.
        var full = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            Api.Client().ChangeMyModeAsync(remote.ManageToken, new ModeChangeRequest { Mode = RegistrationMode.OnSite }));
        Assert.Equal(422, full.StatusCode);
        Assert.Equal(RegistrationMode.Remote, (await Api.Client().GetMyRegistrationAsync(remote.ManageToken)).Mode);

        // The remote participant cancels; the first on-site participant moves to remote, and the waitlisted one gets the seat.
        await Api.Client().CancelMyRegistrationAsync(remote.ManageToken);
        var moved = await Api.Client().ChangeMyModeAsync(first.ManageToken, new ModeChangeRequest { Mode = RegistrationMode.Remote });
        Assert.Equal((RegistrationMode.Remote, RegistrationStatus.Confirmed), (moved.Mode, moved.Status));
        Assert.Equal(RegistrationStatus.Confirmed, (await Api.Client().GetMyRegistrationAsync(second.ManageToken)).Status);

        // A larger capacity promotes at once.
        var third = await Api.RegisterAsync(e.Id, email: "third@example.se");
        Assert.Equal(RegistrationStatus.Waitlisted, third.Status);
        var staff = await Api.ClientAs(DevRole.Staff);
        var plan = await staff.GetEventPlanAsync(e.Id);
        input.CapacityOnSite = 2;
        (input.StartsAt, input.EndsAt, input.RegistrationDeadline) = (plan.StartsAt, plan.EndsAt, plan.RegistrationDeadline);
        await staff.UpdateEventAsync(e.Id, $"\"{plan.Version}\"", input);
        Assert.Equal(RegistrationStatus.Confirmed, (await Api.Client().GetMyRegistrationAsync(third.ManageToken)).Status);
        Assert.Equal(new[] { "second@example.se", "third@example.se" },
            (await Scalar<string>("select string_agg(recipient, ',' order by id) from outbox where kind = 'registration.promoted'")).Split(','));
        await AssertTallyAsync();
    }
}

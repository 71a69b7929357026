using System.Net;
using System.Text;
using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

/// <summary>
/// Staff change an event while residents register for it. Registration locks the event's queue before anything else
/// and staff changes take that lock (through <c>EventChanging</c>) before the event's row, so the two never wait on each
/// other in opposite orders.
/// </summary>
public sealed class EventChangesDuringRegistrationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task Registrations_racing_edits_and_reschedules_all_succeed_without_a_deadlock_and_the_tally_stays_exact()
    {
        var input = Planner.Dialogue(Now.AddDays(30), EventFormat.OnSite);
        input.CapacityOnSite = 2_000; // far from full: registrations take the shared lock and run in parallel
        var e = await Registrar.OpenAsync(Api, input);
        var staff = await Api.ClientAs(DevRole.Staff);
        var http = Api.CreateClient();

        var registrations = Task.WhenAll(Enumerable.Range(0, 200).Select(i => http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dialogues/{e.Id}/registrations")
            {
                Headers = { { "Idempotency-Key", $"racing-key-{i:D4}" } },
                Content = new StringContent(JsonSerializer.Serialize(new { mode = "onSite", consentVersion = Registrar.Consent, email = $"person{i}@example.se", name = "Ada Lovelace" }),
                    Encoding.UTF8, "application/json"),
            })));
        var start = e.StartsAt;
        for (var round = 1; round <= 3; round++)
        {
            start = start.AddDays(1);
            await staff.RescheduleEventAsync(e.Id, new RescheduleRequest { StartsAt = start, EndsAt = start.AddHours(2) });
            var plan = await staff.GetEventPlanAsync(e.Id);
            input.StartsAt = plan.StartsAt;
            input.EndsAt = plan.EndsAt;
            input.CapacityOnSite = 2_000 + round;
            await staff.UpdateEventAsync(e.Id, $"\"{plan.Version}\"", input);
        }
        var responses = await registrations;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(200, await Scalar<int>("select count(*)::int from registration where status = 'confirmed'"));
        Assert.Equal(200, await Scalar<int>("select coalesce(sum(confirmed), 0)::int from registration_tally"));
        Assert.Equal(0, await Scalar<int>("select coalesce(sum(waitlisted), 0)::int from registration_tally"));
    }
}

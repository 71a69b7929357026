using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Observations;

/// <summary>
/// Observation descriptions under the confidentiality policy: whoever reports, a description that looks like it holds
/// personal data is held, every public answer leaves it out, and a moderator clears or redacts it.
/// </summary>
public sealed class ObservationReviewTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Flagged = "Mannen i nr 7 ringer från 070-123 45 67 och hotar folk vid trappan.";
    private const string Phone = "070-123 45 67";

    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    private static ObservationInput Input(string description) => new()
    {
        Category = ObservationCategory.Other,
        Description = description,
        Severity = 2,
        Lat = 59.2846,
        Lon = 17.9694,
    };

    /// <summary>Every public answer that can carry an observation's description, as one text.</summary>
    private async Task<string> PublicAnswersAsync(long number)
    {
        var http = Api.CreateClient();
        var texts = new List<string>
        {
            await http.GetStringAsync("/api/v1/observations?limit=100"),
            await http.GetStringAsync("/api/v1/areas/fruangen/feed.atom"),
            await http.GetStringAsync("/api/v1/areas/hagersten-alvsjo/feed.atom"),
            await http.GetStringAsync("/open311/v2/requests.json"),
            await http.GetStringAsync("/open311/v2/requests.xml"),
            await http.GetStringAsync($"/open311/v2/requests/{number}.json"),
        };
        foreach (var item in JsonDocument.Parse(texts[0]).RootElement.GetProperty("items").EnumerateArray())
            texts.Add(await http.GetStringAsync($"/api/v1/observations/{item.GetProperty("id").GetGuid()}"));
        // JSON may escape characters; read it back as text.
        return string.Join('\n', texts.Select(t => t.StartsWith('{') || t.StartsWith('[') ? JsonSerializer.Deserialize<JsonElement>(t).ToString() : t));
    }

    /// <summary>The findings a 422 lists.</summary>
    public static JsonElement Findings(ApiException<ProblemDetails> problem) =>
        JsonDocument.Parse(problem.Result.AdditionalProperties["findings"].ToString()!).RootElement;

    [Fact]
    public async Task A_flagged_description_is_held_from_every_source_and_no_public_answer_shows_it()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var police = await staff.CreateActorAsync(new ActorInput { Organisation = "Polisen lokalpolisområde Globen", Kind = ActorKind.Police });
        var actor = await Api.ClientAs(DevRole.Actor, police.Id);
        var walk = await Registrar.OpenAsync(Api, Planner.Walk(Now.AddDays(3)));
        var participant = await Api.Client().RegisterForWalkAsync(walk.Id, Guid.NewGuid().ToString(),
            new RegistrationRequest { Mode = RegistrationMode.OnSite, ConsentVersion = Registrar.Consent });
        var key = (await (await Api.ClientAs(DevRole.Admin)).IssueOpen311KeyAsync(new Open311KeyRequest { Name = "Felanmälan" })).ApiKey!;
        Api.Clock.Set(walk.StartsAt.AddMinutes(10));

        var byStaff = await staff.RecordObservationAsync(Input(Flagged));
        var byActor = await actor.RecordObservationAsync(Input(Flagged));
        var byParticipant = await Api.Client().RecordParticipantObservationAsync(participant.ManageToken, new ParticipantObservationInput
        {
            Category = ObservationCategory.Other,
            Description = Flagged,
            Severity = 2,
            Lat = 59.2846,
            Lon = 17.9694,
        });
        var posted = await Api.CreateClient().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key,
            ["service_code"] = "other",
            ["lat"] = "59.2846",
            ["long"] = "17.9694",
            ["description"] = Flagged,
        }));
        var clean = await staff.RecordObservationAsync(Input("Trasig lampa vid trappan upp mot Fruängens centrum."));

        Assert.All([byStaff, byActor, byParticipant], o => Assert.Equal((true, (string?)null), (o.DescriptionHeld, o.Description)));
        Assert.Contains("granskat", await posted.Content.ReadAsStringAsync());
        Assert.Equal((false, "Trasig lampa vid trappan upp mot Fruängens centrum."), (clean.DescriptionHeld, clean.Description));
        var everything = await PublicAnswersAsync(byStaff.Number);
        Assert.DoesNotContain(Phone, everything);
        Assert.DoesNotContain("hotar folk", everything);
        Assert.Contains("Trasig lampa vid trappan", everything);
        var open311 = JsonDocument.Parse(await Api.CreateClient().GetStringAsync($"/open311/v2/requests/{byStaff.Number}.json")).RootElement[0];
        Assert.False(open311.TryGetProperty("description", out _));

        var queue = await (await Api.ClientAs(DevRole.Moderator)).ListHeldObservationsAsync(null, null);
        Assert.Equal(4, queue.Items.Count);
        var first = queue.Items.First();
        Assert.Equal(Flagged, first.Description);
        var phone = Assert.Single(first.Findings, f => f.Kind == PersonalDataKind.PhoneNumber);
        Assert.Equal(("description", Phone), (phone.Field, first.Description.Substring(phone.Start, phone.Length)));
        Assert.Equal(["actor", "open311", "participant", "staff"], queue.Items.Select(i => i.ReporterKind).Order());
    }

    [Fact]
    public async Task A_moderator_clears_only_with_acknowledgement_or_redacts_and_the_original_stays_with_admins()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var admin = await Api.ClientAs(DevRole.Admin);
        var first = await staff.RecordObservationAsync(Input(Flagged));
        var second = await staff.RecordObservationAsync(Input("Skriv till anna.svensson@example.se om lampan vid trappan."));

        var unacknowledged = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            moderator.ClearObservationDescriptionAsync(first.Id, new DescriptionClearance()));
        var stillFlagged = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            moderator.RedactObservationDescriptionAsync(first.Id, new DescriptionRedaction { Text = "En man ringer från 070-123 45 67." }));
        var redacted = await moderator.RedactObservationDescriptionAsync(first.Id, new DescriptionRedaction { Text = "En man hotar folk vid trappan." });
        var cleared = await moderator.ClearObservationDescriptionAsync(second.Id, new DescriptionClearance { AcknowledgeFindings = true });
        var again = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            moderator.ClearObservationDescriptionAsync(second.Id, new DescriptionClearance { AcknowledgeFindings = true }));
        var publicFirst = await Api.Client().GetObservationAsync(first.Id);
        var adminView = (await admin.RedactObservationDescriptionAsync(first.Id, new DescriptionRedaction { Text = "En man hotar folk vid trappan." })).OriginalDescription;

        Assert.Equal((422, 422, 409), (unacknowledged.StatusCode, stillFlagged.StatusCode, again.StatusCode));
        Assert.Equal("phoneNumber", Findings(unacknowledged)[0].GetProperty("kind").GetString());
        Assert.Equal((DescriptionStatus.Cleared, (string?)null), (redacted.DescriptionStatus, redacted.OriginalDescription));
        Assert.Equal(DescriptionStatus.Cleared, cleared.DescriptionStatus);
        Assert.Equal((false, "En man hotar folk vid trappan."), (publicFirst.DescriptionHeld, publicFirst.Description));
        Assert.Equal(Flagged, adminView);
        Assert.Empty((await moderator.ListHeldObservationsAsync(null, null)).Items);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from audit_log where details::text like '%070%' or details::text like '%anna%'"));
        Assert.Equal(3, await Scalar<int>("select count(*)::int from audit_log where action in ('observation.redactDescription', 'observation.clearDescription')"));
    }

    [Fact]
    public async Task An_actors_public_status_note_that_looks_like_personal_data_is_refused()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var police = await staff.CreateActorAsync(new ActorInput { Organisation = "Polisen lokalpolisområde Globen", Kind = ActorKind.Police });
        var observation = await staff.RecordObservationAsync(Input("Trasig lampa vid trappan."));
        await staff.AssignObservationAsync(observation.Id, new AssignRequest { ActorId = police.Id, Deadline = Now.AddDays(30) });
        var actor = await Api.ClientAs(DevRole.Actor, police.Id);

        var refused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => actor.ChangeObservationStatusAsync(observation.Id,
            new StatusChangeRequest { Status = ObservationStatus.Closed, Note = "Kontakta vår handläggare på 08-508 000 00." }));
        var closed = await actor.ChangeObservationStatusAsync(observation.Id,
            new StatusChangeRequest { Status = ObservationStatus.Closed, Note = "Lampan är bytt av fastighetsägaren." });

        Assert.Equal(422, refused.StatusCode);
        Assert.Equal(ObservationStatus.Closed, closed.Status);
        // The number as written, not a fragment of it: "508" also turns up in the feed's timestamps.
        Assert.DoesNotContain("508 000 00", await Api.CreateClient().GetStringAsync("/api/v1/areas/fruangen/feed.atom"));
    }
}

namespace Trygghet.Api.Tests.Features.Events;

public sealed class DemoSeedTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_demo_data_of_run_is_consistent_and_readable_through_the_API()
    {
        await using var demo = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var client = demo.Client();

        var dialogues = await client.ListDialoguesAsync(null, null, null, null, 100, null);
        var walk = (await client.ListWalksAsync("aspudden", null, null, null, 10, null)).Items.Single();
        var feedback = await client.GetWalkFeedbackAsync(walk.Slug);
        var measures = await client.ListMeasuresAsync("aspudden", null, null, null);
        var fruangen = dialogues.Items.Single(d => d.Slug.StartsWith("trygghetsdialog-i-fruangen-", StringComparison.Ordinal));
        var availability = await client.GetDialogueAvailabilityAsync(fruangen.Slug);

        Assert.True(dialogues.Items.Count >= 6);
        Assert.Equal(4, feedback.Observations.Count);
        Assert.Equal("Beskärning och ny belysning i Aspuddsparken", Assert.Single(feedback.Measures).Title);
        Assert.Single(measures.Items);
        Assert.Equal((48, 145), (availability.OnSite!.Available!.Value, availability.Remote!.Available!.Value));
        Assert.Equal(17, await Scalar<int>("select count(*)::int from registration"));
        // The demo's police events, placed or each with the reason it is not.
        Assert.Equal((229L, 223L), (await Scalar<long>("select count(*) from police_event where (area_id is null) <> (unplaced_reason is null)"),
            await Scalar<long>("select count(*) from police_event where area_id is not null")));
    }
}

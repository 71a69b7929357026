using Trygghet.Client;
using static Trygghet.Api.Tests.Support.ObservationInputs;

namespace Trygghet.Api.Tests.Features.Observations;

public sealed class RecordObservationTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData(59.301856, 18.012037, "midsommarkransen")]
    [InlineData(59.2787, 18.0105, "solberga")]
    [InlineData(59.300921, 17.957283, "hagersten")]
    [InlineData(59.2846, 17.9694, "fruangen")]
    public async Task An_observation_is_assigned_to_the_neighbourhood_of_its_point(double lat, double lon, string expected)
    {
        var staff = await Api.ClientAs(DevRole.Staff);

        var observation = await staff.RecordObservationAsync(At(lat, lon));

        Assert.Equal(expected, observation.Area.Slug);
        Assert.Equal(ObservationStatus.Reported, observation.Status);
        Assert.Equal(ObservationStatus.Reported, Assert.Single(observation.History).Status);
        Assert.Equal(expected, (await Api.Client().ListObservationsAsync("hagersten-alvsjo")).Items.Single().Area.Slug);
        Assert.Equal(expected, (await Api.Client().ListObservationsAsync("stockholm")).Items.Single().Area.Slug);
    }

    [Fact]
    public async Task A_point_outside_the_district_is_a_422_and_nothing_is_stored()
    {
        var staff = await Api.ClientAs(DevRole.Staff);

        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => staff.RecordObservationAsync(At(59.3293, 18.0686)));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from observation"));
    }
}

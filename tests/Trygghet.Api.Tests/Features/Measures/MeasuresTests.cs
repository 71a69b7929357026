using System.Xml.Linq;
using Trygghet.Client;
using static Trygghet.Api.Tests.Support.ObservationInputs;

namespace Trygghet.Api.Tests.Features.Measures;

public sealed class MeasuresTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Measures_are_listed_per_area_and_the_atom_feed_carries_them_with_status_changes()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var observation = await staff.RecordObservationAsync(At(59.2846, 17.9694));
        await staff.ChangeObservationStatusAsync(observation.Id, new StatusChangeRequest { Status = ObservationStatus.Planned, Note = "Ingår i belysningsprogrammet." });
        var measure = await staff.CreateMeasureAsync(new MeasureInput
        {
            Title = "Ny belysning längs gångvägen vid Fruängens centrum",
            Description = "Åtta nya armaturer med jämnare ljus.",
            AreaSlug = "fruangen",
            Status = MeasureStatus.Planned,
            ObservationIds = [observation.Id],
        });
        var updated = await staff.UpdateMeasureAsync(measure.Id, $"\"{measure.Version}\"", new MeasureInput
        {
            Title = measure.Title,
            Description = measure.Description,
            AreaSlug = "fruangen",
            Status = MeasureStatus.InProgress,
            ObservationIds = [observation.Id],
        });
        var stale = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => staff.UpdateMeasureAsync(measure.Id, $"\"{measure.Version}\"", new MeasureInput
        {
            Title = measure.Title,
            Description = "",
            AreaSlug = "fruangen",
            Status = MeasureStatus.Completed,
        }));
        await staff.CreateMeasureAsync(new MeasureInput { Title = "KlotterSanering i Västberga", Description = "", AreaSlug = "vastberga", Status = MeasureStatus.Completed });

        var inFruangen = await Api.Client().ListMeasuresAsync("fruangen");
        var atomResponse = await Api.CreateClient().GetAsync("/api/v1/areas/fruangen/feed.atom");
        var feed = XDocument.Parse(await atomResponse.Content.ReadAsStringAsync());

        Assert.Equal((MeasureStatus.InProgress, 2), (updated.Status, updated.Version));
        Assert.Equal(412, stale.StatusCode);
        Assert.Equal(measure.Id, Assert.Single(inFruangen.Items).Id);
        Assert.Equal(observation.Id, Assert.Single(inFruangen.Items.First().Observations).Id);
        Assert.Equal("application/atom+xml", atomResponse.Content.Headers.ContentType!.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        var titles = feed.Root.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains("Åtgärd: Ny belysning längs gångvägen vid Fruängens centrum", titles);
        Assert.Equal(2, titles.Count(t => t.StartsWith("Iakttagelse: Belysning", StringComparison.Ordinal))); // reported, then planned
        Assert.DoesNotContain(titles, t => t.Contains("Västberga"));
        Assert.All(feed.Root.Elements(atom + "entry"), e => Assert.True(DateTimeOffset.TryParse(e.Element(atom + "updated")!.Value, out _)));
    }

    [Theory]
    [InlineData(null, "sv", "Åtgärd: Ny belysning i gångtunneln", "Pågår: Armaturerna byts mot LED.", "Iakttagelse: Belysning (Fruängen)", "Planerad: Ingår i belysningsprogrammet.")]
    [InlineData("en", "en", "Measure: Ny belysning i gångtunneln", "In progress: Armaturerna byts mot LED.", "Observation: Lighting (Fruängen)", "Planned: Ingår i belysningsprogrammet.")]
    [InlineData("culture=en", "en", "Measure: Ny belysning i gångtunneln", "In progress: Armaturerna byts mot LED.", "Observation: Lighting (Fruängen)", "Planned: Ingår i belysningsprogrammet.")]
    public async Task The_atom_feed_says_in_words_what_happened_in_the_readers_language(string? language, string lang, string measureTitle, string measureSummary,
        string observationTitle, string observationSummary)
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var observation = await staff.RecordObservationAsync(At(59.2846, 17.9694));
        await staff.ChangeObservationStatusAsync(observation.Id, new StatusChangeRequest { Status = ObservationStatus.Planned, Note = "Ingår i belysningsprogrammet." });
        await staff.CreateMeasureAsync(new MeasureInput
        {
            Title = "Ny belysning i gångtunneln",
            Description = "Armaturerna byts mot LED.",
            AreaSlug = "fruangen",
            Status = MeasureStatus.InProgress,
        });
        var http = Api.CreateClient();
        var url = language == "culture=en" ? "/api/v1/areas/fruangen/feed.atom?culture=en" : "/api/v1/areas/fruangen/feed.atom";
        if (language == "en") http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").Select(e => (Title: e.Element(atom + "title")!.Value, Summary: e.Element(atom + "summary")!.Value)).ToList();
        Assert.Equal(lang, (string?)feed.Root.Attribute(XNamespace.Xml + "lang"));
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains((measureTitle, measureSummary), entries);
        Assert.Contains(entries, e => e.Title == observationTitle && e.Summary.StartsWith(observationSummary + " — ", StringComparison.Ordinal));
        // No entry speaks in the API's codes.
        Assert.DoesNotContain(entries, e => System.Text.RegularExpressions.Regex.IsMatch(e.Summary, @"^(reported|investigating|planned|inProgress|fixed|notResponsible|duplicate|closed|completed|cancelled)\b"));
    }

    [Fact]
    public async Task Staff_saving_a_measure_get_a_warning_with_the_findings_and_the_measure_is_saved()
    {
        var staff = await Api.ClientAs(DevRole.Staff);

        var measure = await staff.CreateMeasureAsync(new MeasureInput
        {
            Title = "Ny belysning i Fruängsparken",
            Description = "Frågor till Anna på anna.svensson@example.se.",
            AreaSlug = "fruangen",
            Status = MeasureStatus.Planned,
        });
        var read = await Api.Client().GetMeasureAsync(measure.Id);

        var warning = Assert.Single(measure.PersonalDataWarnings!);
        Assert.Equal(("description", PersonalDataKind.Email), (warning.Field, warning.Kind));
        Assert.Equal("anna.svensson@example.se", measure.Description.Substring(warning.Start, warning.Length));
        Assert.Null(read.PersonalDataWarnings);
    }
}

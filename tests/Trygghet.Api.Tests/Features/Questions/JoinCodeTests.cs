using Microsoft.Extensions.DependencyInjection;
using Trygghet.Api.Features.Questions;
using Trygghet.Api.Infrastructure;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>The short code on the room's screen: stable, typeable, and leading to the dialogue's questions.</summary>
public sealed class JoinCodeTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Fact]
    public async Task A_dialogue_has_one_short_code_that_leads_back_to_its_questions_page_however_it_is_typed()
    {
        var e = await OpenDialogueAsync();
        var other = await OpenDialogueAsync(8);

        var link = await Api.Client().GetJoinLinkAsync(e.Slug);
        var again = await Api.Client().GetJoinLinkAsync(e.Id.ToString());
        var otherLink = await Api.Client().GetJoinLinkAsync(other.Slug);
        var typed = $"{link.Code[..3].ToLowerInvariant()} - {link.Code[3..]}";
        var found = await Api.Client().FindJoinCodeAsync(typed);

        Assert.Equal(link.Code, again.Code);
        Assert.NotEqual(link.Code, otherLink.Code);
        Assert.Matches("^[ACDEFGHJKMNPQRTWXY34679]{6}$", link.Code);
        var site = Api.Services.GetRequiredService<SiteOptions>().PublicUrl.TrimEnd('/');
        Assert.Equal($"{site}/q/{link.Code}", link.ShortUrl);
        Assert.Equal($"{site}/dialoger/{e.Slug}/fragor", link.QuestionsUrl);
        Assert.Equal((link.Code, e.Id, e.Slug, e.Title), (found.Code, found.EventId, found.Slug, found.Title));
        Assert.Equal(link.QuestionsUrl, found.Link.QuestionsUrl);
    }

    [Fact]
    public async Task A_draft_has_no_join_link_and_its_code_leads_nowhere()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var draft = await staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(9)));

        var http = Api.CreateClient();
        var link = await Problems.ReadAsync(await http.GetAsync($"/api/v1/dialogues/{draft.Slug}/join-link"));
        var lookup = await Problems.ReadAsync(await http.GetAsync($"/api/v1/join-codes/{JoinCodes.For(draft.Id)}"));

        Assert.Equal((404, 404), (link.Status, lookup.Status));
        Assert.Contains(JoinCodes.For(draft.Id), lookup.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("K7M3P", "sv", "Koden ska vara sex tecken, som K7M3PX.")]
    [InlineData("K7M3P0", "sv", "Koden ska vara sex tecken, som K7M3PX.")]
    [InlineData("K7M3PXA", "en", "The code must be six characters, like K7M3PX.")]
    public async Task A_code_that_cannot_be_one_is_a_400_naming_it(string code, string language, string message)
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var problem = await Problems.ReadAsync(await http.GetAsync($"/api/v1/join-codes/{code}"));

        Assert.Equal(400, problem.Status);
        Assert.Equal([message], problem.Errors["code"]);
    }

    [Fact]
    public void Codes_use_no_look_alikes_and_rarely_meet()
    {
        var codes = Enumerable.Range(0, 5000).Select(_ => JoinCodes.For(Guid.NewGuid())).ToList();

        Assert.All(codes, c => Assert.Matches("^[ACDEFGHJKMNPQRTWXY34679]{6}$", c));
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['0', 'O', '1', 'I', 'L', 'l']) >= 0);
        Assert.True(codes.Distinct().Count() >= 4990, "codes of different dialogues should almost never meet");
        Assert.Equal("K7M3PX", JoinCodes.Normalise(" k7m-3px "));
        Assert.Null(JoinCodes.Normalise("K7M3P0"));
    }
}

using System.Net;
using System.Text.Json;
using Ical.Net;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

/// <summary>Event content in the district's languages: staff translate, the public negotiates and is told which it got.</summary>
public sealed class EventTranslationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly EventTranslationInput Arabic = new()
    {
        Title = "حوار الأمان في فرووانغن",
        Description = "حوار مفتوح حول الأمان حول مركز فرووانغن.",
        Place = "مركز فرووانغن",
        VenueName = "مكتبة فرووانغن",
        Agenda = ["أهلاً وسهلاً", "الشرطة عن الوضع"],
    };

    private static readonly EventTranslationInput English = new()
    {
        Title = "Safety dialogue in Fruängen",
        Description = "An open dialogue about safety around Fruängen's centre.",
        Agenda = ["Welcome", "The police on the situation"],
    };

    private async Task<(Planner Planner, EventPlan Event)> TranslatedAsync()
    {
        var planner = await Planner.StaffAsync(Api);
        var dialogue = await planner.PublishedAsync(Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(30)));
        await planner.Staff.PutEventTranslationAsync(dialogue.Id, "ar", Arabic);
        await planner.Staff.PutEventTranslationAsync(dialogue.Id, "en", English);
        return (planner, dialogue);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string url, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var response = await Api.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Theory]
    [InlineData("ar", "ar", "حوار الأمان في فرووانغن")]
    [InlineData("fi, ar;q=0.8, en;q=0.9", "en", "Safety dialogue in Fruängen")] // fi has no translation; en is preferred over ar
    [InlineData("en-GB, sv;q=0.5", "en", "Safety dialogue in Fruängen")]
    [InlineData("ar;q=0.2, sv;q=0.7", "sv", "Trygghetsdialog i Fruängen")]
    [InlineData("en;q=0, ar;q=0.1", "ar", "حوار الأمان في فرووانغن")] // q=0: not acceptable
    [InlineData("de, so", "sv", "Trygghetsdialog i Fruängen")] // nothing available: Swedish
    [InlineData("sv-x-lattlast", "sv", "Trygghetsdialog i Fruängen")] // no easy-to-read translation, and sv-x-* is not plain sv's to take
    [InlineData(null, "sv", "Trygghetsdialog i Fruängen")]
    public async Task The_event_is_given_in_the_best_available_language_by_Accept_Language_and_says_which(string? acceptLanguage, string expected, string title)
    {
        var (_, dialogue) = await TranslatedAsync();

        var (response, body) = await GetAsync($"/api/v1/dialogues/{dialogue.Slug}", acceptLanguage);

        Assert.Equal(expected, body.GetProperty("language").GetString());
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal([expected], response.Content.Headers.ContentLanguage);
        Assert.Equal(["sv", "en", "ar"], body.GetProperty("availableLanguages").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Lang_in_the_query_comes_before_Accept_Language_and_an_unknown_one_falls_back()
    {
        var (_, dialogue) = await TranslatedAsync();

        var (arabic, body) = await GetAsync($"/api/v1/dialogues/{dialogue.Slug}?lang=ar", "en");
        var (unknown, fallback) = await GetAsync($"/api/v1/dialogues/{dialogue.Slug}?lang=xx-nope", null);
        var (_, english) = await GetAsync($"/api/v1/dialogues/{dialogue.Slug}?lang=so", "en"); // no Somali: the header's next choice

        Assert.Equal(["ar"], arabic.Content.Headers.ContentLanguage);
        Assert.Equal("ar", body.GetProperty("language").GetString());
        Assert.Equal("مكتبة فرووانغن", body.GetProperty("venue").GetProperty("name").GetString());
        Assert.Equal("Fruängsgången 4, 129 52 Hägersten", body.GetProperty("venue").GetProperty("address").GetString());
        Assert.Equal(["أهلاً وسهلاً", "الشرطة عن الوضع"], body.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.Equal(10, body.GetProperty("agenda")[0].GetProperty("minutes").GetInt32());
        // Left out of the translation: the Swedish text.
        Assert.Equal("Otrygghet kvällstid vid tunnelbaneentrén.", body.GetProperty("problem").GetString());
        // …and the answer says which texts those are, so a page can mark them Swedish.
        Assert.Equal(["problem", "method", "accessibilityNotes"], body.GetProperty("untranslated").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["sv"], unknown.Content.Headers.ContentLanguage);
        Assert.Equal("Trygghetsdialog i Fruängen", fallback.GetProperty("title").GetString());
        Assert.Empty(fallback.GetProperty("untranslated").EnumerateArray());
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal(["problem", "place", "method", "venueName", "accessibilityNotes"],
            english.GetProperty("untranslated").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Listings_give_each_event_in_its_best_language_and_list_the_languages_in_Content_Language()
    {
        var (planner, translated) = await TranslatedAsync();
        var plain = await planner.PublishedAsync(Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(31), title: "Bara på svenska"));

        var (response, body) = await GetAsync("/api/v1/dialogues?area=fruangen&limit=100", "ar, en;q=0.5");
        var cached = await Api.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/dialogues?area=fruangen&limit=100")
        {
            Headers = { { "If-None-Match", response.Headers.ETag!.Tag }, { "Accept-Language", "en" } },
        });

        var items = body.GetProperty("items").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetGuid());
        Assert.Equal("ar", items[translated.Id].GetProperty("language").GetString());
        Assert.Equal("sv", items[plain.Id].GetProperty("language").GetString());
        Assert.Equal(["sv"], items[plain.Id].GetProperty("availableLanguages").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("ar", response.Content.Headers.ContentLanguage);
        Assert.Contains("sv", response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode); // another language is another version, never a 304
    }

    [Fact]
    public async Task The_calendar_carries_the_language_of_each_text_and_links_to_the_page_in_it()
    {
        var (_, dialogue) = await TranslatedAsync();

        var (response, _) = (await Api.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dialogues/{dialogue.Slug}/calendar.ics?lang=ar")), 0);
        var text = await response.Content.ReadAsStringAsync();
        var swedish = await Api.CreateClient().GetStringAsync($"/api/v1/dialogues/{dialogue.Slug}/calendar.ics");

        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY;LANGUAGE=ar:حوار الأمان في فرووانغن", unfolded);
        Assert.Contains("DESCRIPTION;LANGUAGE=ar:", unfolded);
        Assert.Contains("LOCATION;LANGUAGE=ar:مكتبة فرووانغن", unfolded);
        Assert.Contains($"/dialoger/{dialogue.Slug}?lang=ar", unfolded);
        Assert.Equal(["ar"], response.Content.Headers.ContentLanguage);
        var parsed = Calendar.Load(text)!;
        Assert.Equal("حوار الأمان في فرووانغن", parsed.Events.Single().Summary);
        Assert.Contains("SUMMARY;LANGUAGE=sv:Trygghetsdialog i Fruängen", swedish.Replace("\r\n ", "", StringComparison.Ordinal));
        // The English translation leaves the venue's name out: the location is Swedish and says so.
        var english = (await Api.CreateClient().GetStringAsync($"/api/v1/dialogues/{dialogue.Slug}/calendar.ics?lang=en")).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY;LANGUAGE=en:Safety dialogue in Fruängen", english);
        Assert.Contains("DESCRIPTION;LANGUAGE=en:", english);
        Assert.Contains("LOCATION;LANGUAGE=sv:Fruängens bibliotek", english);
    }

    [Fact]
    public async Task The_feed_gives_each_event_in_the_asked_language_and_JSON_LD_says_inLanguage()
    {
        var (_, dialogue) = await TranslatedAsync();

        var feed = await Api.CreateClient().GetStringAsync("/api/v1/calendar.ics?lang=en");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dialogues/{dialogue.Slug}?lang=ar") { Headers = { { "Accept", "application/ld+json" } } };
        var jsonLd = JsonDocument.Parse(await (await Api.CreateClient().SendAsync(request)).Content.ReadAsStringAsync()).RootElement;

        Assert.Contains("SUMMARY;LANGUAGE=en:Safety dialogue in Fruängen", feed.Replace("\r\n ", "", StringComparison.Ordinal));
        Assert.Equal("ar", jsonLd.GetProperty("inLanguage").GetString());
        Assert.Equal("حوار الأمان في فرووانغن", jsonLd.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_Atom_feed_gives_each_entry_in_the_asked_language_and_marks_every_text_with_its_own()
    {
        var (planner, dialogue) = await TranslatedAsync();
        var plain = await planner.PublishedAsync(Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(32), title: "Bara på svenska"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/feed.atom?area=fruangen&lang=en") { Headers = { { "Accept-Language", "en" } } };
        var response = await Api.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        // Read by a parser this project did not write (.NET's own Atom 1.0 reader)…
        using var reader = System.Xml.XmlReader.Create(new StringReader(text));
        var feed = System.ServiceModel.Syndication.SyndicationFeed.Load(reader);
        var translated = feed.Items.Single(i => i.Id == $"urn:uuid:{dialogue.Id}");
        Assert.Equal("Safety dialogue in Fruängen", translated.Title.Text);
        Assert.Equal($"/dialoger/{dialogue.Slug}?lang=en", translated.Links.Single().Uri.PathAndQuery);
        Assert.Equal("Bara på svenska", feed.Items.Single(i => i.Id == $"urn:uuid:{plain.Id}").Title.Text);
        Assert.Equal("en", feed.Language);
        // …and every text says its language: the feed's words English, each event's in its own.
        var atom = System.Xml.Linq.XNamespace.Get("http://www.w3.org/2005/Atom");
        var xmlLang = System.Xml.Linq.XNamespace.Xml + "lang";
        var entries = System.Xml.Linq.XDocument.Parse(text).Root!.Elements(atom + "entry").ToDictionary(e => e.Element(atom + "id")!.Value);
        var entry = entries[$"urn:uuid:{dialogue.Id}"];
        Assert.Equal("en", (string?)entry.Element(atom + "title")!.Attribute(xmlLang));
        Assert.Equal(("en", "An open dialogue about safety around Fruängen's centre."),
            ((string?)entry.Element(atom + "summary")!.Attribute(xmlLang), entry.Element(atom + "summary")!.Value));
        Assert.Equal("sv", (string?)entries[$"urn:uuid:{plain.Id}"].Element(atom + "title")!.Attribute(xmlLang));
        Assert.Equal("en", (string?)entry.Element(atom + "link")!.Attribute("hreflang"));
        Assert.Contains("Fruängens bibliotek", entry.Element(atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Contains("en", response.Content.Headers.ContentLanguage);
        Assert.Contains("sv", response.Content.Headers.ContentLanguage);

        var arabic = await Api.CreateClient().GetStringAsync("/api/v1/feed.atom?area=fruangen&lang=ar");
        var arabicEntry = System.Xml.Linq.XDocument.Parse(arabic).Root!.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value == $"urn:uuid:{dialogue.Id}");
        Assert.Equal(("ar", "حوار الأمان في فرووانغن"), ((string?)arabicEntry.Element(atom + "title")!.Attribute(xmlLang), arabicEntry.Element(atom + "title")!.Value));
        Assert.Equal("sv", (string?)System.Xml.Linq.XDocument.Parse(arabic).Root!.Attribute(xmlLang));
    }

    [Fact]
    public async Task Staff_add_replace_and_remove_translations_and_see_when_the_event_changed_after()
    {
        var (planner, dialogue) = await TranslatedAsync();
        var staff = planner.Staff;

        var replaced = await staff.PutEventTranslationAsync(dialogue.Id, "en", new EventTranslationInput { Title = "Safety dialogue, Fruängen", Description = "Call 070-123 45 67 for details." });
        var listed = await staff.ListEventTranslationsAsync(dialogue.Id);
        var input = Planner.Dialogue(dialogue.StartsAt);
        input.Description = "Ny beskrivning.";
        var plan = await staff.GetEventPlanAsync(dialogue.Id);
        await staff.UpdateEventAsync(dialogue.Id, $"\"{plan.Version}\"", input);
        var afterEdit = await staff.ListEventTranslationsAsync(dialogue.Id);
        await staff.DeleteEventTranslationAsync(dialogue.Id, "ar");
        var missing = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => staff.DeleteEventTranslationAsync(dialogue.Id, "ar"));
        var (_, after) = await GetAsync($"/api/v1/dialogues/{dialogue.Slug}?lang=ar");

        Assert.Equal("Safety dialogue, Fruängen", replaced.Title);
        Assert.Contains(replaced.PersonalDataWarnings!, w => w.Field == "description" && w.Kind == PersonalDataKind.PhoneNumber);
        Assert.Equal(["en", "ar"], listed.Select(t => t.Language)); // the configured order
        Assert.All(listed, t => Assert.False(t.Outdated));
        Assert.All(afterEdit, t => Assert.True(t.Outdated));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("sv", after.GetProperty("language").GetString());
        Assert.Equal(["sv", "en"], after.GetProperty("availableLanguages").EnumerateArray().Select(l => l.GetString()));
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("de")]
    [InlineData("EN")]
    public async Task Only_the_configured_languages_other_than_Swedish_can_be_translated_into(string language)
    {
        var (planner, dialogue) = await TranslatedAsync();

        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() =>
            planner.Staff.PutEventTranslationAsync(dialogue.Id, language, English));

        Assert.Equal(400, error.StatusCode);
        Assert.True(error.Result.Errors.ContainsKey("language"));
    }

    [Fact]
    public async Task A_translation_is_validated_like_the_Swedish_texts()
    {
        var (planner, dialogue) = await TranslatedAsync();

        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() =>
            planner.Staff.PutEventTranslationAsync(dialogue.Id, "fi", new EventTranslationInput { Title = "", Place = new string('x', 501), Agenda = [""] }));

        Assert.Equal(["agenda[0]", "place", "title"], error.Result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sv, en, sv-x-lattlast, fi, ar, so", true)]
    [InlineData("en, fi", false)]
    [InlineData("sv, Fi", false)]
    [InlineData("sv, en, en", false)]
    public void The_content_languages_setting_is_checked(string languages, bool valid)
    {
        var problems = Trygghet.Api.Infrastructure.SettingsRules.Content(
            new Trygghet.Api.Infrastructure.ContentOptions { Languages = languages.Split(", ") }, null!).ToList();
        Assert.Equal(valid, problems.Count == 0);
    }
}

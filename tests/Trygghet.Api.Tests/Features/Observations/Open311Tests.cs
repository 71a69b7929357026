using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Observations;

public sealed class Open311Tests(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<string> KeyAsync(string name = "Felanmälan") =>
        (await (await Api.ClientAs(DevRole.Admin)).IssueOpen311KeyAsync(new Open311KeyRequest { Name = name })).ApiKey!;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    private static (string, string)[] Report(string key, string lat = "59.2846", string lon = "17.9694", string code = "lighting") =>
        [("api_key", key), ("service_code", code), ("lat", lat), ("long", lon), ("description", "Lampan vid trappan är trasig."), ("attribute[severity]", "3")];

    private static async Task<(int Code, string Description)> JsonError(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single();
        Assert.Equal((int)response.StatusCode, error.GetProperty("code").GetInt32());
        return (error.GetProperty("code").GetInt32(), error.GetProperty("description").GetString()!);
    }

    [Fact]
    public async Task Services_and_their_definition_in_JSON_and_XML()
    {
        var http = Api.CreateClient();

        var json = JsonDocument.Parse(await http.GetStringAsync("/open311/v2/services.json")).RootElement;
        var xml = XDocument.Parse(await http.GetStringAsync("/open311/v2/services.xml"));
        var definition = JsonDocument.Parse(await http.GetStringAsync("/open311/v2/services/lighting.json")).RootElement;
        var definitionXml = XDocument.Parse(await http.GetStringAsync("/open311/v2/services/lighting.xml"));

        Assert.Equal(10, json.GetArrayLength());
        Assert.Equal(("lighting", "Belysning", "realtime"), (json[0].GetProperty("service_code").GetString(), json[0].GetProperty("service_name").GetString(), json[0].GetProperty("type").GetString()));
        Assert.Equal(10, xml.Root!.Elements("service").Count());
        Assert.Equal("sightLines", xml.Root.Elements("service").ElementAt(1).Element("service_code")!.Value);
        Assert.Equal("severity", definition.GetProperty("attributes")[0].GetProperty("code").GetString());
        Assert.Equal(3, definitionXml.Root!.Element("attributes")!.Element("attribute")!.Element("values")!.Elements("value").Count());
        Assert.Equal(404, (await JsonError(await http.GetAsync("/open311/v2/services/nosuch.json"))).Code);
        Assert.Equal(404, (await JsonError(await http.GetAsync("/open311/v2/services.yaml"))).Code);
    }

    [Fact]
    public async Task The_discovery_document_leads_a_client_to_the_endpoint_in_both_formats()
    {
        var http = Api.CreateClient();

        var json = JsonDocument.Parse(await http.GetStringAsync("/open311/discovery.json")).RootElement;
        var xml = XDocument.Parse(await http.GetStringAsync("/open311/discovery.xml")).Root!;

        var endpoint = json.GetProperty("endpoints").EnumerateArray().Single();
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal(["application/json", "text/xml"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("test", endpoint.GetProperty("type").GetString()); // not the production service
        Assert.True(DateTimeOffset.TryParse(json.GetProperty("changeset").GetString(), out _));
        Assert.Contains("/api/v1/open311/keys", json.GetProperty("key_service").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("contact").GetString()));
        // The URL it gives is where the services are.
        var url = new Uri(endpoint.GetProperty("url").GetString()!);
        using (var services = await http.GetAsync(new Uri(url.AbsolutePath + "/services.json", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, services.StatusCode);
        Assert.Equal("discovery", xml.Name.LocalName);
        var xmlEndpoint = xml.Element("endpoints")!.Element("endpoint")!;
        Assert.Equal(url.ToString(), xmlEndpoint.Element("url")!.Value);
        Assert.Equal(["application/json", "text/xml"], xmlEndpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.Equal(404, (await JsonError(await http.GetAsync("/open311/discovery.yaml"))).Code);
    }

    [Fact]
    public async Task A_client_with_a_key_reports_and_reads_back_the_request_in_both_formats()
    {
        var http = Api.CreateClient();
        var key = await KeyAsync();

        var posted = await http.PostAsync("/open311/v2/requests.json", Form(Report(key)));
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
        var staff = await Api.ClientAs(DevRole.Staff);
        var observation = (await Api.Client().ListObservationsAsync()).Items.Single();
        var police = await staff.CreateActorAsync(new ActorInput { Organisation = "Lokalpolisområde Globen", Kind = ActorKind.Police });
        await staff.AssignObservationAsync(observation.Id, new AssignRequest { ActorId = police.Id, Deadline = new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero) });
        await staff.ChangeObservationStatusAsync(observation.Id, new StatusChangeRequest { Status = ObservationStatus.Closed, Note = "Lampan är lagad av fastighetsägaren." });

        var one = JsonDocument.Parse(await http.GetStringAsync($"/open311/v2/requests/{id}.json")).RootElement[0];
        var list = XDocument.Parse(await http.GetStringAsync("/open311/v2/requests.xml?status=closed&service_code=lighting"));
        var open = JsonDocument.Parse(await http.GetStringAsync("/open311/v2/requests.json?status=open")).RootElement;
        var byId = JsonDocument.Parse(await http.GetStringAsync($"/open311/v2/requests.json?service_request_id={id},999999")).RootElement;

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(observation.Number.ToString(), id);
        Assert.Equal(JsonValueKind.String, one.GetProperty("service_request_id").ValueKind);
        Assert.Equal(("closed", "Lampan är lagad av fastighetsägaren.", "Lokalpolisområde Globen"),
            (one.GetProperty("status").GetString(), one.GetProperty("status_notes").GetString(), one.GetProperty("agency_responsible").GetString()));
        Assert.StartsWith("2027-01-15T23:59:59+01:00", one.GetProperty("expected_datetime").GetString());
        Assert.Equal(59.2846, one.GetProperty("lat").GetDouble());
        Assert.Equal(JsonValueKind.Null, one.GetProperty("media_url").ValueKind); // no photo

        Assert.Equal(3, observation.Severity);
        var request = Assert.Single(list.Root!.Elements("request"));
        Assert.Equal((id, "closed"), (request.Element("service_request_id")!.Value, request.Element("status")!.Value));
        Assert.Equal("", request.Element("media_url")!.Value);
        Assert.Equal(0, open.GetArrayLength());
        Assert.Equal(1, byId.GetArrayLength());
        Assert.Equal(404, (await JsonError(await http.GetAsync("/open311/v2/requests/999999.json"))).Code);
    }

    [Fact]
    public async Task Without_a_valid_key_nothing_is_stored_and_errors_follow_the_specification()
    {
        var http = Api.CreateClient();
        var key = await KeyAsync();
        var revoked = await (await Api.ClientAs(DevRole.Admin)).IssueOpen311KeyAsync(new Open311KeyRequest { Name = "Gammal klient" });
        await (await Api.ClientAs(DevRole.Admin)).RevokeOpen311KeyAsync(revoked.Id);

        var missing = await http.PostAsync("/open311/v2/requests.json", Form(Report(key).Skip(1).ToArray()));
        var wrong = await http.PostAsync("/open311/v2/requests.json", Form(Report(new string('A', 43))));
        var revokedKey = await http.PostAsync("/open311/v2/requests.xml", Form(Report(revoked.ApiKey!)));
        var outside = await http.PostAsync("/open311/v2/requests.json", Form(Report(key, lat: "59.3293", lon: "18.0686")));
        var unknownCode = await http.PostAsync("/open311/v2/requests.json", Form(Report(key, code: "potholes")));
        var badDate = await http.GetAsync("/open311/v2/requests.json?start_date=yesterday");

        Assert.Equal(400, (await JsonError(missing)).Code);
        Assert.Equal(403, (await JsonError(wrong)).Code);
        Assert.Equal("text/xml", revokedKey.Content.Headers.ContentType!.MediaType);
        var xmlError = XDocument.Parse(await revokedKey.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(("errors", "403"), (xmlError.Name.LocalName, xmlError.Element("error")!.Element("code")!.Value));
        Assert.Contains("Hägersten-Älvsjö", (await JsonError(outside)).Description);
        Assert.Equal(400, (await JsonError(unknownCode)).Code);
        Assert.Equal(400, (await JsonError(badDate)).Code);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from observation"));
        Assert.Equal("open311.keyIssue,open311.keyIssue,open311.keyRevoke", await Scalar<string>("select string_agg(action, ',' order by id) from audit_log"));
    }
}

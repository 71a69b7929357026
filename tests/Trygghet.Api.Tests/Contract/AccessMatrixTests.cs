using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// Every operation of the contract, called anonymously and with each role: what the document does not
/// declare public answers 401 (no token) or 403 (a role outside <c>x-roles</c>); nothing answers 5xx.
/// </summary>
public sealed class AccessMatrixTests(ApiFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string> OperationIds() => [.. OpenApiDocument.Operations().Select(o => o.Id)];

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Each_role_gets_exactly_the_access_the_contract_declares(string operationId)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        var failures = new List<string>();

        foreach (var role in new DevRole?[] { null, DevRole.Admin, DevRole.Staff, DevRole.Moderator, DevRole.Actor })
        {
            var response = await Send(operation, role);
            var status = (int)response.StatusCode;
            var roleName = role?.ToString().ToLowerInvariant();
            var allowed = operation.Roles is null || (roleName is not null && operation.Roles.Contains(roleName));
            var expected = allowed ? "not 401/403" : roleName is null ? "401" : "403";
            var ok = status < 500 && (allowed ? status is not 401 and not 403 : status == (roleName is null ? 401 : 403));
            if (!ok) failures.Add($"{roleName ?? "anonymous"}: {status}, expected {expected}");
            if (!allowed) await Problems.ReadAsync(response);
        }

        Assert.True(failures.Count == 0, $"{operation}: {string.Join("; ", failures)}");
    }

    [Fact]
    public async Task An_actor_answers_only_in_a_dialogue_it_accepted_an_invitation_to()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(7)));
        var elsewhere = await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(8)));
        async Task<Guid> ActorAsync(string organisation, Guid? invitedTo = null, RsvpAnswer? answer = null)
        {
            var actor = await staff.CreateActorAsync(new ActorInput { Organisation = organisation, Kind = ActorKind.Police });
            if (invitedTo is not { } eventId) return actor.Id;
            var invitation = (await staff.InviteActorsAsync(eventId, new InviteRequest { ActorIds = [actor.Id] })).Single(i => i.ActorId == actor.Id);
            if (answer is { } a) await Api.Client().AnswerRsvpAsync(invitation.RsvpToken!, new RsvpRequest { Answer = a });
            return actor.Id;
        }
        var rows = new (string Actor, Guid Id, int Expected)[]
        {
            ("never invited", await ActorAsync("Polisen A"), 403),
            ("invited, not answered", await ActorAsync("Polisen B", dialogue.Id), 403),
            ("declined", await ActorAsync("Polisen C", dialogue.Id, RsvpAnswer.Decline), 403),
            ("accepted another dialogue", await ActorAsync("Polisen D", elsewhere.Id, RsvpAnswer.Accept), 403),
            ("accepted this dialogue", await ActorAsync("Polisen E", dialogue.Id, RsvpAnswer.Accept), 200),
        };
        var asked = await Api.Client().AskQuestionAsync(dialogue.Id, Guid.NewGuid().ToString(), new QuestionRequest { Text = "Hur arbetar polisen här?" });
        await (await Api.ClientAs(DevRole.Moderator)).ApproveQuestionAsync(asked.Id, new ApprovalRequest());

        var failures = new List<string>();
        foreach (var (name, id, expected) in rows)
        {
            var http = Api.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Actor, id));
            var response = await http.PostAsync($"/api/v1/questions/{asked.Id}/answers",
                new StringContent("""{"text":"Vi finns på plats varje fredag."}""", Encoding.UTF8, "application/json"));
            if ((int)response.StatusCode != expected) failures.Add($"{name}: {(int)response.StatusCode}, expected {expected}");
            if (expected == 403) await Problems.ReadAsync(response);
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
        Assert.Equal(1, await Scalar<int>("select count(*)::int from question_answer"));
    }

    [Fact]
    public async Task A_token_from_an_unknown_key_is_401()
    {
        var http = Api.CreateClient();
        var forged = await Api.TokenFor(DevRole.Admin);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged[..^4] + "AAAA");

        var response = await http.PutAsync("/api/v1/areas/aspudden/population",
            new StringContent("""{"population":1,"year":2024}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Problems.ReadAsync(response);
    }

    private async Task<HttpResponseMessage> Send(OpenApiDocument.Operation operation, DevRole? role)
    {
        var http = Api.CreateClient();
        if (role is { } r)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                await Api.TokenFor(r, r == DevRole.Actor ? Guid.NewGuid() : null));
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), OpenApiDocument.Url(operation));
        foreach (var header in operation.Parameters("header"))
            request.Headers.TryAddWithoutValidation((string)header["name"]!, OpenApiDocument.Example(header));
        if (operation.BodySchema is { } schema)
            request.Content = new StringContent(OpenApiDocument.SampleBody(schema).ToJsonString(), Encoding.UTF8, "application/json");
        return await http.SendAsync(request);
    }
}

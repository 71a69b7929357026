using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// A feature's realistic examples for the contract: instances of its request bodies and main responses. The OpenAPI
/// document shows each one, serialised exactly as the API writes JSON, as the example of its type's schema, so Swagger UI
/// fills a request body with it and shows it as the answer. Being instances of the real types, they cannot drift from them.
/// </summary>
public interface IContractExamples
{
    IEnumerable<object> Examples { get; }
}

/// <summary>An example body in a media type that is not JSON (a CSV import), shown in the contract as it is.</summary>
public sealed record RequestExample(string MediaType, string Example);

/// <summary>
/// The example of one of an operation's problems: a detail it really gives (with its arguments), or for a 400 the field
/// and message of a validation error, and the <c>reason</c> extension where the operation adds one.
/// </summary>
public sealed record ProblemExample(int Status, Text Detail, object[] Args, string? Field = null, string? Reason = null);

public static class ProblemExampleMetadata
{
    /// <summary>Shows <paramref name="detail"/> as the example of the operation's <paramref name="status"/> problem.</summary>
    public static TBuilder WithProblemExample<TBuilder>(this TBuilder builder, int status, Text detail, params object[] args) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemExample(status, detail, args));

    /// <summary>Shows a 400 whose <c>errors</c> name <paramref name="field"/> with <paramref name="message"/>.</summary>
    public static TBuilder WithFieldProblemExample<TBuilder>(this TBuilder builder, string field, Text message, params object[] args)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemExample(StatusCodes.Status400BadRequest, message, args, field));

    /// <summary>Shows <paramref name="detail"/> with the problem's <c>reason</c> extension.</summary>
    public static TBuilder WithProblemReasonExample<TBuilder>(this TBuilder builder, int status, Text detail, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemExample(status, detail, [], Reason: reason));
}

/// <summary>The times, ids and places the examples share, so that they tell one consistent story.</summary>
public static class ExampleValues
{
    public static readonly DateTimeOffset DialogueStart = new(2027, 3, 10, 18, 0, 0, TimeSpan.FromHours(1));
    public static readonly DateTimeOffset WalkStart = new(2027, 4, 14, 19, 0, 0, TimeSpan.FromHours(2));
    public static readonly DateTimeOffset Written = new(2027, 2, 3, 9, 15, 0, TimeSpan.FromHours(1));
    public static readonly Guid DialogueId = Guid.Parse("3f2b8c1e-5d4a-4e6b-9c7d-2a1f0e9b8c7d");
    public static readonly Guid WalkId = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    public static readonly Guid PoliceActorId = Guid.Parse("c56a4180-65aa-42ec-a945-5fd21dec0538");
    public static readonly Guid PropertyOwnerActorId = Guid.Parse("9b2e4d6f-1a3c-4e5b-8d7f-0a2c4e6b8d1f");
    public static readonly Guid ObservationId = Guid.Parse("1d4e7a2b-8c3f-4b9e-a6d5-0f2e8c1b7a49");
    public static readonly Guid QuestionId = Guid.Parse("5e8b2c4d-9f1a-4d3e-b7c6-2a8f0e4d6b1c");
    public static readonly Guid RegistrationId = Guid.Parse("a8098c1a-f86e-41b1-9f5c-3e2a6b7d4c80");
    public const string DialogueSlug = "trygghetsdialog-i-fruangen-2027-03-10";
    public const string WalkSlug = "trygghetsvandring-i-fruangen-2027-04-14";
}

/// <summary>Puts each <see cref="IContractExamples"/> instance on the schema of its type.</summary>
internal sealed class ContractExampleSchemaFilter : ISchemaFilter
{
    private readonly Lazy<Dictionary<Type, JsonNode>> examples;

    public ContractExampleSchemaFilter(IEnumerable<IContractExamples> providers, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) =>
        examples = new(() => providers.SelectMany(p => p.Examples)
            .GroupBy(e => e.GetType())
            .ToDictionary(g => g.Key, g => JsonSerializer.SerializeToNode(g.First(), g.Key, json.Value.SerializerOptions)!));

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && examples.Value.TryGetValue(context.Type, out var example))
            concrete.Example = example.DeepClone();
    }

    /// <summary>Every type a feature gives an example of.</summary>
    public IReadOnlyCollection<Type> Types => examples.Value.Keys;
}

/// <summary>
/// The example of each problem response, in Swedish as the API answers by default: the operation's own
/// <see cref="ProblemExample"/> where it gives one, else the shared text for the status. A 400 without its own names the
/// first required field of the body (or the first parameter), as the API's validation errors do.
/// </summary>
internal static class ProblemExamples
{
    private static readonly Dictionary<int, Text> Details = new()
    {
        [409] = CommonTexts.Constraint,
        [412] = CommonTexts.Stale,
        [413] = CommonTexts.TooLarge,
        [428] = CommonTexts.IfMatchRequired,
        [500] = CommonTexts.ServerError,
        [503] = CommonTexts.DatabaseUnavailable,
    };

    public static void Describe(OpenApiOperation operation, OpenApiDocument document, IEnumerable<object> metadata)
    {
        var own = metadata.OfType<ProblemExample>().ToList();
        foreach (var (key, response) in operation.Responses ?? [])
        {
            if (response.Content is null || !response.Content.TryGetValue("application/problem+json", out var media)) continue;
            if (!int.TryParse(key, out var status)) continue;
            media.Example = Example(status, own.LastOrDefault(e => e.Status == status), operation, document);
        }
    }

    private static JsonObject Example(int status, ProblemExample? own, OpenApiOperation operation, OpenApiDocument document)
    {
        var (title, defaultDetail) = CommonTexts.Status(status) ?? (new Text("Fel", "Error"), null);
        var problem = new JsonObject();
        if (Section(status) is { } section) problem["type"] = $"https://tools.ietf.org/html/rfc9110#section-{section}";
        problem["title"] = title.Sv;
        problem["status"] = status;
        if (status == 400)
        {
            problem["detail"] = CommonTexts.ValidationFailed.Sv;
            var field = own is { Field: { } name }
                ? (name, own.Args.Length == 0 ? own.Detail.Sv : string.Format(System.Globalization.CultureInfo.InvariantCulture, own.Detail.Sv, own.Args))
                : FirstField(operation, document);
            if (field is { } f) problem["errors"] = new JsonObject { [f.Name] = new JsonArray(f.Message) };
            return problem;
        }
        var detail = own?.Detail ?? (Details.TryGetValue(status, out var text) ? text : defaultDetail ?? title);
        object[] args = own is { Args.Length: > 0 } ? own.Args : [65_536];
        problem["detail"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, detail.Sv, args);
        if (own?.Reason is { } reason) problem["reason"] = reason;
        return problem;
    }

    private static (string Name, string Message)? FirstField(OpenApiOperation operation, OpenApiDocument document)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true
            && Resolve(json.Schema, document) is { Required: { Count: > 0 } required })
            return (required.First(), CommonTexts.JsonRequired.Sv);
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var list) == true
            && Resolve(list.Schema, document) is { Type: JsonSchemaType.Array, Items: { } items }
            && Resolve(items, document) is { Required: { Count: > 0 } itemRequired })
            return ($"[0].{itemRequired.First()}", CommonTexts.JsonRequired.Sv);
        if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var form) == true
            && Resolve(form.Schema, document) is { Required: { Count: > 0 } formRequired })
            return (formRequired.First(), CommonTexts.JsonRequired.Sv);
        if (operation.Parameters?.FirstOrDefault() is { Name: { } name })
            return (name, CommonTexts.InvalidParameter.Sv);
        return null;
    }

    private static IOpenApiSchema? Resolve(IOpenApiSchema? schema, OpenApiDocument document) =>
        schema is OpenApiSchemaReference { Reference.Id: { } id } && document.Components?.Schemas?.TryGetValue(id, out var target) == true
            ? target
            : schema;

    /// <summary>The RFC 9110 section ASP.NET Core names in <c>type</c>; none for the statuses it leaves without one.</summary>
    private static string? Section(int status) => status switch
    {
        400 => "15.5.1",
        401 => "15.5.2",
        403 => "15.5.4",
        404 => "15.5.5",
        405 => "15.5.6",
        409 => "15.5.10",
        412 => "15.5.13",
        415 => "15.5.16",
        422 => "15.5.21",
        500 => "15.6.1",
        503 => "15.6.4",
        _ => null,
    };
}

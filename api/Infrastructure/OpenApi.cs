using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// The OpenAPI 3.0 contract: descriptions from XML comments, the roles of each operation,
/// and the problem responses every operation can give.
/// </summary>
public static class OpenApi
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddTrygghetOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        // Each feature's examples (see IContractExamples), found once here so a new feature's appear without wiring.
        foreach (var type in typeof(OpenApi).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IContractExamples))))
            services.AddSingleton(typeof(IContractExamples), type);
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Trygghet API",
                Version = "2.0.0",
                Description = """
                    Safety dialogues (trygghetsdialoger), safety walks (trygghetsvandringar), local crime statistics
                    and safety measures for Hägersten-Älvsjö, Stockholm.

                    JSON in camelCase, enums as strings, times in ISO 8601 with offset. Every error is an RFC 9457
                    `application/problem+json` document; validation errors carry `errors` keyed by camelCase field path.
                    Messages are Swedish by default, English with `Accept-Language: en`.
                    Staff, moderators and actors send a JWT bearer token; the roles an operation admits are listed in
                    its description and in the `x-roles` extension.

                    **Lifecycle of a dialogue or walk.** `draft` → `publish` → `published` (→ `reschedule` → `rescheduled`)
                    → `held` once its end has passed → `close` (minutes, attendance, feedback) → `closed`; or `cancel` →
                    `cancelled`, with a reason shown publicly. Each action answers 409 from a state that does not allow it.
                    Staff edits carry `If-Match`; a published event's times change only through `reschedule`.

                    **Publishing routine.** `publish` runs the checks `publicNotice`, `actorNotice`, `requiredActors`,
                    `venueAccessibility` and `remoteLink` (see `publication-check` for the dry run); a failing blocking check
                    answers 422 with every check listed in `checks`, unless staff give an `overrideReason` (audited).

                    **Registrations.** Residents register without an account (`POST …/registrations` with an `Idempotency-Key`);
                    the answer carries a secret manage link, whose token travels in the `X-Registration-Token` header to view,
                    change mode, cancel, erase personal data, and (remote, confirmed) fetch the meeting link when it opens.
                    """,
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from the city's OIDC issuer (in Development: `POST /api/v1/dev/token`).",
            });
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.OperationFilter<RolesAndProblemsFilter>();
            options.SchemaFilter<GeoJsonSchemaFilter>();
            options.SchemaFilter<ContractExampleSchemaFilter>();
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml);
        });
        return services;
    }

    /// <summary>Writes the OpenAPI 3.0 document as indented JSON, the form committed in <c>openapi/</c>.</summary>
    public static async Task<string> WriteDocumentAsync(IServiceProvider services)
    {
        var provider = services.GetRequiredService<ISwaggerProvider>();
        var document = provider.GetSwagger(DocumentName);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0);
        return json.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>A form's fields inline (a generated client then takes each as a parameter); required: the non-nullable ones.</summary>
    private static OpenApiSchema InlineForm(Type type, OperationFilterContext context)
    {
        _ = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository);
        var name = context.SchemaRepository.Schemas.Single(s => s.Key == type.Name).Key;
        var generated = (OpenApiSchema)context.SchemaRepository.Schemas[name];
        context.SchemaRepository.Schemas.Remove(name);
        var nullability = new System.Reflection.NullabilityInfoContext();
        var required = type.GetConstructors().Single().GetParameters()
            .Where(p => Nullable.GetUnderlyingType(p.ParameterType) is null && nullability.Create(p).WriteState != System.Reflection.NullabilityState.Nullable)
            .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name!));
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = generated.Properties,
            Required = new HashSet<string>(required),
        };
    }

    private sealed class RolesAndProblemsFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            MarkRequiredParameters(operation, context);
            DescribeCommonParameters(operation);
            NameHeaderParameters(operation, context);
            TypeEnumParameters(operation, context);
            if (metadata.OfType<FileUpload>().FirstOrDefault() is { } upload && operation.RequestBody is OpenApiRequestBody body)
                body.Content!["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = upload.Description },
                        },
                        Required = new HashSet<string> { "file" },
                    },
                };
            if (metadata.OfType<FormBody>().FirstOrDefault() is { } form && operation.RequestBody is OpenApiRequestBody formBody)
                formBody.Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = InlineForm(form.Type, context) } };
            foreach (var alternate in metadata.OfType<AlternateRepresentation>())
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
                    response.Content![alternate.MediaType] = new OpenApiMediaType
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(alternate.Type, context.SchemaRepository),
                    };
            operation.Responses ??= new OpenApiResponses();
            DescribeFiles(operation);
            AddBadInput(operation, context);
            DescribeFilterProblems(operation, context);
            var roles = metadata.OfType<RolesMetadata>().LastOrDefault();
            if (roles is not null)
            {
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                ];
                var list = new JsonArray();
                foreach (var role in roles.Roles) list.Add(role);
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions["x-roles"] = new JsonNodeExtension(list);
                operation.Description = $"{operation.Description}\n\nRoles: {string.Join(", ", roles.Roles)}.".Trim();
                AddProblem(operation, context, 401, "No valid bearer token.");
                AddProblem(operation, context, 403, "The token's role may not call this operation.");
            }
            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
                AddProblem(operation, context, 429, "Too many requests from this client; see `Retry-After`.");
            AddProblem(operation, context, 500, "Unexpected error (logged; no details are returned).");
            AddProblem(operation, context, 503, "The database cannot be reached; retry after `Retry-After` seconds.");
            foreach (var example in metadata.OfType<RequestExample>())
                if (operation.RequestBody?.Content?.TryGetValue(example.MediaType, out var media) == true)
                    media.Example = JsonValue.Create(example.Example);
            ProblemExamples.Describe(operation, context.Document, metadata);
        }

        /// <summary>Descriptions of parameters that recur across operations (and of lambda endpoints, which carry no XML comments).</summary>
        private static readonly Dictionary<string, string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
        {
            ["area"] = "Slug of a neighbourhood, or of the district to include all its neighbourhoods, e.g. `fruangen`; an unknown slug is a 400.",
            ["from"] = "Only events that end at or after this instant (ISO 8601 with offset).",
            ["to"] = "Only events that start before this instant (ISO 8601 with offset).",
            ["format"] = "Only events of this format.",
            ["kind"] = "Only dialogues or only walks.",
            ["limit"] = "Page size, 1–100 (default 20).",
            ["cursor"] = "The `nextCursor` of the previous page.",
            ["idOrSlug"] = "The event's id or slug, e.g. `trygghetsdialog-i-fruangen-2027-03-10`.",
            ["lang"] = "The language of the events' own texts (BCP 47: `sv`, `en`, `sv-x-lattlast`, `fi`, `ar`, `so`), before `Accept-Language`; an event without it is given in the next language asked for, else Swedish. For links and feed readers that cannot send the header.",
            [Idempotency.Header] = "A key the client makes up per request (8–255 visible ASCII characters, e.g. a UUID) and sends again on a retry.",
        };

        private static readonly Dictionary<string, string> CommonExamples = new(StringComparer.OrdinalIgnoreCase)
        {
            [Idempotency.Header] = "0f8fad5b-d9cb-469f-a165-70867728950e",
            ["lang"] = "en",
        };

        private static void DescribeCommonParameters(OpenApiOperation operation)
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                if (string.IsNullOrEmpty(parameter.Description) && parameter.Name is { } name && CommonParameters.TryGetValue(name, out var text))
                    parameter.Description = text;
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                if (parameter.Example is null && parameter.Name is { } name && CommonExamples.TryGetValue(name, out var example))
                    parameter.Example = System.Text.Json.Nodes.JsonValue.Create(example);
        }

        /// <summary>Query enums travel as strings (see <see cref="QueryEnum"/>); the contract still names their enum.</summary>
        /// <summary>
        /// A response that is only a document in another format (CSV, iCalendar, Atom) is described as a file, so the
        /// generated clients hand it over as a file (a Blob in TypeScript, a stream in C#) instead of parsing it as
        /// JSON. Event streams stay text: they are read with EventSource, not with the generated methods.
        /// </summary>
        private static void DescribeFiles(OpenApiOperation operation)
        {
            foreach (var (status, response) in operation.Responses!)
            {
                if (!status.StartsWith('2') || response.Content is not { Count: > 0 } content) continue;
                if (content.Keys.Any(type => type.EndsWith("json", StringComparison.Ordinal) || type == "text/event-stream")) continue;
                foreach (var media in content.Values)
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }

        private static void TypeEnumParameters(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var description in context.ApiDescription.ParameterDescriptions)
            {
                if (description.ParameterInfo()?.GetCustomAttribute<QueryEnumAttribute>() is not { } attribute) continue;
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                    if (string.Equals(parameter.Name, description.Name, StringComparison.OrdinalIgnoreCase))
                        parameter.Schema = context.SchemaGenerator.GenerateSchema(attribute.EnumType, context.SchemaRepository);
            }
        }

        /// <summary>
        /// A header parameter keeps its wire name (<c>Idempotency-Key</c>) and carries the endpoint's parameter name in
        /// <c>x-originalName</c>, which NSwag takes for the generated clients' argument: <c>idempotencyKey</c>, not
        /// <c>idempotency_Key</c>.
        /// </summary>
        private static void NameHeaderParameters(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var description in context.ApiDescription.ParameterDescriptions)
            {
                if (description.Source != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Header) continue;
                if (description.ParameterInfo()?.Name is not { } name) continue;
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                    if (parameter.In == ParameterLocation.Header && string.Equals(parameter.Name, description.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        parameter.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                        parameter.Extensions["x-originalName"] = new JsonNodeExtension(JsonValue.Create(name));
                    }
            }
        }

        /// <summary>Minimal APIs bind optional values; <c>[Required]</c> says the contract requires them (the validator enforces it).</summary>
        private static void MarkRequiredParameters(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var description in context.ApiDescription.ParameterDescriptions)
            {
                var info = description.ParameterInfo();
                if (info?.GetCustomAttribute<System.ComponentModel.DataAnnotations.RequiredAttribute>() is null) continue;
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                    if (string.Equals(parameter.Name, description.Name, StringComparison.OrdinalIgnoreCase)) parameter.Required = true;
            }
        }

        /// <summary>
        /// Every operation can answer 400: a control character in any route value, query parameter (declared or not),
        /// form field or JSON body string is refused before the operation runs (see <see cref="ControlCharacterCheck"/>).
        /// </summary>
        private static void AddBadInput(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.Responses!.ContainsKey("400")) return;
            operation.Responses["400"] = new OpenApiResponse
            {
                Description = "Bad input, e.g. a control character in a route value, query parameter or body string.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(typeof(HttpValidationProblemDetails), context.SchemaRepository),
                    },
                },
            };
        }

        /// <summary>
        /// An unknown value of a filter (an area that does not exist, a value outside its enum) is a 400 naming the
        /// parameter, never an empty answer: the contract says so on each operation that has such filters.
        /// </summary>
        private static void DescribeFilterProblems(OpenApiOperation operation, OperationFilterContext context)
        {
            var filters = context.ApiDescription.ParameterDescriptions
                .Where(d => d.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query
                    && (d.Name == "area" || d.ParameterInfo()?.GetCustomAttribute<QueryEnumAttribute>() is not null))
                .Select(d => $"`{d.Name}`")
                .ToList();
            if (filters.Count == 0 || !operation.Responses!.TryGetValue("400", out var response) || response is not OpenApiResponse bad) return;
            var example = filters.Contains("`area`") ? ", e.g. `errors.area: [\"Okänt område: fruangn\"]`" : "";
            var notJson = operation.Responses.Any(r => r.Key.StartsWith('2') && r.Value.Content?.Keys.Any(type => !type.EndsWith("json", StringComparison.Ordinal)) == true);
            bad.Description = $"Bad input. An unknown value of a filter ({string.Join(", ", filters)}) is a validation problem naming the parameter in `errors`{example}"
                + (notJson ? " (a problem document, although the successful answer is not JSON)." : ".");
        }

        private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, int status, string description)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses!.ContainsKey(key)) return;
            var schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = schema },
                },
            };
        }
    }

    /// <summary>GeoJSON geometries travel as <see cref="System.Text.Json.JsonElement"/>; describe them as such.</summary>
    private sealed class GeoJsonSchemaFilter : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (context.MemberInfo?.GetCustomAttribute<GeoJsonAttribute>() is not { } geo || schema is not OpenApiSchema concrete) return;
            concrete.Type = JsonSchemaType.Object;
            concrete.Description = geo.Description;
            concrete.AdditionalPropertiesAllowed = true;
        }
    }
}

public static class ProblemResponses
{
    /// <summary>Declares the problem responses an operation gives besides those every operation can give.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            builder = status == StatusCodes.Status400BadRequest ? builder.ProducesValidationProblem() : builder.ProducesProblem(status);
        return builder;
    }
}

/// <summary>
/// The operation takes a form whose fields are <paramref name="Type"/>'s properties (files as binary), read by the endpoint
/// itself: the contract shows them inline, so that generated clients take each field as a parameter.
/// </summary>
public sealed record FormBody(Type Type);

/// <summary>The operation also takes its body as an uploaded file (<c>multipart/form-data</c>, field <c>file</c>).</summary>
public sealed record FileUpload(string Description);

/// <summary>A second representation of an operation's 200 response, chosen by <c>Accept</c> (e.g. JSON-LD).</summary>
public sealed record AlternateRepresentation(string MediaType, Type Type);

/// <summary>Marks a property holding a GeoJSON geometry (RFC 7946, WGS84 lon/lat).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class GeoJsonAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}

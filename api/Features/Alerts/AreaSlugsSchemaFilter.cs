using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Trygghet.Api.Features.Alerts;

/// <summary>
/// The contract says what the <c>areas</c> of a subscription hold: area slugs (lower-case words joined by hyphens), not free
/// text. Generated clients and the contract sweeps read the pattern.
/// </summary>
internal sealed class AreaSlugsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(AlertSubscriptionRequest) && context.Type != typeof(AlertSubscriptionChange)) return;
        if (schema.Properties?.TryGetValue("areas", out var areas) == true && areas.Items is OpenApiSchema items)
        {
            items.Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
            items.MaxLength = 100;
        }
    }
}

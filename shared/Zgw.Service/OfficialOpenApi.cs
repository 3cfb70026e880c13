using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Zgw.ServiceDefaults;

namespace Zgw.Service;

/// <summary>
/// Serves the component's official OAS (ZGW G5): the VNG file vendored in the service as
/// <c>openapi.yaml</c> (an embedded resource), with <c>servers</c> set to our public API root, at
/// <c>{root}/openapi.json</c>, <c>{root}/schema/openapi.json</c> and <c>{root}/schema/openapi.yaml</c>,
/// and a Swagger UI (NSwag) at <c>{root}/schema/</c>. No token needed.
/// </summary>
public static class OfficialOpenApi
{
    public static WebApplication MapOfficialOpenApi(this WebApplication app, ZgwComponent component, Assembly serviceAssembly)
    {
        var yaml = ReadEmbedded(serviceAssembly);
        if (yaml is null)
            return app;
        var publicRoot = app.Services.GetRequiredService<IOptions<ZgwOptions>>().Value.PublicApiRoot(component);
        var json = ToJson(yaml, publicRoot);
        var root = component.ApiPath;
        IResult Json() => Results.Text(json, "application/json");
        app.MapGet($"{root}/openapi.json", Json);
        app.MapGet($"{root}/schema/openapi.json", Json);
        app.MapGet($"{root}/schema/openapi.yaml", () => Results.Text(yaml, "application/yaml"));
        // Swagger UI's middlewares (static files, index, redirect) only on its own path, not on every API request.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments($"{root}/schema"), ui => ui.UseSwaggerUi(settings =>
        {
            settings.Path = $"{root}/schema";
            settings.DocumentPath = $"{root}/schema/openapi.json";
        }));
        return app;
    }

    public static string? ReadEmbedded(Assembly? assembly)
    {
        var name = assembly?.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("openapi.yaml", StringComparison.Ordinal));
        if (name is null)
            return null;
        using var reader = new StreamReader(assembly!.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    /// <summary>Converts the YAML document to JSON and points <c>servers</c> at our public API root.</summary>
    public static string ToJson(string yaml, string publicRoot)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = Convert(stream.Documents[0].RootNode)!.AsObject();
        node["servers"] = new JsonArray(new JsonObject { ["url"] = publicRoot });
        return node.ToJsonString();
    }

    /// <summary>YAML → JSON with YAML 1.2 core-schema typing of plain scalars (numbers, booleans, null).</summary>
    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static JsonNode? Plain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (value is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l))
            return JsonValue.Create(l);
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && value.Any(char.IsDigit))
            return JsonValue.Create(d);
        return JsonValue.Create(value);
    }
}

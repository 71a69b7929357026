using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace Trygghet.Api.Tests.Deployment;

/// <summary>
/// The Kubernetes manifests in <c>deploy/</c> against the code: probe paths are routes of the API and answer, the
/// container listens where the image does and the Service and Ingress reach it, every environment variable they set is a
/// setting the code reads (options classes by reflection, bound to the sections the code names, plus the few keys read
/// directly), and every setting the code reads is there. The same checks on a manifest with one thing wrong must fail.
/// </summary>
public sealed partial class DeploymentManifestTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Settings the code reads that a production deployment leaves unset, and why.</summary>
    private static readonly Dictionary<string, string> NotForProduction = new()
    {
        ["Auth__DevelopmentSigningKey"] = "Development only: signs the development tokens",
        ["Publishing__WarnOnly"] = "empty by default: every failed routine check blocks publishing",
        ["ConnectionStrings__Trygghet"] = "the alternative to DATABASE_URL, which the Secret sets",
    };

    /// <summary>Keys read by ASP.NET Core itself rather than by our code.</summary>
    private static readonly string[] HostKeys = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS"];

    private static readonly string[] HostPrefixes = ["Logging__"];

    [Fact]
    public void The_manifests_agree_with_the_code()
    {
        var problems = Check(Manifests.Load(), Facts());
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>All but the Secret's template, so that applying the folder never blanks the Secret the city filled in.</summary>
    [Fact]
    public void The_kustomization_lists_every_manifest_but_the_secret_template()
    {
        var resources = Manifests.Load().Single(d => d.Text("kind") == "Kustomization").Sequence("resources").Select(r => r.ToString()).ToHashSet();
        var files = Directory.GetFiles(Manifests.Folder, "*.yaml").Select(Path.GetFileName)
            .Where(f => f is not "kustomization.yaml" and not "secret.yaml").ToHashSet();
        Assert.Equal(files.Order(), resources.Order());
    }

    [Theory]
    [InlineData("Auth__Authority:", "Auth__Authorty:", "Auth__Authorty")]
    [InlineData("Mail__SmtpHost:", "Mail__SmtpHots:", "Mail__SmtpHots")]
    [InlineData("path: /health/ready", "path: /health/readiness", "/health/readiness")]
    [InlineData("containerPort: 8080", "containerPort: 80", "8080")]
    [InlineData("targetPort: http", "targetPort: web", "targetPort web")]
    [InlineData("Site__PublicUrl:", "# Site__PublicUrl:", "Site__PublicUrl")]
    [InlineData("metadata:\n  name: trygghet-secrets", "metadata:\n  name: trygghet-secret", "does not read the Secret")]
    public void A_manifest_with_one_thing_wrong_fails(string find, string replace, string named)
    {
        var documents = Manifests.Load(text => text.Replace(find, replace, StringComparison.Ordinal));
        var problems = Check(documents, Facts());
        Assert.Contains(problems, p => p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_probe_paths_answer()
    {
        var http = Api.CreateClient();
        foreach (var path in Probes(Manifests.Load()).Select(p => p.Path).Distinct())
        {
            var response = await http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void The_nginx_example_is_valid_nginx()
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed (./test installs Debian's nginx package).");
        var start = new ProcessStartInfo(nginx, ["-t", "-c", Path.Combine(Manifests.Folder, "nginx.conf")]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("test is successful", output);
    }

    // ---- what the code says -----------------------------------------------------------------------------------------

    private sealed record CodeFacts(IReadOnlySet<string> Routes, int Port, IReadOnlyDictionary<string, bool> Settings);

    private CodeFacts Facts()
    {
        var routes = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        var dockerfile = File.ReadAllText(Path.Combine(Manifests.Root, "Dockerfile"));
        var port = int.Parse(ListeningPort().Match(dockerfile).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"EXPOSE {port}", dockerfile);
        return new CodeFacts(routes, port, Settings());
    }

    /// <summary>
    /// Every setting the code reads, by its environment-variable name, and whether it is a list (<c>__0</c>, <c>__1</c>…):
    /// the public settable properties of each options class under the section the code binds it to, and the keys the
    /// code reads one by one.
    /// </summary>
    private static Dictionary<string, bool> Settings()
    {
        var sources = string.Join('\n', Directory.GetFiles(Path.Combine(Manifests.Root, "api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var types = typeof(Program).Assembly.GetTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)).ToDictionary(t => t.Name);
        var bound = SectionBinding().Matches(sources).Select(m => (Section: m.Groups["section"].Value, Type: m.Groups["type"].Value))
            .Concat(SettingsBinding().Matches(sources).Select(m => (Section: m.Groups["section"].Value, Type: m.Groups["type"].Value)))
            .Distinct().ToList();
        Assert.NotEmpty(bound);

        var settings = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (section, typeName) in bound)
        {
            var type = types.GetValueOrDefault(typeName) ?? throw new InvalidOperationException($"{typeName} is bound to {section} but not found");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
                settings[$"{section}__{property.Name}"] = property.PropertyType.IsArray
                    || (property.PropertyType != typeof(string) && property.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable)));
        }
        // Read directly: each must appear in the code as written here (with ':' between section and key).
        foreach (var (key, inCode) in new[]
                 {
                     ("DATABASE_URL", "\"DATABASE_URL\""), ("ConnectionStrings__Trygghet", "GetConnectionString(\"Trygghet\")"),
                     ("Database__MigrateOnStartup", "\"Database:MigrateOnStartup\""), ("Spa__Root", "\"Spa:Root\""), ("Seed__Demo", "\"Seed:Demo\""),
                 })
        {
            Assert.True(sources.Contains(inCode, StringComparison.Ordinal), $"{key} is no longer read as {inCode}: update {nameof(Settings)}");
            settings[key] = false;
        }
        return settings;
    }

    [GeneratedRegex(@"GetSection\(""(?<section>\w+)""\)\.Get<(?<type>\w+Options)>")]
    private static partial Regex SectionBinding();

    [GeneratedRegex(@"AddSettings<(?<type>\w+Options)>\(\s*\w+\s*,\s*""(?<section>\w+)""")]
    private static partial Regex SettingsBinding();

    [GeneratedRegex(@"ASPNETCORE_URLS=http://\+:(\d+)")]
    private static partial Regex ListeningPort();

    // ---- the checks -------------------------------------------------------------------------------------------------

    private static List<string> Check(IReadOnlyList<YamlMappingNode> documents, CodeFacts code)
    {
        var problems = new List<string>();
        YamlMappingNode? One(string kind)
        {
            var found = documents.Where(d => d.Text("kind") == kind).ToList();
            if (found.Count != 1) problems.Add($"expected one {kind}, found {found.Count}");
            return found.FirstOrDefault();
        }

        var deployment = One("Deployment");
        var service = One("Service");
        var hpa = One("HorizontalPodAutoscaler");
        var pdb = One("PodDisruptionBudget");
        var ingress = One("Ingress");
        var configMap = One("ConfigMap");
        var secret = One("Secret");
        if (deployment is null || service is null || hpa is null || pdb is null || ingress is null || configMap is null || secret is null) return problems;

        var pod = deployment.Map("spec").Map("template");
        var podLabels = pod.Map("metadata").Map("labels").Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());
        var container = pod.Map("spec").Sequence("containers").OfType<YamlMappingNode>().Single();
        var ports = container.Sequence("ports").OfType<YamlMappingNode>()
            .ToDictionary(p => p.Text("name") ?? "", p => int.Parse(p.Text("containerPort")!, System.Globalization.CultureInfo.InvariantCulture));
        int? Resolve(string port) => int.TryParse(port, out var number) ? number : ports.TryGetValue(port, out var named) ? named : null;

        // Replicas, probes, ports, security.
        if (int.Parse(deployment.Map("spec").Text("replicas")!, System.Globalization.CultureInfo.InvariantCulture) < 3) problems.Add("fewer than 3 replicas");
        if (!ports.ContainsValue(code.Port)) problems.Add($"no container port {code.Port}, where the image listens ({string.Join(", ", ports.Values)})");
        var probes = Probes(documents).ToList();
        foreach (var (name, path, port) in probes)
        {
            if (!code.Routes.Contains(path)) problems.Add($"{name} probes {path}, which is no route of the API");
            if (Resolve(port) != code.Port) problems.Add($"{name} probes port {port}, not {code.Port}");
        }
        foreach (var (probe, path) in new[] { ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
            if (!probes.Any(p => p.Probe == probe && p.Path == path)) problems.Add($"no {probe} on {path}");
        var security = container.Map("securityContext");
        if (security.Text("readOnlyRootFilesystem") != "true") problems.Add("the root file system is writable");
        if (security.Text("allowPrivilegeEscalation") != "false") problems.Add("privilege escalation is allowed");
        if (pod.Map("spec").Map("securityContext").Text("runAsNonRoot") != "true") problems.Add("the pod may run as root");
        if (pod.Map("spec").Value("terminationGracePeriodSeconds") is null) problems.Add("no terminationGracePeriodSeconds");
        if (container.Map("resources").Map("requests").Children.Count == 0) problems.Add("no resource requests");

        // The Service reaches the pods' port; the Ingress, HPA and PDB name what exists.
        var serviceName = service.Map("metadata").Text("name")!;
        if (!service.Map("spec").Map("selector").Children.All(s => podLabels.GetValueOrDefault(s.Key.ToString()) == s.Value.ToString()))
            problems.Add("the Service's selector does not match the pod's labels");
        var servicePorts = service.Map("spec").Sequence("ports").OfType<YamlMappingNode>().ToList();
        foreach (var port in servicePorts)
            if (Resolve(port.Text("targetPort")!) != code.Port) problems.Add($"the Service's targetPort {port.Value("targetPort")} is not the container's {code.Port}");
        if (!pdb.Map("spec").Map("selector").Map("matchLabels").Children.All(s => podLabels.GetValueOrDefault(s.Key.ToString()) == s.Value.ToString()))
            problems.Add("the PodDisruptionBudget's selector does not match the pod's labels");
        if (hpa.Text("apiVersion") != "autoscaling/v2") problems.Add("the HorizontalPodAutoscaler is not autoscaling/v2");
        if (hpa.Map("spec").Map("scaleTargetRef").Text("name") != deployment.Map("metadata").Text("name")) problems.Add("the HorizontalPodAutoscaler scales another Deployment");
        if (int.Parse(hpa.Map("spec").Text("minReplicas")!, System.Globalization.CultureInfo.InvariantCulture) < 3) problems.Add("the autoscaler may go below 3 replicas");
        if (ingress.Map("spec").Text("ingressClassName") != "nginx") problems.Add("the Ingress is not for ingress-nginx");
        var annotations = ingress.Map("metadata").Map("annotations");
        if (annotations.Text("nginx.ingress.kubernetes.io/proxy-buffering") != "off") problems.Add("the Ingress buffers live streams");
        if (!int.TryParse(annotations.Text("nginx.ingress.kubernetes.io/proxy-read-timeout"), out var readTimeout) || readTimeout < 600)
            problems.Add("the Ingress closes idle live streams within 10 minutes");
        foreach (var backend in ingress.Map("spec").Sequence("rules").OfType<YamlMappingNode>()
                     .SelectMany(r => r.Map("http").Sequence("paths").OfType<YamlMappingNode>()).Select(p => p.Map("backend").Map("service")))
        {
            if (backend.Text("name") != serviceName) problems.Add($"the Ingress sends to {backend.Value("name")}, not the Service {serviceName}");
            var port = backend.Map("port").Text("name") ?? backend.Map("port").Text("number");
            if (!servicePorts.Any(p => p.Text("name") == port || p.Text("port") == port)) problems.Add($"the Ingress uses the Service's port {port}, which it lacks");
        }

        // Environment: what the pod reads exists, every name is a setting of the code, every setting is there.
        var configMapName = configMap.Map("metadata").Text("name")!;
        var secretName = secret.Map("metadata").Text("name")!;
        var sources = container.Sequence("envFrom").OfType<YamlMappingNode>()
            .Select(e => e.Map("configMapRef").Text("name") ?? $"secret:{e.Map("secretRef").Value("name")}").ToHashSet();
        if (!sources.Contains(configMapName)) problems.Add($"the pod does not read the ConfigMap {configMapName}");
        if (!sources.Contains($"secret:{secretName}")) problems.Add($"the pod does not read the Secret {secretName}");
        var names = configMap.Map("data").Children.Select(c => c.Key.ToString())
            .Concat(secret.Map("stringData").Children.Concat(secret.Map("data").Children).Select(c => c.Key.ToString()))
            .Concat(container.Sequence("env").OfType<YamlMappingNode>().Select(e => e.Text("name")!))
            .ToList();
        foreach (var duplicate in names.GroupBy(n => n).Where(g => g.Count() > 1)) problems.Add($"{duplicate.Key} is set twice");
        foreach (var name in names.Distinct())
            if (!IsSetting(name, code.Settings)) problems.Add($"{name} is no setting the API reads");
        foreach (var (setting, isList) in code.Settings)
            if (!NotForProduction.ContainsKey(setting) && !names.Any(n => n == setting || (isList && n.StartsWith(setting + "__", StringComparison.Ordinal))))
                problems.Add($"{setting} is read by the API but set by no manifest");
        if (configMap.Map("data").Text("ASPNETCORE_ENVIRONMENT") is { } environment && environment != "Production")
            problems.Add("ASPNETCORE_ENVIRONMENT is not Production");
        if (configMap.Map("data").Text("ASPNETCORE_URLS") is { } urls && !urls.EndsWith($":{code.Port}", StringComparison.Ordinal))
            problems.Add($"ASPNETCORE_URLS {urls} does not listen on {code.Port}");
        foreach (var secretValue in secret.Map("stringData").Children.Concat(secret.Map("data").Children))
            if (secretValue.Value.ToString().Length > 0) problems.Add($"the Secret template holds a value for {secretValue.Key}");
        return problems;
    }

    private static bool IsSetting(string name, IReadOnlyDictionary<string, bool> settings)
    {
        if (HostKeys.Contains(name) || HostPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))) return true;
        if (settings.ContainsKey(name)) return !settings[name]; // a list is set item by item
        var index = name.LastIndexOf("__", StringComparison.Ordinal);
        return index > 0 && int.TryParse(name[(index + 2)..], out _) && settings.TryGetValue(name[..index], out var isList) && isList;
    }

    private static IEnumerable<(string Probe, string Path, string Port)> Probes(IReadOnlyList<YamlMappingNode> documents) =>
        documents.Where(d => d.Text("kind") == "Deployment")
            .SelectMany(d => d.Map("spec").Map("template").Map("spec").Sequence("containers").OfType<YamlMappingNode>())
            .SelectMany(c => new[] { "startupProbe", "livenessProbe", "readinessProbe" }
                .Where(p => c.Children.ContainsKey(new YamlScalarNode(p)))
                .Select(p => (p, c.Map(p).Map("httpGet"))))
            .Select(p => (p.Item1, (string)p.Item2.Value("path")!, (string)p.Item2.Value("port")!));
}

/// <summary>The YAML documents of <c>deploy/</c>, with small helpers to walk them.</summary>
internal static class Manifests
{
    public static string Root { get; } = FindRoot();

    public static string Folder => Path.Combine(Root, "deploy");

    /// <summary>Every document of every file, each file's text first passed through <paramref name="edit"/>.</summary>
    public static IReadOnlyList<YamlMappingNode> Load(Func<string, string>? edit = null) =>
        [.. Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).SelectMany(file =>
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader((edit ?? (t => t))(File.ReadAllText(file))));
            return yaml.Documents.Select(d => (YamlMappingNode)d.RootNode);
        })];

    public static YamlNode? Value(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlMappingNode node, string key) => node.Value(key) is YamlScalarNode scalar ? scalar.Value : null;

    public static YamlMappingNode Map(this YamlMappingNode node, string key) => node.Value(key) as YamlMappingNode ?? [];

    public static YamlSequenceNode Sequence(this YamlMappingNode node, string key) => node.Value(key) as YamlSequenceNode ?? [];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Trygghet.Api.sln"))) return dir.FullName;
        throw new InvalidOperationException("Trygghet.Api.sln not found above " + AppContext.BaseDirectory);
    }
}

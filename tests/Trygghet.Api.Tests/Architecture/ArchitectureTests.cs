using System.Reflection;
using System.Text.RegularExpressions;
using Mediator;
using NetArchTest.Rules;

namespace Trygghet.Api.Tests.Architecture;

/// <summary>
/// The shape of the API project (ADR 0012): Infrastructure references no feature, features reference each other in one
/// direction only, and every use case is a file named after it holding its one message and its one handler.
/// </summary>
public sealed partial class ArchitectureTests
{
    private const string Features = "Trygghet.Api.Features";
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static readonly string[] FeatureNames = Api.GetTypes()
        .Select(t => t.Namespace)
        .Where(n => n is not null && n.StartsWith(Features + ".", StringComparison.Ordinal))
        .Select(n => n!.Split('.')[3])
        .Distinct()
        .Order()
        .ToArray();

    [Fact]
    public void Infrastructure_references_no_feature()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("Trygghet.Api.Infrastructure").ShouldNot().HaveDependencyOn(Features).GetResult();

        Assert.True(result.IsSuccessful, "Infrastructure types that reference a feature: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Features_reference_each_other_in_one_direction_only()
    {
        Assert.True(FeatureNames.Length >= 8, $"features found: {string.Join(", ", FeatureNames)}");
        var references = FeatureNames.ToDictionary(from => from, from => FeatureNames
            .Where(to => to != from && !Types.InAssembly(Api).That().ResideInNamespace($"{Features}.{from}")
                .ShouldNot().HaveDependencyOn($"{Features}.{to}").GetResult().IsSuccessful)
            .ToList());

        var loops = new List<string>();
        foreach (var start in FeatureNames) FindLoops(start, [start], references, loops);

        Assert.True(loops.Count == 0, "features that reference each other in a loop:\n" + string.Join('\n', loops.Distinct()));
    }

    private static void FindLoops(string at, List<string> path, Dictionary<string, List<string>> references, List<string> loops)
    {
        foreach (var next in references[at])
        {
            if (next == path[0]) loops.Add(string.Join(" → ", path.Append(next)));
            else if (!path.Contains(next) && string.CompareOrdinal(next, path[0]) > 0) FindLoops(next, [.. path, next], references, loops);
        }
    }

    [Fact]
    public void Every_message_is_named_a_command_or_a_query()
    {
        var misnamed = Api.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>))))
            .Where(t => !t.Name.EndsWith("Command", StringComparison.Ordinal) && !t.Name.EndsWith("Query", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(misnamed.Count == 0, "messages without the Command or Query suffix: " + string.Join(", ", misnamed));
    }

    [Fact]
    public void Every_handler_serves_one_message_and_lives_in_the_file_named_after_it()
    {
        var failures = new List<string>();
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "api", "Features"), "*.cs", SearchOption.AllDirectories);
        foreach (var file in sources)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            foreach (Match handler in HandlerDeclaration().Matches(File.ReadAllText(file)))
            {
                var messages = HandledMessage().Matches(handler.Groups["interfaces"].Value).Select(m => m.Groups["message"].Value).ToList();
                if (messages.Count > 1) failures.Add($"{handler.Groups["class"].Value} handles {string.Join(", ", messages)}: one message per handler");
                foreach (var message in messages.Where(m => m != name + "Command" && m != name + "Query"))
                    failures.Add($"{handler.Groups["class"].Value} handles {message} in {Path.GetFileName(file)}: it belongs in {Regex.Replace(message, "(Command|Query)$", "")}.cs");
            }
        }

        Assert.True(sources.Length > 0);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [GeneratedRegex(@"class\s+(?<class>\w+)(?:\([^)]*\))?\s*:\s*(?<interfaces>[^{]*(?:ICommandHandler|IQueryHandler)<[^{]*)\{", RegexOptions.Singleline)]
    private static partial Regex HandlerDeclaration();

    [GeneratedRegex(@"I(?:Command|Query)Handler<\s*(?<message>\w+)")]
    private static partial Regex HandledMessage();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Trygghet.Api.sln"))) return dir.FullName;
        throw new InvalidOperationException("Trygghet.Api.sln not found above " + AppContext.BaseDirectory);
    }
}

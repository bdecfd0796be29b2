using System.Text.RegularExpressions;
using Prism.DeployTests.Compose;
using Prism.DeployTests.Infrastructure;

namespace Prism.DeployTests.Workflows;

public sealed partial class When_checking_the_workflows
{
    public static TheoryData<string> Workflows() => new("ci.yml", "cd.yml", "release.yml");

    private static Dictionary<object, object> Load(string workflow) => ComposeFile.Parse(Repo.Read(".github", "workflows", workflow));

    private static IEnumerable<Dictionary<object, object>> Steps(Dictionary<object, object> workflow) =>
        ComposeFile.Map(workflow, "jobs").Values.Cast<Dictionary<object, object>>()
            .SelectMany(j => ((List<object>)j["steps"]).Cast<Dictionary<object, object>>());

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Each_workflow_has_triggers_and_jobs_with_a_runner_and_steps(string workflow)
    {
        var root = Load(workflow);

        Assert.True(root.ContainsKey("on"), $"{workflow}: no triggers");
        Assert.True(root.ContainsKey("permissions"), $"{workflow}: no explicit token permissions");
        foreach (var (name, job) in ComposeFile.Map(root, "jobs"))
        {
            var definition = (Dictionary<object, object>)job;
            Assert.True(definition.ContainsKey("runs-on"), $"{workflow}: job {name} has no runs-on");
            Assert.NotEmpty((List<object>)definition["steps"]);
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_script_and_project_a_workflow_names_exists(string workflow)
    {
        var text = Repo.Read(".github", "workflows", workflow);
        var paths = RepoPath().Matches(text);

        Assert.NotEmpty(paths);
        foreach (Match m in paths)
        {
            var path = m.Value.Replace("${{ matrix.service }}", "ingest", StringComparison.Ordinal);
            Assert.True(File.Exists(Repo.PathOf(path)), $"{workflow} names {path}, which does not exist");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_action_is_pinned_to_a_version(string workflow)
    {
        var uses = Steps(Load(workflow)).Select(s => ComposeFile.Scalar(s, "uses")).OfType<string>().ToList();

        Assert.All(uses, u => Assert.Matches(@"^[\w.-]+/[\w.-]+@v\d+$", u));
    }

    [Fact]
    public void CI_runs_format_build_and_test_under_CI_with_a_broker_and_a_database()
    {
        var job = ComposeFile.Map(ComposeFile.Map(Load("ci.yml"), "jobs"), "build-and-test");
        var env = ComposeFile.Map(job, "env");
        var runs = string.Join('\n', Steps(Load("ci.yml")).Select(s => ComposeFile.Scalar(s, "run")).OfType<string>());

        Assert.Equal("true", env["CI"]);
        Assert.Equal(["postgres", "rabbitmq"], ComposeFile.Map(job, "services").Keys.Select(k => k.ToString()).Order());
        Assert.All(new[] { "PRISM_TEST_RABBITMQ", "PRISM_TEST_RABBITMQ_MANAGEMENT", "PRISM_TEST_POSTGRES" }, v => Assert.Contains(v, env.Keys));
        Assert.Contains("dotnet format Prism.sln --verify-no-changes", runs, StringComparison.Ordinal);
        Assert.Contains("dotnet build Prism.sln", runs, StringComparison.Ordinal);
        Assert.Contains("dotnet test Prism.sln", runs, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y -q prometheus", runs, StringComparison.Ordinal);
    }

    [Fact]
    public void CD_builds_every_service_image_and_deploys_staging_from_main_and_production_from_tags()
    {
        var jobs = ComposeFile.Map(Load("cd.yml"), "jobs");
        var services = ComposeFile.List(ComposeFile.Map(ComposeFile.Map(ComposeFile.Map(jobs, "images"), "strategy"), "matrix"), "service");

        Assert.Equal(BoundSettings.Services.Order(), services.Order());
        Assert.All(services, s => Assert.True(File.Exists(Repo.PathOf(Dockerfile.PathOf(s)))));
        Assert.Equal("github.ref == 'refs/heads/main'", ComposeFile.Scalar(ComposeFile.Map(jobs, "staging"), "if"));
        Assert.Equal("startsWith(github.ref, 'refs/tags/v')", ComposeFile.Scalar(ComposeFile.Map(jobs, "production"), "if"));
        var deploy = Repo.Read("scripts", "deploy.sh");
        Assert.Contains("kubectl apply -k", deploy, StringComparison.Ordinal);
        Assert.Contains("rollout status", deploy, StringComparison.Ordinal);
        Assert.Contains("/health", deploy, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Action_validator_accepts_the_workflow(string workflow)
    {
        var (exitCode, stdout, stderr) = Tool.ActionValidator.Run(Repo.Root, $".github/workflows/{workflow}");

        Assert.True(exitCode == 0, stdout + stderr);
    }

    /// <summary>Paths into the repository a workflow names: scripts, projects, Dockerfiles.</summary>
    [GeneratedRegex(@"(?<![\w/.-])(?:scripts/[\w.-]+\.sh|src/[\w]+/[\w]+\.csproj|deploy/docker/[\w${}. ]+?\.Dockerfile|global\.json)")]
    private static partial Regex RepoPath();
}

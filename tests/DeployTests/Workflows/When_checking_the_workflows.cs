using System.Text.RegularExpressions;
using Prism.DeployTests.Compose;
using Prism.DeployTests.Infrastructure;

namespace Prism.DeployTests.Workflows;

public sealed partial class When_checking_the_workflows
{
    public static TheoryData<string> Workflows() => new("ci.yml", "cd.yml", "release.yml");

    private static Dictionary<object, object> Load(string workflow) => ComposeFile.Parse(Repository.Read(".github", "workflows", workflow));

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
        var text = Repository.Read(".github", "workflows", workflow);
        var paths = RepoPath().Matches(text);

        Assert.NotEmpty(paths);
        foreach (Match m in paths)
        {
            var path = m.Value.Replace("${{ matrix.service }}", "ingest", StringComparison.Ordinal);
            Assert.True(File.Exists(Repository.PathOf(path)), $"{workflow} names {path}, which does not exist");
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
    public void CI_runs_the_ci_entry_point_as_root_under_CI_and_uploads_its_test_results()
    {
        var job = ComposeFile.Map(ComposeFile.Map(Load("ci.yml"), "jobs"), "build-and-test");
        var env = ComposeFile.Map(job, "env");
        var steps = Steps(Load("ci.yml")).ToList();
        var runs = steps.Select(s => ComposeFile.Scalar(s, "run")).OfType<string>().ToList();
        var upload = Assert.Single(steps, s => ComposeFile.Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        var testResults = TestResultsDirectory().Match(Repository.Read("scripts", "test.sh"));

        Assert.Equal("true", env["CI"]);
        Assert.Single(runs, r => CiEntryPoint().IsMatch(r));
        Assert.Contains("exec scripts/test.sh", Repository.Read(".ci", "run"), StringComparison.Ordinal);
        // test.sh starts its own RabbitMQ and PostgreSQL (which the fault suite needs) only when these are unset.
        Assert.DoesNotContain(env.Keys, k => k.ToString()!.StartsWith("PRISM_TEST_", StringComparison.Ordinal));
        Assert.False(job.ContainsKey("services"), "ci.yml: service containers would stand in for the broker and database test.sh starts");
        Assert.Equal("always()", ComposeFile.Scalar(upload, "if"));
        Assert.True(testResults.Success, "scripts/test.sh no longer names its results directory as results=...");
        Assert.Contains($"{testResults.Groups[1].Value}/*.trx", ComposeFile.Scalar(ComposeFile.Map(upload, "with"), "path"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void No_workflow_builds_formats_or_tests_beside_the_ci_entry_point(string workflow)
    {
        var runs = Steps(Load(workflow)).Select(s => ComposeFile.Scalar(s, "run")).OfType<string>();

        Assert.All(runs, r => Assert.DoesNotMatch(DotnetOnItsOwn(), r));
    }

    [Fact]
    public void CD_builds_every_service_image_and_deploys_staging_from_main_and_production_from_tags()
    {
        var jobs = ComposeFile.Map(Load("cd.yml"), "jobs");
        var services = ComposeFile.List(ComposeFile.Map(ComposeFile.Map(ComposeFile.Map(jobs, "images"), "strategy"), "matrix"), "service");

        Assert.Equal(BoundSettings.Services.Order(), services.Order());
        Assert.All(services, s => Assert.True(File.Exists(Repository.PathOf(Dockerfile.PathOf(s)))));
        Assert.Equal("github.ref == 'refs/heads/main'", ComposeFile.Scalar(ComposeFile.Map(jobs, "staging"), "if"));
        Assert.Equal("startsWith(github.ref, 'refs/tags/v')", ComposeFile.Scalar(ComposeFile.Map(jobs, "production"), "if"));
        var deploy = Repository.Read("scripts", "deploy.sh");
        Assert.Contains("kubectl apply -k", deploy, StringComparison.Ordinal);
        Assert.Contains("rollout status", deploy, StringComparison.Ordinal);
        Assert.Contains("/health", deploy, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Action_validator_accepts_the_workflow(string workflow)
    {
        var (exitCode, stdout, stderr) = Tool.ActionValidator.Run(Repository.Root, $".github/workflows/{workflow}");

        Assert.True(exitCode == 0, stdout + stderr);
    }

    /// <summary>Paths into the repository a workflow names: scripts, projects, Dockerfiles.</summary>
    [GeneratedRegex(@"(?<![\w/.-])(?:\.ci/run|scripts/[\w.-]+\.sh|src/[\w]+/[\w]+\.csproj|deploy/docker/[\w${}. ]+?\.Dockerfile|global\.json)")]
    private static partial Regex RepoPath();

    /// <summary>A step that runs .ci/run as root (it installs packages with apt-get) with the runner's PATH, so the SDK is found.</summary>
    [GeneratedRegex(@"^sudo -E env ""PATH=\$PATH"" bash \.ci/run$")]
    private static partial Regex CiEntryPoint();

    /// <summary>The test command's own results directory: <c>results=artifacts/test-results</c>.</summary>
    [GeneratedRegex(@"^results=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex TestResultsDirectory();

    /// <summary>
    /// dotnet test/format/build in a step: what scripts/test.sh (through .ci/run) already does, so a step doing it
    /// on its own checks something other than CI does. dotnet publish (release.yml) is not a check.
    /// </summary>
    [GeneratedRegex(@"\bdotnet\s+(?:test|format|build|restore)\b")]
    private static partial Regex DotnetOnItsOwn();
}

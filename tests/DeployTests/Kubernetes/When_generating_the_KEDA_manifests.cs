using k8s.Models;
using Prism.Contracts;
using Prism.Deploy;
using Prism.Deploy.Keda;

namespace Prism.DeployTests.Kubernetes;

public sealed class When_generating_the_KEDA_manifests
{
    [Fact]
    public void The_committed_files_are_what_the_generator_writes()
    {
        var generated = ManifestWriter.RenderAll();
        var committed = Directory.EnumerateFiles(Repository.PathOf("deploy", "keda")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), committed);
        foreach (var (name, text) in generated)
        {
            Assert.True(text == Repository.Read("deploy", "keda", name),
                $"deploy/keda/{name} differs from src/Deploy's output: run `dotnet run --project src/Deploy -- generate` and commit.");
        }
        Assert.True(ManifestWriter.RenderIngress() == Repository.Read("deploy", "k8s", IngressManifests.FileName),
            "deploy/k8s/ingress.yaml differs from src/Deploy's output: run `dotnet run --project src/Deploy -- generate` and commit.");
    }

    [Fact]
    public void The_trigger_watches_the_jobs_queue_of_Contracts_over_the_management_API()
    {
        var trigger = Assert.Single(Manifests.Keda.OfKind<ScaledObject>()).Spec.Triggers.Single();

        Assert.Equal("rabbitmq", trigger.Type);
        Assert.Equal(QueueNames.Jobs, trigger.Metadata["queueName"]);
        Assert.Equal("http", trigger.Metadata["protocol"]);
        Assert.Equal("QueueLength", trigger.Metadata["mode"]);
        Assert.True(int.Parse(trigger.Metadata["activationValue"], System.Globalization.CultureInfo.InvariantCulture) >= 0);
    }

    [Fact]
    public void The_target_per_replica_is_what_one_processor_computes_and_prefetches()
    {
        var scaled = Assert.Single(Manifests.Keda.OfKind<ScaledObject>());
        var config = Manifests.Base.Named<V1ConfigMap>("prism-processor").Data;

        var value = scaled.Spec.Triggers.Single().Metadata["value"];
        Assert.Equal(value, config["Processor__MaxConcurrentJobs"]);
        Assert.Equal(value, config["Bus__PrefetchCount"]);
        Assert.InRange(scaled.Spec.MinReplicaCount ?? -1, 0, scaled.Spec.MaxReplicaCount ?? 0);
    }

    [Fact]
    public void It_scales_the_processor_deployment_with_the_broker_secret()
    {
        var scaled = Assert.Single(Manifests.Keda.OfKind<ScaledObject>());
        var auth = Assert.Single(Manifests.Keda.OfKind<TriggerAuthentication>());

        var deployment = Manifests.Base.Named<V1Deployment>(scaled.Spec.ScaleTargetRef.Name);
        Assert.Null(deployment.Spec.Replicas);
        Assert.Equal(deployment.Metadata.NamespaceProperty, scaled.Metadata.NamespaceProperty);
        Assert.Equal(auth.Metadata.Name, scaled.Spec.Triggers.Single().AuthenticationRef?.Name);
        var secretRef = Assert.Single(auth.Spec.SecretTargetRef);
        Assert.Equal("host", secretRef.Parameter);
        Assert.Contains(secretRef.Key, SecretKeys.InExample(secretRef.Name));
        Assert.Contains(secretRef.Key, Manifests.Dev.Named<V1Secret>(secretRef.Name).Data.Keys);
    }

    [Fact]
    public void Scaling_up_is_fast_and_scaling_down_is_slow()
    {
        var behavior = Assert.Single(Manifests.Keda.OfKind<ScaledObject>()).Spec.Advanced!.HorizontalPodAutoscalerConfig!.Behavior!;

        Assert.Equal(0, behavior.ScaleUp.StabilizationWindowSeconds);
        Assert.True(behavior.ScaleDown.StabilizationWindowSeconds >= 120);
        Assert.True(behavior.ScaleDown.Policies.Max(p => p.Value) < behavior.ScaleUp.Policies.Max(p => p.Value));
    }
}

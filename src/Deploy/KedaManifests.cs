using k8s;
using k8s.Models;
using Prism.Contracts;
using Prism.Deploy.Keda;

namespace Prism.Deploy;

/// <summary>
/// The processor's autoscaling, as code: a KEDA ScaledObject on the jobs queue and the
/// TriggerAuthentication that reads the broker's management URL from a Secret. The queue name is
/// <see cref="QueueNames.Jobs"/>, so the autoscaler always watches the queue the processors consume.
/// </summary>
public static class KedaManifests
{
    public const string Namespace = "prism";
    public const string ProcessorDeployment = "prism-processor";
    public const string TriggerAuthenticationName = "prism-rabbitmq";

    /// <summary>Secret (in deploy/k8s) that holds the broker URLs; the key below is the management API URL.</summary>
    public const string SecretName = "prism-secrets";
    public const string ManagementUrlKey = "rabbitmq-management-url";

    /// <summary>
    /// Jobs one processor computes at once: KEDA's target queue length per replica. Must equal
    /// <c>Processor__MaxConcurrentJobs</c> (and the prefetch, <c>Bus__PrefetchCount</c>) in the
    /// processor's ConfigMap — a test checks it.
    /// </summary>
    public const int JobsPerProcessor = 4;

    public const int MinReplicas = 0;
    public const int MaxReplicas = 8;

    /// <summary>The generated files, by name, in the order they are written.</summary>
    public static IReadOnlyList<(string FileName, IKubernetesObject<V1ObjectMeta> Manifest)> All() =>
    [
        ("triggerauthentication.yaml", TriggerAuthentication()),
        ("scaledobject.yaml", ScaledObject()),
    ];

    public static TriggerAuthentication TriggerAuthentication() => new()
    {
        Metadata = Metadata(TriggerAuthenticationName),
        Spec = new TriggerAuthenticationSpec
        {
            SecretTargetRef = [new SecretTargetRef { Parameter = "host", Name = SecretName, Key = ManagementUrlKey }],
        },
    };

    public static ScaledObject ScaledObject() => new()
    {
        Metadata = Metadata(ProcessorDeployment),
        Spec = new ScaledObjectSpec
        {
            ScaleTargetRef = new ScaleTargetRef { ApiVersion = "apps/v1", Kind = "Deployment", Name = ProcessorDeployment },
            PollingInterval = 10,
            // Only used for the last replica: scale to zero after five idle minutes.
            CooldownPeriod = 300,
            MinReplicaCount = MinReplicas,
            MaxReplicaCount = MaxReplicas,
            Advanced = new ScaledObjectAdvanced
            {
                RestoreToOriginalReplicaCount = false,
                HorizontalPodAutoscalerConfig = new HorizontalPodAutoscalerConfig { Behavior = Behavior() },
            },
            Triggers =
            [
                new ScaleTrigger
                {
                    Type = "rabbitmq",
                    Name = "jobs-queue",
                    Metadata = new Dictionary<string, string>
                    {
                        // The management API counts ready + unacknowledged messages, so jobs being
                        // computed keep their processor; AMQP would see only the ready ones.
                        ["protocol"] = "http",
                        ["mode"] = "QueueLength",
                        ["queueName"] = QueueNames.Jobs,
                        ["vhostName"] = "/",
                        ["value"] = JobsPerProcessor.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        // From zero, one waiting job is enough to start a processor.
                        ["activationValue"] = "0",
                    },
                    AuthenticationRef = new AuthenticationRef { Name = TriggerAuthenticationName },
                },
            ],
        },
    };

    /// <summary>Up fast (double or +4 pods every 15 s, no stabilisation); down slowly (one pod a minute after 5 calm minutes).</summary>
    private static V2HorizontalPodAutoscalerBehavior Behavior() => new()
    {
        ScaleUp = new V2HPAScalingRules
        {
            StabilizationWindowSeconds = 0,
            SelectPolicy = "Max",
            Policies =
            [
                new V2HPAScalingPolicy { Type = "Percent", Value = 100, PeriodSeconds = 15 },
                new V2HPAScalingPolicy { Type = "Pods", Value = 4, PeriodSeconds = 15 },
            ],
        },
        ScaleDown = new V2HPAScalingRules
        {
            StabilizationWindowSeconds = 300,
            SelectPolicy = "Min",
            Policies = [new V2HPAScalingPolicy { Type = "Pods", Value = 1, PeriodSeconds = 60 }],
        },
    };

    private static V1ObjectMeta Metadata(string name) => new()
    {
        Name = name,
        NamespaceProperty = Namespace,
        Labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "prism-processor",
            ["app.kubernetes.io/part-of"] = "prism",
            ["app.kubernetes.io/managed-by"] = "prism-deploy",
        },
    };
}

using MassTransit;
using Prism.Contracts;

namespace Prism.Results.Events;

/// <summary>Records every job event from the durable <c>prism-results</c> queue.</summary>
public sealed class JobEventConsumer(StoreWriteBatcher writer) :
    IConsumer<JobSubmitted>, IConsumer<JobStarted>, IConsumer<JobCompleted>, IConsumer<JobFailed>, IConsumer<JobCancelled>,
    IConsumer<CancelJob>, IConsumer<Fault<JobSubmitted>>
{
    public Task Consume(ConsumeContext<JobSubmitted> context) => writer.ApplyAsync(JobEventRecorder.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<JobStarted> context) => writer.ApplyAsync(JobEventRecorder.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<JobCompleted> context) => writer.ApplyAsync(JobEventRecorder.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<JobFailed> context) => writer.ApplyAsync(JobEventRecorder.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<JobCancelled> context) => writer.ApplyAsync(JobEventRecorder.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<CancelJob> context) => writer.ApplyAsync(JobEventRecorder.From(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<JobSubmitted>> context) => writer.ApplyAsync(JobEventRecorder.From(context.Message), context.CancellationToken);
}

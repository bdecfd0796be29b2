using Prism.Contracts;
using Prism.Contracts.Kinds.Graph;
using Prism.Contracts.Validation;

namespace Prism.Compute.Kinds.Graph;

/// <summary>
/// <c>graph.color</c>: DSatur for a first proper colouring, then one colour fewer at a time with the
/// engine's tabu chains, until a chain fails, <c>maxColors</c> is met, or the greedy clique bound is
/// reached. Every colouring kept is proper, so the answer always is.
/// </summary>
public sealed class GraphColorHandler(IColoringEngine engine) : KindHandler<GraphColorInput, GraphColorOutput>
{
    public override string Kind => JobKinds.GraphColor;

    protected override async Task<GraphColorOutput> ExecuteAsync(GraphColorInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors { Prefix = "input" };
        var simple = GraphReader.Read(input, errors) ?? throw new JobFailureException(ErrorCodes.InvalidInput, errors.ToString());
        var graph = ColoringGraph.From(simple);

        var best = Colorings.SmallestClassLast(Dsatur.Color(graph));
        var count = Colorings.Count(best);
        var target = Math.Max(CliqueBound.Find(graph), input.MaxColors ?? 0);
        var budget = new TabuBudget(input.Attempts, input.Iterations, input.Seed);
        while (count > target)
        {
            var reduced = await engine.ReduceAsync(graph, best, count - 1, budget, cancellationToken).ConfigureAwait(false);
            if (reduced is null) break;
            if (Colorings.Conflicts(graph, reduced) != 0)
            {
                throw new InvalidOperationException("A tabu chain reported success with a conflicting colouring.");
            }
            best = Colorings.SmallestClassLast(reduced);
            count = Colorings.Count(best);
        }

        var colors = Colorings.Canonical(best);
        var conflicts = Colorings.Conflicts(graph, colors);
        return new GraphColorOutput
        {
            ColorCount = count,
            Colors = colors,
            Valid = conflicts == 0,
            Conflicts = conflicts,
            MaxColorsMet = input.MaxColors is not { } max || count <= max,
        };
    }
}

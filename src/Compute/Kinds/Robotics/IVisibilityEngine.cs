namespace Prism.Compute.Kinds.Robotics;

/// <summary>The heavy part of <c>robotics.plan</c>: the O(V²·M) test of every candidate edge against every obstacle.</summary>
public interface IVisibilityEngine
{
    /// <summary>For every node pair i &lt; j: does the segment keep at least each obstacle's reach from its centre?</summary>
    Task<VisibilityMatrix> VisibilityAsync(PlanScene scene, CancellationToken cancellationToken);
}

namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>The classes <c>pwsa.detect</c> assigns. Never rename one: clients match on them.</summary>
public static class ThreatTypes
{
    public const string Ballistic = "ballistic";
    public const string Hypersonic = "hypersonic";
    public const string Aircraft = "aircraft";
    public const string Decoy = "decoy";
    public const string Clutter = "clutter";
}

namespace NetCourse.Lab;

/// <summary>What a node of the lab is.</summary>
public enum LabNodeRole
{
    /// <summary>The machine itself (the root network namespace, where the notebook runs).</summary>
    Machine,

    /// <summary>A router: a namespace that forwards packets and answers « time exceeded ».</summary>
    Router,

    /// <summary>The lab host at the far end of the chain.</summary>
    Host,
}

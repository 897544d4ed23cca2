using System;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// What one prediction needs of its own: the inference workspace and the staging buffer that
/// gathers a batch from several input arrays. One per concurrent prediction, reused from a pool,
/// so any number of threads can predict with one model at once.
/// </summary>
internal sealed class InferenceContext
{
    private readonly AlignedBuffer workspace = new();
    private readonly AlignedBuffer inputs = new();

    public InferenceContext(InferencePool pool) => Pool = pool;

    /// <summary>The pool (the model) it belongs to.</summary>
    public InferencePool Pool { get; }

    /// <summary>The workspace for a batch of <paramref name="batch"/> samples.</summary>
    public Span<float> Workspace(WorkspaceLayout layout, int batch)
    {
        workspace.EnsureLength(layout.FloatsFor(batch));
        return workspace.Span;
    }

    /// <summary>Room for <paramref name="floats"/> input values.</summary>
    public Span<float> Inputs(int floats)
    {
        inputs.EnsureLength(floats);
        return inputs.Span;
    }
}

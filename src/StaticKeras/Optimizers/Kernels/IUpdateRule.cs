using StaticKeras.Kernels;

namespace StaticKeras;

/// <summary>
/// One optimizer's elementwise update, written twice side by side: for one element, and for whole
/// vectors of any width. Both must perform the same IEEE operations in the same order, so that
/// how the weight is split into vectors, tail and threads never changes a result.
/// <see cref="ElementwiseUpdate"/> drives a rule over a weight.
/// </summary>
internal unsafe interface IUpdateRule
{
    /// <summary>Updates element <paramref name="i"/>.</summary>
    void Element(in UpdateBuffers b, int i);

    /// <summary>Updates whole vectors from <paramref name="i"/> on and returns where they end.</summary>
    int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct;
}

/// <summary>The buffers of one weight's update: the values, the gradient and up to three state slots.</summary>
internal readonly unsafe struct UpdateBuffers(float* parameters, float* gradients, float* slot0 = null, float* slot1 = null, float* slot2 = null)
{
    /// <summary>The weight's values, updated in place.</summary>
    public readonly float* P = parameters;

    /// <summary>Its gradient.</summary>
    public readonly float* G = gradients;

    /// <summary>The first state slot (Adam's momentum).</summary>
    public readonly float* S0 = slot0;

    /// <summary>The second state slot (Adam's velocity).</summary>
    public readonly float* S1 = slot1;

    /// <summary>The third state slot (AMSGrad's maximum velocity).</summary>
    public readonly float* S2 = slot2;
}

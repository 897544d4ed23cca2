namespace StaticKeras.Kernels;

/// <summary>
/// BatchNormalization's passes for either layout (<see cref="BatchNormRows"/> for the last axis,
/// <see cref="BatchNormRuns"/> otherwise). The sums run on the calling thread in a fixed order; the
/// elementwise passes split the outer positions across <see cref="KernelOptions.Threads"/> threads.
/// </summary>
internal static unsafe class BatchNormPasses
{
    /// <summary><c>sums[c] = Σ x</c> over channel c.</summary>
    public static void Sum(float* x, NormalizationShape s, float* sums)
    {
        if (s.Inner == 1)
        {
            ChannelSums.Sum(x, s.Channels, s.Outer, s.Channels, sums, accumulate: false);
        }
        else
        {
            BatchNormRuns.Sum(x, s.Outer, s.Channels, s.Inner, sums);
        }
    }

    /// <summary><c>sums[c] += Σ (x − mean[c])²</c>.</summary>
    public static void AddSquaredDeviations(float* x, NormalizationShape s, float* mean, float* sums)
    {
        if (s.Inner == 1)
        {
            BatchNormRows.AddSquaredDeviations(x, s.Outer, s.Channels, mean, sums);
        }
        else
        {
            BatchNormRuns.AddSquaredDeviations(x, s.Outer, s.Channels, s.Inner, mean, sums);
        }
    }

    /// <summary><c>sumDy[c] += Σ dy</c>, <c>sumDyDev[c] += Σ dy · (x − mean)</c>.</summary>
    public static void AddGradientSums(float* x, float* dy, NormalizationShape s, float* mean, float* sumDy, float* sumDyDev)
    {
        if (s.Inner == 1)
        {
            BatchNormRows.AddGradientSums(x, dy, s.Outer, s.Channels, mean, sumDy, sumDyDev);
        }
        else
        {
            BatchNormRuns.AddGradientSums(x, dy, s.Outer, s.Channels, s.Inner, mean, sumDy, sumDyDev);
        }
    }

    /// <summary><c>y = x · A + B</c>, outer positions split across threads.</summary>
    public static void Normalize(in ChannelCoefficients f, float* x, float* y, NormalizationShape s)
    {
        var a = new Arguments { F = f, X = x, Y = y, Shape = s };
        RangeJob.Run(&NormalizeRange, &a, s.Outer, KernelOptions.Threads, s.Size);
    }

    /// <summary><c>dx (+)= dy · A + x · B + C</c>, outer positions split across threads.</summary>
    public static void Gradient(in ChannelCoefficients f, float* x, float* dy, float* dx, NormalizationShape s, bool accumulate)
    {
        var a = new Arguments { F = f, X = x, Y = dy, Dx = dx, Shape = s, Accumulate = accumulate };
        RangeJob.Run(&GradientRange, &a, s.Outer, KernelOptions.Threads, s.Size);
    }

    private static void NormalizeRange(void* arguments, int first, int last)
    {
        ref Arguments a = ref *(Arguments*)arguments;
        if (a.Shape.Inner == 1)
        {
            BatchNormRows.Normalize(a.F, a.X, a.Y, first, last, a.Shape.Channels);
        }
        else
        {
            BatchNormRuns.Normalize(a.F, a.X, a.Y, first, last, a.Shape.Channels, a.Shape.Inner);
        }
    }

    private static void GradientRange(void* arguments, int first, int last)
    {
        ref Arguments a = ref *(Arguments*)arguments;
        if (a.Shape.Inner == 1)
        {
            BatchNormRows.Gradient(a.F, a.X, a.Y, a.Dx, first, last, a.Shape.Channels, a.Accumulate);
        }
        else
        {
            BatchNormRuns.Gradient(a.F, a.X, a.Y, a.Dx, first, last, a.Shape.Channels, a.Shape.Inner, a.Accumulate);
        }
    }

    /// <summary>One elementwise pass's operands, on the caller's stack.</summary>
    private struct Arguments
    {
        public ChannelCoefficients F;
        public float* X;
        public float* Y;
        public float* Dx;
        public NormalizationShape Shape;
        public bool Accumulate;
    }
}

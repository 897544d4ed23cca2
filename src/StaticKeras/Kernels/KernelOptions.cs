using System;
using StaticKeras.Kernels;

namespace StaticKeras;

/// <summary>
/// Process-wide settings of the runtime kernels (Keras's
/// <c>tf.config.threading.set_intra_op_parallelism_threads</c>).
/// </summary>
public static class KernelOptions
{
    private static int threads = Environment.ProcessorCount;

    /// <summary>
    /// Threads one kernel call may use: the calling thread plus <c>Threads − 1</c> pooled workers.
    /// Defaults to every core (<see cref="Environment.ProcessorCount"/>); 1 keeps all work on the
    /// calling thread. Only products large enough to repay the hand-off are split.
    /// </summary>
    /// <remarks>
    /// Results do not depend on this setting: work is split by rows or columns of the output,
    /// never along the summed dimension, and every output sums its terms in the same order, so
    /// training with 1 thread or 16 gives bitwise the same weights.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int Threads
    {
        get => threads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            threads = value;
        }
    }

    /// <summary>
    /// The matrix-product micro-kernel this process runs, for logs and deployment checks:
    /// <c>"Vector512"</c>, <c>"Vector256"</c>, <c>"Vector128"</c> or <c>"scalar"</c> (x64 code
    /// compiled without FMA, such as a Native AOT build for the default x86-64-v2).
    /// </summary>
    /// <remarks>
    /// Under the JIT this is the widest the CPU runs; under Native AOT it is fixed when publishing
    /// by the instruction set compiled for (<c>IlcInstructionSet</c>), whatever the CPU has.
    /// </remarks>
    public static string GemmKernel => GemmRunner.Kernel switch
    {
        GemmKernelKind.Vector512 => "Vector512",
        GemmKernelKind.Vector256 => "Vector256",
        GemmKernelKind.Vector128 => "Vector128",
        _ => "scalar",
    };
}

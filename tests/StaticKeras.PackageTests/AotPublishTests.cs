using System.Globalization;
using System.Runtime.Intrinsics.X86;
using System.Text.RegularExpressions;

namespace StaticKeras.PackageTests;

/// <summary>
/// samples/AotInference publishes to one native executable with no trimming or AOT warning,
/// trains and predicts correctly as native code, and uses 256-bit vectors and the Vector256 GEMM
/// kernel on an AVX2 machine.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class AotPublishTests(PackageFeed feed)
{
    /// <summary>The issue's goal for the inference sample's executable.</summary>
    private const long SizeGoal = 5_000_000;

    [Fact]
    public void The_inference_sample_publishes_with_native_AOT_and_predicts_at_full_vector_width()
    {
        string output = Path.Combine(feed.Root, "aot");
        CommandResult publish = Dotnet.Run(Repository.Root, ["publish", Repository.File("samples/AotInference"), "-o", output, .. feed.RepositoryBuildArguments]).EnsureSuccess();
        Assert.DoesNotMatch(@"warning (IL|CS)\d{4}", publish.Output);

        string executable = Path.Combine(output, "AotInference");
        long size = new FileInfo(executable).Length;
        Assert.True(size <= SizeGoal, $"AotInference is {size:N0} bytes; the goal is {SizeGoal:N0}.");

        string weights = Path.Combine(feed.Root, "digits.weights.h5");
        string trained = Dotnet.Start(executable, output, "train", weights).EnsureSuccess().Output;
        Assert.Matches(@"test accuracy 0\.9\d{3}", trained);

        string predicted = Dotnet.Start(executable, output, "predict", weights).EnsureSuccess().Output;
        Assert.Contains("code: native AOT", predicted);
        Assert.Contains("first prediction: 7;", predicted); // the first MNIST test image is a 7
        double accuracy = double.Parse(Regex.Match(predicted, @"accuracy (\d\.\d{4})").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(accuracy >= 0.9, predicted);
        Assert.Matches(@"latency, one image: median \d+\.\d us", predicted);

        // Simd.props compiles for x86-64-v3: wherever the CPU has AVX2, the kernels run 256-bit
        // vectors, the GEMM its Vector256 micro-kernel (also on AVX-512: native AOT cannot switch
        // to Vector512 at run time, README "Deploy with Native AOT").
        if (Avx2.IsSupported)
        {
            Assert.Contains("Vector256.IsHardwareAccelerated=True", predicted);
            Assert.Contains("gemm kernel: Vector256;", predicted);
        }
    }
}

using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests;

/// <summary>
/// Prediction is thread-safe: 8 threads × 1,000 predictions on one model give, bit for bit, what
/// serial calls give, allocating nothing once warm; a prediction beside a training step on another
/// thread sees the weights of one step, never a mix.
/// </summary>
[Collection(nameof(KernelThreadsCollection))]
public sealed class ConcurrentPredictionTests
{
    private const int Threads = 8;
    private const int CallsPerThread = 1_000;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 64)]
    [InlineData(2, 1)]
    [InlineData(2, 64)]
    public void Eight_threads_predicting_at_once_get_the_serial_results_and_allocate_nothing(int kernelThreads, int batch)
    {
        int saved = StaticKeras.KernelOptions.Threads;
        StaticKeras.KernelOptions.Threads = kernelThreads;
        try
        {
            var model = new UserModulesModel(seed: 5);
            float[][] inputs = Enumerable.Range(0, Threads).Select(t => FiniteDifferences.Random(batch * 6, 100 + t)).ToArray();
            float[][] serial = inputs.Select(x => model.Predict(x, batchSize: batch)).ToArray();
            var results = new float[Threads][];
            var allocated = new long[Threads];
            var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
            using var start = new Barrier(Threads);
            Thread[] workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                float[] output = new float[batch * 3];
                model.Predict(inputs[t], output); // warm: this thread's first call may grow a workspace
                start.SignalAndWait();
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < CallsPerThread; i++)
                {
                    model.Predict(inputs[t], output);
                    if (!output.AsSpan().SequenceEqual(serial[t]))
                    {
                        failures.Add($"thread {t} call {i}");
                    }
                }

                allocated[t] = GC.GetAllocatedBytesForCurrentThread() - before;
                results[t] = output;
            })).ToArray();
            foreach (Thread w in workers)
            {
                w.Start();
            }

            foreach (Thread w in workers)
            {
                w.Join();
            }

            Assert.Empty(failures);
            Assert.All(allocated, bytes => Assert.Equal(0, bytes));
            for (int t = 0; t < Threads; t++)
            {
                Assert.Equal(serial[t], results[t]);
            }

            // The array overload from many threads at once: the same results, only the arrays allocated.
            float[][] arrays = new float[Threads][];
            Parallel.For(0, Threads, t => arrays[t] = model.Predict(inputs[t], batchSize: batch));
            Assert.Equal(serial, arrays);
        }
        finally
        {
            StaticKeras.KernelOptions.Threads = saved;
        }
    }

    [Fact]
    public void Predictions_beside_training_on_another_thread_see_the_weights_of_one_step()
    {
        var model = new Mlp(seed: 3);
        model.Compile(new SGD(learningRate: 0.5f), Losses.SparseCategoricalCrossentropy);
        float[] x = FiniteDifferences.Random(32 * 784, 7);
        int[] y = Enumerable.Range(0, 32).Select(i => i % 10).ToArray();
        float[] probe = FiniteDifferences.Random(4 * 784, 8);
        var snapshots = new List<float[]> { model.GetWeights().SelectMany(w => w).ToArray() };
        var seen = new System.Collections.Concurrent.ConcurrentBag<float[]>();
        using var done = new ManualResetEventSlim();
        var predictor = new Thread(() =>
        {
            while (!done.IsSet)
            {
                seen.Add(model.Predict(probe));
            }
        });
        predictor.Start();
        for (int step = 0; step < 40; step++)
        {
            model.TrainOnBatch(x, y);
            snapshots.Add(model.GetWeights().SelectMany(w => w).ToArray());
        }

        done.Set();
        predictor.Join();

        // Every prediction equals the prediction of one snapshot's weights, bit for bit.
        var replay = new Mlp(seed: 3);
        var expected = snapshots.Select(s =>
        {
            int offset = 0;
            replay.SetWeights(replay.Definition.Weights.Select(w => s.AsSpan(offset, w.Size).ToArray().Also(() => offset += w.Size)).ToArray());
            return replay.Predict(probe);
        }).ToList();
        Assert.True(seen.Count > 10, $"only {seen.Count} predictions ran beside training");
        Assert.All(seen, p => Assert.Contains(expected, e => e.AsSpan().SequenceEqual(p)));
    }

    [Fact]
    public void While_a_step_runs_another_trainer_gets_a_clear_error_and_a_prediction_waits_for_the_step()
    {
        // The step is held inside its forward pass by a layer that waits for the test.
        var model = new HeldModel(seed: 1);
        model.Compile(new SGD(learningRate: 0.1f), Losses.MeanSquaredError);
        float[] x = FiniteDifferences.Random(2 * 4, 1), y = FiniteDifferences.Random(2 * 4, 2);
        float[] before = model.Predict(x);
        Hold.Arm();
        var trainer = new Thread(() => model.TrainOnBatch(x, y));
        trainer.Start();
        Assert.True(Hold.Entered.Wait(TimeSpan.FromSeconds(30)), "the step did not start");

        var error = Assert.Throws<InvalidOperationException>(() => model.TrainOnBatch(x, y));
        Assert.Contains("Train one model from one thread at a time", error.Message);

        float[]? during = null;
        var predictor = new Thread(() => during = model.Predict(x));
        predictor.Start();
        Assert.False(predictor.Join(TimeSpan.FromMilliseconds(200)), "a prediction ran while the step was writing the weights");
        Hold.Release.Set();
        trainer.Join();
        predictor.Join();
        Assert.NotEqual(before, during);
        Assert.Equal(model.Predict(x), during);
    }
}

/// <summary>Tests that change <see cref="KernelOptions.Threads"/> run one at a time.</summary>
[CollectionDefinition(nameof(KernelThreadsCollection), DisableParallelization = true)]
public sealed class KernelThreadsCollection;

internal static class TestExtensions
{
    /// <summary>Returns the value after running a side effect (for counting inside a Select).</summary>
    public static T Also<T>(this T value, Action action)
    {
        action();
        return value;
    }
}

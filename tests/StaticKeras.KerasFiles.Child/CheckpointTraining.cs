using System;
using System.Threading;

namespace StaticKeras.KerasFiles.Child;

/// <summary>A model with dropout, trained with shuffling, so a resume that missed any state would differ.</summary>
[Input(6)]
[Dense(12, Activation = Activation.Relu)]
[Dropout(0.2)]
[Dense(3, Activation = Activation.Softmax)]
public partial class CheckpointMlp;

/// <summary>The training both the child process and the test run.</summary>
public static class CheckpointTraining
{
    /// <summary>Epochs trained in all.</summary>
    public const int Epochs = 6;

    /// <summary>Trains a fresh model for <see cref="Epochs"/> epochs with the given callbacks and returns it.</summary>
    public static CheckpointMlp Train(params Callback[] callbacks)
    {
        var random = new SeededRandom(77);
        var x = new float[120 * 6];
        var y = new int[120];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (random.NextSingle() * 2) - 1;
        }

        for (int i = 0; i < y.Length; i++)
        {
            y[i] = random.NextInt(3);
        }

        var model = new CheckpointMlp(seed: 5);
        model.Compile(new Adam(learningRate: 1e-2f), Losses.SparseCategoricalCrossentropy);
        model.Fit(x, y, epochs: Epochs, batchSize: 16, verbose: 0, callbacks: callbacks);
        return model;
    }
}

/// <summary>Stalls training at the start of one epoch, after telling the parent, until the process is killed.</summary>
public sealed class StallAt(int epoch) : Callback
{
    /// <inheritdoc/>
    public override void OnEpochBegin(int current)
    {
        if (current == epoch)
        {
            Console.WriteLine("STALLED " + current);
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}

using System.Collections.Generic;
using System.IO;

namespace StaticKeras.Training;

/// <summary>Keras's <c>CallbackList</c>: calls one hook on every callback, in the order given. An array, so calls allocate nothing.</summary>
internal sealed class CallbackList
{
    private readonly Callback[] callbacks;

    public CallbackList(IReadOnlyList<Callback>? callbacks, Model model, TextWriter output)
    {
        this.callbacks = callbacks is null ? [] : [.. callbacks];
        foreach (Callback callback in this.callbacks)
        {
            callback.Model = model;
            callback.Output = output;
        }
    }

    public bool IsEmpty => callbacks.Length == 0;

    public void TrainBegin()
    {
        foreach (Callback c in callbacks)
        {
            c.OnTrainBegin();
        }
    }

    public void TrainEnd()
    {
        foreach (Callback c in callbacks)
        {
            c.OnTrainEnd();
        }
    }

    public void EpochBegin(int epoch)
    {
        foreach (Callback c in callbacks)
        {
            c.OnEpochBegin(epoch);
        }
    }

    public void EpochEnd(int epoch, TrainingLogs logs)
    {
        foreach (Callback c in callbacks)
        {
            c.OnEpochEnd(epoch, logs);
        }
    }

    public void TrainBatchBegin(int batch)
    {
        foreach (Callback c in callbacks)
        {
            c.OnTrainBatchBegin(batch);
        }
    }

    public void TrainBatchEnd(int batch, TrainingLogs logs)
    {
        foreach (Callback c in callbacks)
        {
            c.OnTrainBatchEnd(batch, logs);
        }
    }

    public void TestBegin()
    {
        foreach (Callback c in callbacks)
        {
            c.OnTestBegin();
        }
    }

    public void TestEnd(TrainingLogs logs)
    {
        foreach (Callback c in callbacks)
        {
            c.OnTestEnd(logs);
        }
    }

    public void TestBatchBegin(int batch)
    {
        foreach (Callback c in callbacks)
        {
            c.OnTestBatchBegin(batch);
        }
    }

    public void TestBatchEnd(int batch, TrainingLogs logs)
    {
        foreach (Callback c in callbacks)
        {
            c.OnTestBatchEnd(batch, logs);
        }
    }
}

using System;
using System.Collections.Generic;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// The base of every generated model: Keras's model API (<c>Compile</c>, <c>Fit</c>,
/// <c>Evaluate</c>, <c>Predict</c>, <c>TrainOnBatch</c>, <c>Summary</c>, weights) over one flat
/// parameter buffer and a workspace planned at compile time. The generator derives the user's
/// partial class from it and implements the three passes with constant shapes.
/// </summary>
public abstract partial class Model
{
    private readonly AlignedBuffer parameters;
    private readonly AlignedBuffer gradients;
    private readonly AlignedBuffer trainingWorkspace = new();
    private readonly InferencePool inference = new();
    private readonly ParameterGate gate = new();
    private readonly SeededRandom[] randomStreams;
    private readonly DerivedWeights derived;
    private readonly int inferenceChunk;

    /// <summary>Creates the model and initialises its weights from <paramref name="seed"/>.</summary>
    /// <param name="definition">What the generator planned (shapes, weights, workspace).</param>
    /// <param name="seed">The seed of every random stream (weights, shuffling, dropout); a random one when null.</param>
    protected Model(ModelDefinition definition, int? seed)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Seed = seed ?? Random.Shared.Next();
        parameters = new AlignedBuffer(definition.ParameterBufferLength);
        gradients = new AlignedBuffer(definition.ParameterBufferLength);
        ShuffleRandom = SeededRandom.Derive(Seed, 1);
        randomStreams = new SeededRandom[definition.RandomSeeds.Count];
        for (int i = 0; i < randomStreams.Length; i++)
        {
            int own = definition.RandomSeeds[i];
            randomStreams[i] = own == 0 ? SeededRandom.Derive(Seed, 2) : new SeededRandom((ulong)(long)own);
        }

        derived = new DerivedWeights(PrepareDerived);
        inferenceChunk = InferenceChunks.For(definition);
        InitializeWeights();
    }

    /// <summary>What the generator knows about this model: shapes, weights, workspace plans.</summary>
    public ModelDefinition Definition { get; }

    /// <summary>The model's name (its class name).</summary>
    public string Name => Definition.Name;

    /// <summary>The seed every random stream of this model derives from.</summary>
    public int Seed { get; }

    /// <summary>Set by a callback to stop <c>Fit</c> after the current epoch (Keras's <c>model.stop_training</c>).</summary>
    public bool StopTraining { get; set; }

    /// <summary>The flat parameter buffer: every weight at its planned offset, in Keras's layouts.</summary>
    protected Span<float> Parameters => parameters.Span;

    /// <summary>The gradient buffer, laid out as <see cref="Parameters"/>.</summary>
    protected Span<float> Gradients => gradients.Span;

    /// <summary>
    /// Random stream <paramref name="index"/> of <see cref="ModelDefinition.RandomSeeds"/>, which
    /// layers draw masks and noise from. Stream 0 of a model is its own, derived from <see cref="Seed"/>.
    /// </summary>
    protected SeededRandom RandomStream(int index) => randomStreams[index];

    /// <summary>The random stream that shuffles samples between epochs.</summary>
    private SeededRandom ShuffleRandom { get; }

    /// <summary>The random streams layers draw from, in <see cref="ModelDefinition.RandomSeeds"/> order.</summary>
    internal IReadOnlyList<SeededRandom> RandomStreams => randomStreams;

    /// <summary>Keras's <c>count_params()</c>.</summary>
    public int CountParams() => Definition.ParameterCount;

    /// <summary>Runs the training forward pass: every activation the backward pass needs stays in <paramref name="workspace"/>.</summary>
    /// <param name="input">The batch, row-major; for several inputs, each input's block in turn.</param>
    /// <param name="workspace">The training workspace (at least <c>batch × Training.FloatsPerSample</c>).</param>
    /// <param name="batch">Samples in the batch.</param>
    protected abstract void ForwardTraining(ReadOnlySpan<float> input, Span<float> workspace, int batch);

    /// <summary>
    /// Runs the backward pass from dL/d(output) (at <see cref="WorkspaceLayout.OutputGradientOffset"/>)
    /// and writes every weight's gradient into <see cref="Gradients"/>.
    /// </summary>
    /// <param name="input">The batch given to <see cref="ForwardTraining"/>.</param>
    /// <param name="workspace">The same workspace.</param>
    /// <param name="batch">Samples in the batch.</param>
    /// <param name="outputGradientIsPreActivation">True when the loss gave the gradient before the output activation (fused softmax or sigmoid cross-entropy).</param>
    protected abstract void Backward(ReadOnlySpan<float> input, Span<float> workspace, int batch, bool outputGradientIsPreActivation);

    /// <summary>Runs the inference pass, writing the prediction into <paramref name="output"/>.</summary>
    /// <param name="input">The batch.</param>
    /// <param name="output">Receives <c>batch × OutputSize</c> values.</param>
    /// <param name="workspace">The inference workspace (at least <c>batch × Inference.FloatsPerSample</c>).</param>
    /// <param name="batch">Samples in the batch.</param>
    protected abstract void ForwardInference(ReadOnlySpan<float> input, Span<float> output, Span<float> workspace, int batch);

    /// <summary>
    /// Rebuilds what the inference pass derives from the weights (a convolution's transformed
    /// kernel), after they changed and before the next prediction reads them. The generator
    /// overrides it for models with such layers; the base has nothing to derive.
    /// </summary>
    protected virtual void PrepareDerived()
    {
    }

    /// <summary>Throws for a model the generator could not build; generated stubs call it so user code still compiles.</summary>
    /// <param name="message">The model's errors.</param>
    protected static ModelDefinition InvalidModel(string message) => throw new InvalidOperationException(message);

    private void InitializeWeights()
    {
        IReadOnlyList<WeightDefinition> weights = Definition.Weights;
        for (int i = 0; i < weights.Count; i++)
        {
            WeightDefinition w = weights[i];
            Initializers.Initialize(w.Initializer, Parameters.Slice(w.Offset, w.Size), w.FanIn, w.FanOut, SeededRandom.Derive(Seed, 1000 + i));
        }
    }

    private Span<float> TrainingWorkspace(int batch)
    {
        trainingWorkspace.EnsureLength(Definition.Training.FloatsFor(batch));
        return trainingWorkspace.Span;
    }

    /// <summary>
    /// Runs the inference pass on one batch with a pooled context, reading the weights under the
    /// gate: safe from any number of threads, and beside a training step on another thread.
    /// </summary>
    private void RunInference(ReadOnlySpan<float> x, Span<float> output, int batch, InferenceContext context)
    {
        gate.EnterRead();
        try
        {
            derived.EnsureCurrent();
            if (batch <= inferenceChunk)
            {
                ForwardInference(x, output, context.Workspace(Definition.Inference, batch), batch);
                return;
            }

            // A batch whose activations outgrow the cache runs in chunks (InferenceChunks); same values, sample by sample.
            Span<float> workspace = context.Workspace(Definition.Inference, inferenceChunk);
            int inputs = Definition.InputSize, outputs = Definition.OutputSize;
            for (int first = 0; first < batch; first += inferenceChunk)
            {
                int n = Math.Min(inferenceChunk, batch - first);
                ForwardInference(x.Slice(first * inputs, n * inputs), output.Slice(first * outputs, n * outputs), workspace, n);
            }
        }
        finally
        {
            gate.ExitRead();
        }
    }

    /// <summary><see cref="RunInference(ReadOnlySpan{float}, Span{float}, int, InferenceContext)"/> with a context rented for the call.</summary>
    private void RunInference(ReadOnlySpan<float> x, Span<float> output, int batch)
    {
        InferenceContext context = inference.Rent();
        try
        {
            RunInference(x, output, batch, context);
        }
        finally
        {
            inference.Return(context);
        }
    }

    /// <summary>
    /// Begins changing the weights (a training step, a load): predictions on other threads wait
    /// until <see cref="EndWeightWrite"/>, so none reads them half-written. Pair in try/finally.
    /// </summary>
    private void BeginWeightWrite() => gate.EnterWrite(Name);

    /// <summary>Ends what <see cref="BeginWeightWrite"/> began.</summary>
    private void EndWeightWrite()
    {
        derived.Invalidate();
        gate.ExitWrite();
    }

    /// <summary>Marks the derived buffers stale after the weights were written through a span handed out (<see cref="GetWeight"/>).</summary>
    private void WeightsHandedOut() => derived.Invalidate();
}

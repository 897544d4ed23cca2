using StaticKeras;

namespace Serving;

/// <summary>A StaticKeras model as the service's predictor.</summary>
/// <param name="model">The model, its weights loaded.</param>
public sealed class ModelPredictor(Model model) : IPredictor
{
    /// <inheritdoc/>
    public string Name => model.Name;

    /// <inheritdoc/>
    public int InputSize => model.Definition.InputSize;

    /// <inheritdoc/>
    public int OutputSize => model.Definition.OutputSize;

    /// <inheritdoc/>
    public string Summary { get; } = model.SummaryText();

    /// <inheritdoc/>
    /// <remarks>No lock: <see cref="Model.Predict(ReadOnlySpan{float}, Span{float})"/> is thread-safe, so requests run in parallel.</remarks>
    public void Predict(ReadOnlySpan<float> x, Span<float> y) => model.Predict(x, y);
}

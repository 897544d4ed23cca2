using StaticKeras;

namespace Serving;

/// <summary>A StaticKeras model as the service's predictor.</summary>
/// <param name="model">The model, its weights loaded.</param>
public sealed class ModelPredictor(Model model) : IPredictor
{
    // Model.Predict shares one workspace between callers today (issue 12 makes it thread-safe);
    // until then requests take turns here. This lock is the only one: delete it with the fix.
    private readonly Lock turns = new();

    /// <inheritdoc/>
    public string Name => model.Name;

    /// <inheritdoc/>
    public int InputSize => model.Definition.InputSize;

    /// <inheritdoc/>
    public int OutputSize => model.Definition.OutputSize;

    /// <inheritdoc/>
    public string Summary { get; } = model.SummaryText();

    /// <inheritdoc/>
    public void Predict(ReadOnlySpan<float> x, Span<float> y)
    {
        lock (turns)
        {
            model.Predict(x, y);
        }
    }
}

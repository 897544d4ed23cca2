namespace Serving;

/// <summary>
/// What the service needs from a model: sizes, a summary, and batch prediction that any number
/// of requests may call at once. StaticKeras's model is one; the load test's ONNX Runtime
/// session is another, so both run behind the same endpoints.
/// </summary>
public interface IPredictor
{
    /// <summary>The model's name, for messages.</summary>
    string Name { get; }

    /// <summary>Values per input sample.</summary>
    int InputSize { get; }

    /// <summary>Values per output sample.</summary>
    int OutputSize { get; }

    /// <summary>The text <c>GET /model</c> returns.</summary>
    string Summary { get; }

    /// <summary>Predicts <c>x.Length / InputSize</c> samples into <paramref name="y"/>; safe to call from many threads.</summary>
    /// <exception cref="ArgumentException">The sizes do not fit the model; the message says how.</exception>
    void Predict(ReadOnlySpan<float> x, Span<float> y);
}

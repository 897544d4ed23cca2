using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Serving;

/// <summary>
/// <c>POST /predict</c>. Everything a client can get wrong is a 400 with a message naming the
/// problem: malformed JSON, a body over the limit, no or empty <c>inputs</c>, too many samples,
/// a sample of the wrong length, a number that is not finite; the model's own
/// <see cref="ArgumentException"/> too, should it refuse the batch.
/// </summary>
internal sealed class PredictEndpoint(IPredictor predictor, ServingOptions options)
{
    public async Task HandleAsync(HttpContext context)
    {
        PredictRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, ServingJson.Web.PredictRequest, context.RequestAborted);
        }
        catch (JsonException e)
        {
            await BadRequestAsync(context, $"The body is not the JSON {{\"inputs\": [[numbers], ...]}} this endpoint takes: {e.Message}");
            return;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await BadRequestAsync(context, $"The body is over this service's limit of {options.MaxBodyBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; send fewer samples per request.");
            return;
        }

        float[][]? inputs = request?.Inputs;
        if (Refusal(inputs) is { } refusal)
        {
            await BadRequestAsync(context, refusal);
            return;
        }

        PredictResponse response;
        try
        {
            response = Predict(inputs!);
        }
        catch (ArgumentException e)
        {
            await BadRequestAsync(context, e.Message);
            return;
        }

        await context.Response.WriteAsJsonAsync(response, ServingJson.Web.PredictResponse, cancellationToken: context.RequestAborted);
    }

    /// <summary>Why the inputs cannot be predicted, or null when they can.</summary>
    private string? Refusal(float[][]? inputs)
    {
        if (inputs is null)
        {
            return "The body has no \"inputs\": send {\"inputs\": [[numbers], ...]}, one array per sample.";
        }

        if (inputs.Length == 0)
        {
            return "The batch is empty: \"inputs\" needs at least one sample.";
        }

        if (inputs.Length > options.MaxBatch)
        {
            return $"The batch has {inputs.Length} samples; this service takes at most {options.MaxBatch} per request.";
        }

        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is not { } sample || sample.Length != predictor.InputSize)
            {
                string actual = inputs[i] is null ? "is null" : $"has {inputs[i].Length} values";
                return $"inputs[{i}] {actual}, but model '{predictor.Name}' takes {predictor.InputSize} values per sample.";
            }

            int bad = Array.FindIndex(sample, v => !float.IsFinite(v));
            if (bad >= 0)
            {
                return $"inputs[{i}][{bad}] is {sample[bad].ToString(CultureInfo.InvariantCulture)}; every input must be a finite number.";
            }
        }

        return null;
    }

    private PredictResponse Predict(float[][] inputs)
    {
        int batch = inputs.Length, inSize = predictor.InputSize, outSize = predictor.OutputSize;
        float[] x = ArrayPool<float>.Shared.Rent(batch * inSize);
        float[] y = ArrayPool<float>.Shared.Rent(batch * outSize);
        try
        {
            for (int i = 0; i < batch; i++)
            {
                inputs[i].CopyTo(x, i * inSize);
            }

            predictor.Predict(x.AsSpan(0, batch * inSize), y.AsSpan(0, batch * outSize));
            var outputs = new float[batch][];
            for (int i = 0; i < batch; i++)
            {
                outputs[i] = y.AsSpan(i * outSize, outSize).ToArray();
            }

            return new PredictResponse(outputs);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(x);
            ArrayPool<float>.Shared.Return(y);
        }
    }

    private static Task BadRequestAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(new ErrorResponse(message), ServingJson.Web.ErrorResponse);
    }
}

namespace StaticKeras.Onnx.Tests;

/// <summary>One spatial axis of a Keras convolution or pooling window.</summary>
public readonly record struct Axis(int Input, int Kernel, int Stride = 1, int Dilation = 1)
{
    public int Effective => ((Kernel - 1) * Dilation) + 1;

    /// <summary>keras/src/ops/operation_utils.py compute_conv_output_shape: output size and padding before.</summary>
    public (int Output, int Before) Conv(string padding) => padding switch
    {
        "valid" => (((Input - Effective) / Stride) + 1, 0),
        "same" => SameConv(),
        "causal" => (Input, Effective - 1), // keras/src/layers/convolutional/base_conv.py: left-pads (k-1)·d
        _ => throw new ArgumentOutOfRangeException(nameof(padding)),
    };

    private (int, int) SameConv()
    {
        int output = ((Input - 1) / Stride) + 1;
        int total = Math.Max((output - 1) * Stride + Effective - Input, 0);
        return (output, total / 2);
    }
}

public static partial class Reference
{
    /// <summary>
    /// keras/src/layers/convolutional/base_conv.py on a channels-last 2-D input (a 1-D one is
    /// height 1): <c>y[n,i,j,f] = b[f] + Σ x[n, i·s − p + a·d, j·s − p + b·d, c] · K[a, b, c, f]</c>
    /// over the channels of f's group; positions outside the input read 0.
    /// </summary>
    public static float[] Conv2D(float[] x, int batch, Axis h, Axis w, int channels, float[] kernel, float[] bias, int filters, string padding, int groups = 1)
    {
        (int oh, int ph) = h.Conv(padding == "causal" ? "valid" : padding);
        (int ow, int pw) = w.Conv(padding);
        int perGroup = channels / groups, filtersPerGroup = filters / groups;
        var y = new float[batch * oh * ow * filters];
        for (int n = 0; n < batch; n++)
        for (int i = 0; i < oh; i++)
        for (int j = 0; j < ow; j++)
        for (int f = 0; f < filters; f++)
        {
            double sum = bias.Length == 0 ? 0 : bias[f];
            int group = f / filtersPerGroup;
            for (int a = 0; a < h.Kernel; a++)
            for (int b = 0; b < w.Kernel; b++)
            {
                int r = (i * h.Stride) - ph + (a * h.Dilation), c = (j * w.Stride) - pw + (b * w.Dilation);
                if (r < 0 || r >= h.Input || c < 0 || c >= w.Input)
                {
                    continue;
                }

                for (int k = 0; k < perGroup; k++)
                {
                    sum += (double)x[(((((n * h.Input) + r) * w.Input) + c) * channels) + (group * perGroup) + k]
                        * kernel[(((((a * w.Kernel) + b) * perGroup) + k) * filters) + f];
                }
            }

            y[(((((n * oh) + i) * ow) + j) * filters) + f] = (float)sum;
        }

        return y;
    }

    /// <summary>
    /// keras/src/layers/convolutional/base_conv_transpose.py on a channels-last 2-D input, kernel
    /// <c>(kh, kw, filters, in)</c>: the full transposed convolution
    /// <c>full[i·s + a·d] += x[i] · K[a]</c>, cropped as Keras's padding says
    /// (backend_utils.py, _convert_conv_transpose_padding_args_from_keras_to_jax, with
    /// output_padding=None; output sizes from deconv_output_length).
    /// </summary>
    public static float[] ConvTranspose2D(float[] x, int batch, Axis h, Axis w, int channels, float[] kernel, float[] bias, int filters, string padding)
    {
        (int oh, int crop_h) = TransposeAxis(h, padding);
        (int ow, int crop_w) = TransposeAxis(w, padding);
        var y = new double[batch * oh * ow * filters];
        for (int n = 0; n < batch; n++)
        for (int i = 0; i < h.Input; i++)
        for (int j = 0; j < w.Input; j++)
        for (int a = 0; a < h.Kernel; a++)
        for (int b = 0; b < w.Kernel; b++)
        {
            int r = (i * h.Stride) + (a * h.Dilation) - crop_h, c = (j * w.Stride) + (b * w.Dilation) - crop_w;
            if (r < 0 || r >= oh || c < 0 || c >= ow)
            {
                continue;
            }

            for (int f = 0; f < filters; f++)
            for (int k = 0; k < channels; k++)
            {
                y[(((((n * oh) + r) * ow) + c) * filters) + f] += (double)x[(((((n * h.Input) + i) * w.Input) + j) * channels) + k]
                    * kernel[(((((a * w.Kernel) + b) * filters) + f) * channels) + k];
            }
        }

        return [.. y.Select((v, index) => (float)(v + bias[index % filters]))];
    }

    /// <summary>Output size and how much of the full transposed convolution Keras crops at the start.</summary>
    private static (int Output, int Crop) TransposeAxis(Axis axis, string padding)
    {
        int k = axis.Effective, s = axis.Stride;
        if (padding == "valid")
        {
            return ((axis.Input * s) + Math.Max(k - s, 0), 0); // left pad k-1: nothing cropped
        }

        int length = s + k - 2;
        int left = Math.Min((length / 2) + (length % 2), k - 1);
        return (axis.Input * s, k - 1 - left);
    }

    /// <summary>
    /// keras/src/layers/pooling/base_pooling.py: the max or the mean of each window; with 'same'
    /// padding the mean is over the positions inside the input only.
    /// </summary>
    public static float[] Pool2D(float[] x, int batch, Axis h, Axis w, int channels, string padding, bool max)
    {
        (int oh, int ph) = h.Conv(padding);
        (int ow, int pw) = w.Conv(padding);
        var y = new float[batch * oh * ow * channels];
        for (int n = 0; n < batch; n++)
        for (int i = 0; i < oh; i++)
        for (int j = 0; j < ow; j++)
        for (int k = 0; k < channels; k++)
        {
            double best = double.NegativeInfinity, sum = 0;
            int count = 0;
            for (int a = 0; a < h.Kernel; a++)
            for (int b = 0; b < w.Kernel; b++)
            {
                int r = (i * h.Stride) - ph + a, c = (j * w.Stride) - pw + b;
                if (r >= 0 && r < h.Input && c >= 0 && c < w.Input)
                {
                    float v = x[(((((n * h.Input) + r) * w.Input) + c) * channels) + k];
                    best = Math.Max(best, v);
                    sum += v;
                    count++;
                }
            }

            y[(((((n * oh) + i) * ow) + j) * channels) + k] = (float)(max ? best : sum / count);
        }

        return y;
    }
}

using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Rows and columns before and after the two spatial axes (Keras's <c>((top, bottom), (left,
/// right))</c> of ZeroPadding2D and Cropping2D; a 1D layer uses only left and right).
/// </summary>
/// <param name="Top">Rows before.</param>
/// <param name="Bottom">Rows after.</param>
/// <param name="Left">Columns before.</param>
/// <param name="Right">Columns after.</param>
public readonly record struct SpatialMargins(int Top, int Bottom, int Left, int Right)
{
    /// <summary>Margins of a 1D layer (steps before and after).</summary>
    /// <param name="before">Steps before.</param>
    /// <param name="after">Steps after.</param>
    /// <returns>The margins.</returns>
    public static SpatialMargins Steps(int before, int after) => new(0, 0, before, after);

    /// <summary>The padded size.</summary>
    internal (int Height, int Width) Grow(int height, int width)
    {
        Validate();
        return (height + Top + Bottom, width + Left + Right);
    }

    /// <summary>The cropped size.</summary>
    internal (int Height, int Width) Shrink(int height, int width)
    {
        Validate();
        (int h, int w) = (height - Top - Bottom, width - Left - Right);
        if (h < 1 || w < 1)
        {
            throw new ArgumentException($"Cropping ({Top}, {Bottom}) × ({Left}, {Right}) leaves {h}×{w} of the {height}×{width} input; crop less.", "cropping");
        }

        return (h, w);
    }

    private void Validate()
    {
        if (Top < 0 || Bottom < 0 || Left < 0 || Right < 0)
        {
            throw new ArgumentException($"Margins are ({Top}, {Bottom}) × ({Left}, {Right}), but every margin must be 0 or more.", "margins");
        }
    }
}

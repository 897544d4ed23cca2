namespace StaticKeras.Kernels;

/// <summary>
/// One Winograd algorithm F(m×m, 3×3): outputs per tile side, points per tile side (the input
/// patch, <c>m + 2</c>), and its three transforms. <see cref="WinogradProducts{TTile}"/> is generic
/// over it, so F(2×2, 3×3) and F(4×4, 3×3) share the tiling, chunking and products.
/// </summary>
internal unsafe interface IWinogradTile
{
    /// <summary>Outputs per tile side (m).</summary>
    static abstract int Outputs { get; }

    /// <summary>Input points per tile side (α = m + 2); a tile has α² products.</summary>
    static abstract int Points { get; }

    /// <summary>The transformed kernel <c>U (α², channels, filters)</c> of a Keras kernel <c>(3, 3, channels, filters)</c>.</summary>
    static abstract void Kernel(float* kernel, int channels, int filters, float* u);

    /// <summary>
    /// <c>V[ξ][c]</c> of one tile from its α² input pixels (row-major; padding points at a zero row),
    /// <paramref name="stride"/> floats between products; <paramref name="work"/> holds α² vectors.
    /// </summary>
    static abstract void Input(float** pixels, float* v, nint stride, int channels, float* work);

    /// <summary>
    /// One tile's m² outputs from <c>m[ξ][f]</c>: bias, ReLU or accumulation as asked; an output
    /// past the image points at a discard row; <paramref name="work"/> holds α² vectors.
    /// </summary>
    static abstract void Output(float* m, nint stride, float** outputs, float* bias, bool relu, bool accumulate, int filters, float* work);
}

/// <summary>F(2×2, 3×3): 16 products per 4 outputs, transforms of additions only.</summary>
internal readonly unsafe struct WinogradF2 : IWinogradTile
{
    public static int Outputs => 2;

    public static int Points => 4;

    /// <summary>G = [[1, 0, 0], [½, ½, ½], [½, −½, ½], [0, 0, 1]].</summary>
    private static readonly WinogradKernelTransform Transform = new([1, 0, 0, 0.5, 0.5, 0.5, 0.5, -0.5, 0.5, 0, 0, 1], 4);

    public static void Kernel(float* kernel, int channels, int filters, float* u) => Transform.Run(kernel, channels, filters, u);

    public static void Input(float** pixels, float* v, nint stride, int channels, float* work) => WinogradTiles.Input(pixels, v, stride, channels);

    public static void Output(float* m, nint stride, float** outputs, float* bias, bool relu, bool accumulate, int filters, float* work) =>
        WinogradTiles.Output(m, stride, outputs, bias, relu, accumulate, filters);
}

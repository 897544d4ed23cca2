namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary><c>[ZeroPadding2D]</c> (keras/src/layers/reshaping/zero_padding2d.py); see <see cref="MarginLayer"/>.</summary>
internal sealed class ZeroPadding2D : MarginLayer
{
    private static readonly int[] KerasDefault = { 1 };

    public override string AttributeName => "StaticKeras.ZeroPadding2DAttribute";

    public override string KerasClassName => "ZeroPadding2D";

    protected override int SpatialAxes => 2;

    protected override bool Crops => false;

    protected override int[] Default => KerasDefault;
}

namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary><c>[ZeroPadding1D]</c> (keras/src/layers/reshaping/zero_padding1d.py); see <see cref="MarginLayer"/>.</summary>
internal sealed class ZeroPadding1D : MarginLayer
{
    private static readonly int[] KerasDefault = { 1 };

    public override string AttributeName => "StaticKeras.ZeroPadding1DAttribute";

    public override string KerasClassName => "ZeroPadding1D";

    protected override int SpatialAxes => 1;

    protected override bool Crops => false;

    protected override int[] Default => KerasDefault;
}

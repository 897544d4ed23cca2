namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary><c>[Cropping1D]</c> (keras/src/layers/reshaping/cropping1d.py); see <see cref="MarginLayer"/>.</summary>
internal sealed class Cropping1D : MarginLayer
{
    private static readonly int[] KerasDefault = { 1 };

    public override string AttributeName => "StaticKeras.Cropping1DAttribute";

    public override string KerasClassName => "Cropping1D";

    protected override int SpatialAxes => 1;

    protected override bool Crops => true;

    protected override int[] Default => KerasDefault;
}

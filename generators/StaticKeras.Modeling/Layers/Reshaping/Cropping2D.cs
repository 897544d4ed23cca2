namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary><c>[Cropping2D]</c> (keras/src/layers/reshaping/cropping2d.py); see <see cref="MarginLayer"/>.</summary>
internal sealed class Cropping2D : MarginLayer
{
    private static readonly int[] KerasDefault = { 0 };

    public override string AttributeName => "StaticKeras.Cropping2DAttribute";

    public override string KerasClassName => "Cropping2D";

    protected override int SpatialAxes => 2;

    protected override bool Crops => true;

    protected override int[] Default => KerasDefault;
}

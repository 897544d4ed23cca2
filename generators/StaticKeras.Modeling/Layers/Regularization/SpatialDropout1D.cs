namespace StaticKeras.Modeling.Layers.Regularization;

/// <summary><c>[SpatialDropout1D]</c> (keras/src/layers/regularization/spatial_dropout.py); see <see cref="SpatialDropoutLayer"/>.</summary>
internal sealed class SpatialDropout1D : SpatialDropoutLayer
{
    public override string AttributeName => "StaticKeras.SpatialDropout1DAttribute";

    public override string KerasClassName => "SpatialDropout1D";

    protected override int SpatialAxes => 1;
}
